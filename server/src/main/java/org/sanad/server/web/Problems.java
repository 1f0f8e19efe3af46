package org.sanad.server.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The fixed RFC 9457 problems Sanad answers with. Titles and types are constants: nothing the
 * client sent, no record id and no exception text ever ends up in a problem.
 */
public final class Problems {

    private Problems() {}

    /** A problem for the status, with a fixed type and title and no detail. */
    public static ProblemDetail of(HttpStatusCode status) {
        var problem = ProblemDetail.forStatus(status);
        problem.setType(type(status));
        problem.setTitle(title(status));
        problem.setInstance(instance());
        return problem;
    }

    /** A problem with a module-specific type slug and title (both constants of the module). */
    public static ProblemDetail of(HttpStatusCode status, String slug, String title) {
        var problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("urn:sanad:problem:" + slug));
        problem.setTitle(title);
        problem.setInstance(instance());
        return problem;
    }

    /**
     * The request id, so that a user can quote the problem to support. Without an instance,
     * Spring would fill in the request path, which may hold the id of a record the caller may not
     * see.
     */
    private static URI instance() {
        return URI.create("urn:sanad:request:" + RequestIds.current().orElse("unknown"));
    }

    static URI type(HttpStatusCode status) {
        return URI.create("urn:sanad:problem:" + slug(status));
    }

    static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return status.is4xxClientError() ? "bad-request" : "internal-error";
        }
        return switch (known) {
            case BAD_REQUEST -> "bad-request";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case CONFLICT -> "conflict";
            case PRECONDITION_FAILED -> "precondition-failed";
            case CONTENT_TOO_LARGE -> "content-too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case UNPROCESSABLE_CONTENT -> "unprocessable-content";
            case PRECONDITION_REQUIRED -> "precondition-required";
            case TOO_MANY_REQUESTS -> "too-many-requests";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "request-header-fields-too-large";
            case SERVICE_UNAVAILABLE -> "service-unavailable";
            default -> status.is4xxClientError() ? "bad-request" : "internal-error";
        };
    }

    static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return status.is4xxClientError() ? "Bad request" : "Internal error";
        }
        return switch (known) {
            case BAD_REQUEST -> "The request is malformed or invalid";
            case UNAUTHORIZED -> "Authentication is required";
            case FORBIDDEN -> "Your role does not allow this";
            case NOT_FOUND -> "No such resource";
            case INTERNAL_SERVER_ERROR -> "Internal error";
            default -> known.getReasonPhrase();
        };
    }
}
