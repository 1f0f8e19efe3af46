package org.sanad.server.access;

/** How much of a record a caller may see. Anything below METADATA answers 404. */
public enum Visibility {
    /** The record does not exist for this caller. */
    NONE,
    /** Plaintext bookkeeping only (ids, pseudonym, status, dates, coarse location); no sealed field. */
    METADATA,
    /** The sealed fields too, by need-to-know. */
    CONTENT,
    /**
     * The sealed fields too, only through a supervisor's active break-glass grant on this one
     * record: every disclosure is logged with purpose {@code break-glass}, and every change is
     * stamped with the grant.
     */
    BREAK_GLASS;

    public boolean allowsContent() {
        return this == CONTENT || this == BREAK_GLASS;
    }

    public boolean isVisible() {
        return this != NONE;
    }

    /** The access-log purpose of a disclosure at this visibility, given the caller's usual one. */
    public String purpose(String usual) {
        return this == BREAK_GLASS ? BREAK_GLASS_PURPOSE : usual;
    }

    /** The name a response gives this visibility ({@code metadata}, {@code content}, {@code break-glass}). */
    public String label() {
        return this == BREAK_GLASS ? BREAK_GLASS_PURPOSE : name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The purpose recorded for reads and changes made through break-glass. */
    public static final String BREAK_GLASS_PURPOSE = "break-glass";
}
