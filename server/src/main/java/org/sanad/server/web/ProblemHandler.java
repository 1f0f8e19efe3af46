package org.sanad.server.web;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.sanad.server.web.FieldErrors.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception that reaches Spring MVC into a fixed problem. Spring's own handler would
 * put details such as a rejected value into {@code detail}; this one replaces every body with
 * {@link Problems#of}.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        return ResponseEntity.status(e.problem().getStatus()).body(e.problem());
    }

    /** Method validation outside controllers (a service's constraints): still the client's fault. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST);
        problem.setProperty("errors", FieldErrors.of(e));
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * Another request changed the record first (optimistic lock) or took the same unique value.
     * Other integrity failures (a refused access-log entry, say) stay server errors.
     */
    @ExceptionHandler({OptimisticLockingFailureException.class, DuplicateKeyException.class})
    ResponseEntity<ProblemDetail> concurrentChange() {
        return respond(HttpStatus.CONFLICT);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied() {
        return respond(HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated() {
        return respond(HttpStatus.UNAUTHORIZED);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        // Exception messages can carry personal data (a value in a constraint message, say):
        // log where it happened, never what it said.
        StackTraceElement origin = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        log.error("unhandled {} at {}", e.getClass().getName(), origin);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (Boolean.TRUE.equals(request.getAttribute(ProblemResponses.BODY_TOO_LARGE, WebRequest.SCOPE_REQUEST))) {
            statusCode = HttpStatus.CONTENT_TOO_LARGE;
        }
        ProblemDetail problem = Problems.of(statusCode);
        List<FieldError> errors = FieldErrors.of(ex);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        Object problem = body instanceof ProblemDetail ? body : Problems.of(statusCode);
        return super.createResponseEntity(problem, headers, statusCode, request);
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatus status) {
        return ResponseEntity.status(status).body(Problems.of(status));
    }
}
