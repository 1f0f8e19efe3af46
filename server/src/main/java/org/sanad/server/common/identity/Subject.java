package org.sanad.server.common.identity;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A person's account: the {@code sub} claim of their Keycloak token. Checked once, where it enters
 * (the token, a request naming an assignee, a stored row), and compared only as a whole.
 */
public record Subject(@JsonValue String value) {

    public Subject {
        Columns.requireWellFormed(value, "not a subject");
    }

    /** Whether a claim or request value may become one: see {@link Columns#isWellFormed}. */
    public static boolean isValid(String value) {
        return Columns.isWellFormed(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
