package org.sanad.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Writes problems from places that run before Spring MVC, such as the security filters. */
@Component
public class ProblemResponses {

    /**
     * Request attribute set by a filter that cut a streamed body off at its size limit: the
     * unreadable body that Spring MVC then sees is answered 413, not 400.
     */
    public static final String BODY_TOO_LARGE = ProblemResponses.class.getName() + ".BODY_TOO_LARGE";

    /** Writes the fixed problem for the status. */
    public void write(HttpServletResponse response, HttpStatusCode status) throws IOException {
        var problem = Problems.of(status);
        // Every value is a constant of Problems or a request id of a fixed alphabet, so plain
        // formatting cannot inject anything.
        String body = "{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"instance\":\"%s\"}"
                .formatted(problem.getType(), problem.getTitle(), problem.getStatus(), problem.getInstance());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }

    /**
     * Answers 401 with a {@code WWW-Authenticate} challenge (RFC 6750) that says whether a token
     * was rejected, but never why: the reason would help an attacker forge the next one.
     */
    public void unauthorized(HttpServletResponse response, boolean tokenRejected) throws IOException {
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE,
                tokenRejected ? "Bearer realm=\"sanad\", error=\"invalid_token\"" : "Bearer realm=\"sanad\"");
        write(response, HttpStatus.UNAUTHORIZED);
    }
}
