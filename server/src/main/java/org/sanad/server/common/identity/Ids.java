package org.sanad.server.common.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;

/**
 * Time-ordered random ids (UUID version 7, RFC 9562), assigned by the application before a row
 * is inserted: a sealed field is bound to its row id, so the id must exist before encryption.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** A new id of one kind of record, e.g. {@code Ids.next(DefenderId::new)}. */
    public static <T> T next(Function<UUID, T> kind) {
        return kind.apply(newId());
    }

    public static UUID newId() {
        return newId(Clock.systemUTC());
    }

    static UUID newId(Clock clock) {
        long millis = clock.millis();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (millis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long low = 0x8000000000000000L | ((random[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
