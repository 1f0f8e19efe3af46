package org.sanad.server.web;

import org.springframework.http.HttpStatus;

/** A request that the record's current state does not allow (an invalid transition, say). */
public final class Conflict extends ProblemException {

    public Conflict(String slug, String title) {
        super(Problems.of(HttpStatus.CONFLICT, slug, title));
    }
}
