package org.sanad.server.access;

import jakarta.servlet.http.HttpServletRequest;
import org.sanad.server.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A body that {@link RequestBodyLimitFilter} cut off reaches Spring MVC as an unreadable message;
 * it is answered 413, any other unreadable body 400, both with the fixed problems.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimitAdvice {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpServletRequest request) {
        HttpStatus status = Boolean.TRUE.equals(request.getAttribute(RequestBodyLimitFilter.TOO_LARGE))
                ? HttpStatus.CONTENT_TOO_LARGE
                : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(Problems.of(status));
    }
}
