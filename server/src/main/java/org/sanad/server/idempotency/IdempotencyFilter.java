package org.sanad.server.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.regex.Pattern;
import org.sanad.crypto.BlindIndex;
import org.sanad.crypto.Keyring;
import org.sanad.server.access.Caller;
import org.sanad.server.access.Callers;
import org.sanad.server.web.ProblemResponses;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Honours {@code Idempotency-Key} on the POSTs that create records. Runs after authentication, so
 * keys are scoped per subject. The first request with a key is recorded (in its own, committed
 * transaction) before it runs: a concurrent retry gets 409, a later retry the first result, and
 * a retry with another body 422. A request that fails releases its key.
 */
@Component
@Order(0)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,128}");
    private static final Pattern CREATING =
            Pattern.compile("/api/(defenders|incidents|cases|cases/[0-9a-fA-F-]{36}/(referrals|notes)|break-glass)");
    private static final int MAX_BODY = 256 * 1024;

    private final JdbcTemplate jdbc;
    private final Keyring keyring;
    private final ProblemResponses problems;

    IdempotencyFilter(JdbcTemplate jdbc, Keyring keyring, ProblemResponses problems) {
        this.jdbc = jdbc;
        this.keyring = keyring;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || request.getHeader(HEADER) == null
                || !CREATING.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Caller caller;
        try {
            caller = Callers.current();
        } catch (AuthenticationCredentialsNotFoundException e) {
            chain.doFilter(request, response);
            return;
        }
        if (!KEY.matcher(key).matches()) {
            problems.write(response, HttpStatus.BAD_REQUEST);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            // The body-size filter cut a streamed body off.
            problems.write(response, HttpStatus.CONTENT_TOO_LARGE);
            return;
        }
        if (body.length > MAX_BODY) {
            problems.write(response, HttpStatus.CONTENT_TOO_LARGE);
            return;
        }
        byte[] fingerprint = fingerprint(caller, request, body);
        int claimed = jdbc.update(
                """
                insert into idempotency_keys (subject, idempotency_key, fingerprint, state, created_at)
                values (?, ?, ?, 'IN_PROGRESS', now()) on conflict do nothing
                """,
                caller.subject().value(),
                key,
                fingerprint);
        if (claimed == 0) {
            replay(caller, key, fingerprint, request, response);
            return;
        }
        var recording = new RecordingResponse(response);
        boolean done = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recording);
            String location = recording.getHeader(HttpHeaders.LOCATION);
            if (recording.getStatus() >= 200 && recording.getStatus() < 300 && location != null) {
                jdbc.update(
                        "update idempotency_keys set state = 'DONE', status = ?, location = ? where subject = ? and idempotency_key = ?",
                        recording.getStatus(),
                        location,
                        caller.subject().value(),
                        key);
                done = true;
            }
        } finally {
            if (!done) {
                jdbc.update(
                        "delete from idempotency_keys where subject = ? and idempotency_key = ?",
                        caller.subject().value(),
                        key);
            }
        }
    }

    private void replay(
            Caller caller, String key, byte[] fingerprint, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        var rows = jdbc.queryForList(
                "select fingerprint, state, status, location from idempotency_keys where subject = ? and idempotency_key = ?",
                caller.subject().value(),
                key);
        if (rows.isEmpty()) {
            // Released by a failed first attempt between our insert and this read: try again later.
            problems.write(response, HttpStatus.CONFLICT);
            return;
        }
        var row = rows.getFirst();
        if (!"DONE".equals(row.get("state"))) {
            // The first request is still running: the client retried too early.
            problems.write(response, HttpStatus.CONFLICT);
            return;
        }
        if (!java.security.MessageDigest.isEqual((byte[]) row.get("fingerprint"), fingerprint)) {
            problems.write(response, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        int status = (Integer) row.get("status");
        String location = (String) row.get("location");
        response.setHeader("Idempotent-Replayed", "true");
        response.setHeader(HttpHeaders.LOCATION, location);
        // The first result is re-read from the record itself (no response body is ever stored),
        // under the caller's current need-to-know.
        request.getRequestDispatcher(location).forward(new GetRequest(request), new ReplayedResponse(response, status));
    }

    private byte[] fingerprint(Caller caller, HttpServletRequest request, byte[] body) {
        BlindIndex index = keyring.blindIndex(
                caller.organisation().value(),
                "idempotency",
                "request",
                "fingerprint",
                BlindIndex.Normalization.EXACT,
                1L << 62);
        String material = request.getMethod() + " " + request.getRequestURI() + "\n"
                + java.util.HexFormat.of().formatHex(body);
        return index.compute(material);
    }

    /** The POST's body, read once for the fingerprint and handed on unchanged. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    private static final class GetRequest extends HttpServletRequestWrapper {
        GetRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }
    }

    private static final class RecordingResponse extends HttpServletResponseWrapper {
        RecordingResponse(HttpServletResponse response) {
            super(response);
        }
    }

    /** Answers with the first result's status when the re-read succeeds. */
    private static final class ReplayedResponse extends HttpServletResponseWrapper {
        private final int status;

        ReplayedResponse(HttpServletResponse response, int status) {
            super(response);
            this.status = status;
        }

        @Override
        public void setStatus(int sc) {
            super.setStatus(sc == HttpStatus.OK.value() ? status : sc);
        }
    }
}
