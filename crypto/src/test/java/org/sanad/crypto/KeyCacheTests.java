package org.sanad.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanad.crypto.WrappedKeyRepository.Purpose;
import org.sanad.crypto.internal.DataKey;
import org.sanad.crypto.internal.KeyCache;
import org.sanad.crypto.internal.KeySet;

/** Expired keys leave memory, zeroed, when they expire: not when somebody next asks for them. */
class KeyCacheTests {

    final Fixtures.MutableClock clock = new Fixtures.MutableClock();
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
