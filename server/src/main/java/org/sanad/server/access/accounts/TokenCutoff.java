package org.sanad.server.access.accounts;

import java.time.Instant;

/**
 * Which tokens of a locked or once-locked account are refused.
 *
 * @param notBefore tokens issued ({@code iat}) before this instant are refused for good
 * @param locked while true, every token of the account is refused
 */
public record TokenCutoff(Instant notBefore, boolean locked) {

    public boolean refuses(Instant issuedAt) {
        return locked || issuedAt.isBefore(notBefore);
    }
}
