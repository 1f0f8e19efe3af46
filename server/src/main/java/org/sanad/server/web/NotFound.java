package org.sanad.server.web;

import org.springframework.http.HttpStatus;

/** A record that does not exist, or that the caller may not see: the two are indistinguishable. */
public final class NotFound extends ProblemException {

    public NotFound() {
        super(Problems.of(HttpStatus.NOT_FOUND));
    }
}
