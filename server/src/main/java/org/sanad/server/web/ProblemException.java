package org.sanad.server.web;

import org.springframework.http.ProblemDetail;

/**
 * Base of the modules' exceptions that map to a problem response. The message is for the code
 * reader only and never reaches the client or the log.
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
}
