package org.sanad.crypto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.sanad.crypto.internal.AesGcmKeyEncryptionKey;

/** Named scenarios with plainly fake data. */
final class Fixtures {

    static final String ORG = "clinic-erbil";
    static final String OTHER_ORG = "clinic-basra";
    static final UUID DEFENDER_A = UUID.fromString("0190f1a2-0000-7000-8000-00000000000a");
    static final UUID DEFENDER_B = UUID.fromString("0190f1a2-0000-7000-8000-00000000000b");
    static final UUID ROW = UUID.fromString("0190f1a2-1111-7000-8000-000000000001");
    static final UUID OTHER_ROW = UUID.fromString("0190f1a2-1111-7000-8000-000000000002");

    private Fixtures() {}

    static Keyring aKeyring() {
        return aKeyring(
                WrappedKeyRepository.inMemory(), AesGcmKeyEncryptionKey.inMemory("test-kek"), Clock.systemUTC());
    }

    static Keyring aKeyring(WrappedKeyRepository repository, KeyEncryptionKey kek, Clock clock) {
        return Keyring.builder()
                .keyEncryptionKey(kek)
                .repository(repository)
                .clock(clock)
                .build();
    }

    /** A keyring in which defenders A and B have keys. */
    static Keyring aKeyringWithTwoDefenders() {
        Keyring keyring = aKeyring();
        keyring.createDefenderKey(ORG, DEFENDER_A);
        keyring.createDefenderKey(ORG, DEFENDER_B);
        return keyring;
    }

    static EncryptionContext legalNameOf(UUID defender) {
        return new EncryptionContext(ORG, "defender", "legalName", ROW, defender);
    }

    /** A clock that tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-20T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
