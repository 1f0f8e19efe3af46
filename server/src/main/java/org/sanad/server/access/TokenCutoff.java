package org.sanad.server.access;

import java.time.Instant;

/**
 * Which tokens of a locked or once-locked account are refused.
 *
 * @param notBefore tokens issued ({@code iat}) before this instant are refused for good
 * @param locked while true, every token of the account is refused
 */
record TokenCutoff(Instant notBefore, boolean locked) {

    boolean refuses(Instant issuedAt) {
        return locked || issuedAt.isBefore(notBefore);
    }
}
