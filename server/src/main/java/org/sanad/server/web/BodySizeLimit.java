package org.sanad.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above a fixed size with 413, whether the client announces the length
 * or streams the body: nothing Sanad accepts is anywhere near it, and a large body only costs
 * memory and time.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimit extends OncePerRequestFilter {

    /** @param maxBodySize the largest request body accepted */
    @ConfigurationProperties("sanad.web")
    record Properties(DataSize maxBodySize) {
        Properties {
            if (maxBodySize == null) {
                maxBodySize = DataSize.ofKilobytes(256);
            }
        }
    }

    /** Thrown while reading a streamed body that grew past the limit. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body too large", null);
        }
    }

    private final long max;
    private final ProblemResponses problems;

    BodySizeLimit(Properties properties, ProblemResponses problems) {
        this.max = properties.maxBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > max) {
            problems.write(response, HttpStatus.CONTENT_TOO_LARGE);
            return;
        }
        chain.doFilter(new Limited(request, max), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLarge {
                        read += n;
                        if (read > max) {
                            throw new BodyTooLarge();
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
                };
            }
            return stream;
        }
    }
}
