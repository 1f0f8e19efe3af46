package org.sanad.server.access;

/** How much of a record a caller may see. Anything below METADATA answers 404. */
public enum Visibility {
    /** The record does not exist for this caller. */
    NONE,
    /** Plaintext bookkeeping only (ids, pseudonym, status, dates, coarse location); no sealed field. */
    METADATA,
    /** The sealed fields too. */
    CONTENT;

    public boolean allowsContent() {
        return this == CONTENT;
    }

    public boolean isVisible() {
        return this != NONE;
    }
}
