package org.sanad.server.web;

import org.springframework.http.HttpStatus;

/** A request that breaks a rule the bean validation annotations cannot express. */
public final class BadRequest extends ProblemException {

    public BadRequest(String slug, String title) {
        super(Problems.of(HttpStatus.BAD_REQUEST, slug, title));
    }
}
