package org.sanad.server.common.identity;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The organisation (a legal clinic, a protection programme) a record belongs to and staff work for:
 * the {@code organisation} claim of a staff token, checked once where it enters, compared as a whole.
 */
public record OrganisationId(@JsonValue String value) {

    public OrganisationId {
        Columns.requireWellFormed(value, "not an organisation");
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
