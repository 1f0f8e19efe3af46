package org.sanad.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanad.crypto.WrappedKeyRepository.Purpose;

/** Expired keys leave memory, zeroed, when they expire: not when somebody next asks for them. */
class KeyCacheTests {

    /** A clock the test moves by hand. */
    static final class HandClock extends java.time.Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-11-22T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    final HandClock clock = new HandClock();
    final KeyCache cache = new KeyCache(10, Duration.ofMinutes(1), clock);

    KeySet keysOf(DataKey key) {
        return new KeySet(1, 1, Map.of(1, key), cache.expiryFromNow());
    }

    static DataKey aKey() {
        return new DataKey(1, new byte[32]);
    }

    static KeyCache.Id owner() {
        return new KeyCache.Id(Purpose.DATA, "tigris-legal", UUID.randomUUID());
    }

    @Test
    void anExpiredKeyNobodyAsksForIsZeroedBySweeping() {
        DataKey key = aKey();
        cache.put(owner(), keysOf(key));
        clock.advance(Duration.ofMinutes(1));

        assertThat(cache.removeExpired()).isEqualTo(1);

        assertThat(cache.size()).isZero();
        assertThatThrownBy(() -> key.fieldKey("defender", "legalName")).isInstanceOf(DataKey.KeyDestroyed.class);
    }

    @Test
    void loadingAnotherKeyZeroesTheExpiredOnes() {
        DataKey expired = aKey();
        cache.put(owner(), keysOf(expired));
        clock.advance(Duration.ofMinutes(2));

        cache.put(owner(), keysOf(aKey()));

        assertThat(cache.size()).isEqualTo(1);
        assertThatThrownBy(() -> expired.fieldKey("defender", "legalName")).isInstanceOf(DataKey.KeyDestroyed.class);
    }

    @Test
    void aKeyWithinItsTimeToLiveStays() {
        DataKey fresh = aKey();
        cache.put(owner(), keysOf(fresh));
        clock.advance(Duration.ofSeconds(59));

        assertThat(cache.removeExpired()).isZero();
        assertThat(fresh.fieldKey("defender", "legalName")).isNotNull();
    }
}
