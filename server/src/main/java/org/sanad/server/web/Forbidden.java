package org.sanad.server.web;

import org.springframework.http.HttpStatus;

/** The caller's role does not allow this action (on a record they may see). */
public final class Forbidden extends ProblemException {

    public Forbidden() {
        super(Problems.of(HttpStatus.FORBIDDEN));
    }
}
