package org.sanad.server.access.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.sanad.server.web.ProblemException;
import org.sanad.server.web.ProblemResponses;
import org.sanad.server.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above a maximum with 413, before anything parses them: at once when
 * {@code Content-Length} announces too much, and while reading when a streamed (chunked) body
 * grows past the maximum. A message converter that wraps the read failure (Jackson does) is
 * caught by {@link RequestBodyLimitAdvice}, which still answers 413.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** Request attribute set when a streamed body grew past the maximum. */
    static final String TOO_LARGE = ProblemResponses.BODY_TOO_LARGE;

    private final long maxBytes;
    private final ProblemResponses problems;

    RequestBodyLimitFilter(long maxBytes, ProblemResponses problems) {
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            // The connection may still carry the body; do not keep it open for more.
            response.setHeader("Connection", "close");
            problems.write(response, HttpStatus.CONTENT_TOO_LARGE);
            return;
        }
        chain.doFilter(new Limited(request, maxBytes), response);
    }

    /** Thrown while reading a body that grew past the maximum; answered with 413. */
    static final class ContentTooLarge extends ProblemException {
        ContentTooLarge() {
            super(Problems.of(HttpStatus.CONTENT_TOO_LARGE));
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(
                        super.getInputStream(), maxBytes, () -> setAttribute(TOO_LARGE, Boolean.TRUE));
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private final Runnable onOverflow;
        private long count;

        CountingStream(ServletInputStream in, long maxBytes, Runnable onOverflow) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.onOverflow = onOverflow;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > maxBytes) {
                onOverflow.run();
                throw new ContentTooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
