package org.sanad.server.access.accounts;

import java.time.Instant;

/**
 * A supervisor unlocked an account after a lockdown.
 *
 * @param subject the unlocked account's Keycloak subject
 * @param by the supervisor who unlocked it
 * @param at when
 * @param reason the supervisor's written reason: free text that may name people, so it is left out
 *     of {@link #toString()} and must never be logged
 */
record AccountUnlocked(String subject, String by, Instant at, String reason) {

    @Override
    public String toString() {
        return "AccountUnlocked[subject=" + subject + ", by=" + by + ", at=" + at + ", reason=[redacted]]";
    }
}
