package org.sanad.server.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Base of the modules' exceptions that map to a problem response, with the four every module
 * throws nested in it. The message is for the code reader only and never reaches the client or
 * the log.
 */
public abstract class ProblemException extends RuntimeException {

    private final transient ProblemDetail problem;

    protected ProblemException(ProblemDetail problem) {
        super(problem.getTitle(), null, false, false);
        this.problem = problem;
    }

    public ProblemDetail problem() {
        return problem;
    }

    /** A record that does not exist, or that the caller may not see: the two are indistinguishable. */
    public static final class NotFound extends ProblemException {

        public NotFound() {
            super(Problems.of(HttpStatus.NOT_FOUND));
        }
    }

    /** The caller's role does not allow this action (on a record they may see). */
    public static final class Forbidden extends ProblemException {

        public Forbidden() {
            super(Problems.of(HttpStatus.FORBIDDEN));
        }
    }

    /** A request that the record's current state does not allow (an invalid transition, say). */
    public static final class Conflict extends ProblemException {

        public Conflict(String slug, String title) {
            super(Problems.of(HttpStatus.CONFLICT, slug, title));
        }
    }

    /** A request that breaks a rule the bean validation annotations cannot express. */
    public static final class BadRequest extends ProblemException {

        public BadRequest(String slug, String title) {
            super(Problems.of(HttpStatus.BAD_REQUEST, slug, title));
        }
    }
}
