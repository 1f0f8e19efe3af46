package org.sanad.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanad.crypto.Fixtures.DEFENDER_A;
import static org.sanad.crypto.Fixtures.DEFENDER_B;
import static org.sanad.crypto.Fixtures.ORG;
import static org.sanad.crypto.Fixtures.ROW;
import static org.sanad.crypto.Fixtures.legalNameOf;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanad.crypto.Keyring.SealedValue;
import org.sanad.crypto.WrappedKeyRepository.Purpose;
import org.sanad.crypto.WrappedKeyRepository.State;
import org.sanad.crypto.WrappedKeyRepository.WrappedKey;
import org.sanad.crypto.internal.AesGcmKeyEncryptionKey;

class KeyringTests {

    private final WrappedKeyRepository repository = WrappedKeyRepository.inMemory();
    private final KeyEncryptionKey kek = AesGcmKeyEncryptionKey.inMemory("test-kek");
    private final Keyring keyring = Fixtures.aKeyring(repository, kek, Clock.systemUTC());
    private final FieldCipher cipher = keyring.fieldCipher();

    @Test
    void rotationKeepsOldCiphertextsReadableUntilTheMinimumVersionRisesThenRefusesThem() {
        keyring.createDefenderKey(ORG, DEFENDER_A);
        byte[] underVersion1 = cipher.seal("Layla Hassan", legalNameOf(DEFENDER_A));

        assertThat(keyring.rotateDefenderKey(ORG, DEFENDER_A)).isEqualTo(2);
        byte[] underVersion2 = cipher.seal("Layla Hassan", legalNameOf(DEFENDER_A));

        assertThat(underVersion2[5]).isEqualTo((byte) 2);
        assertThat(cipher.openString(underVersion1, legalNameOf(DEFENDER_A))).isEqualTo("Layla Hassan");

        keyring.setMinimumDecryptionVersion(ORG, DEFENDER_A, 2);

        assertThatThrownBy(() -> cipher.open(underVersion1, legalNameOf(DEFENDER_A)))
                .isInstanceOf(CryptoFailure.class)
                .hasMessage(CryptoFailure.CANNOT_OPEN);
        assertThat(cipher.openString(underVersion2, legalNameOf(DEFENDER_A))).isEqualTo("Layla Hassan");
    }

    @Test
    void loweringTheMinimumVersionAgainReenablesOldCiphertexts() {
        keyring.createDefenderKey(ORG, DEFENDER_A);
        byte[] underVersion1 = cipher.seal("Layla Hassan", legalNameOf(DEFENDER_A));
        keyring.rotateDefenderKey(ORG, DEFENDER_A);
        keyring.setMinimumDecryptionVersion(ORG, DEFENDER_A, 2);

        keyring.setMinimumDecryptionVersion(ORG, DEFENDER_A, 1);

        assertThat(cipher.openString(underVersion1, legalNameOf(DEFENDER_A))).isEqualTo("Layla Hassan");
    }

    @Test
    void minimumVersionAboveThePrimaryIsRefused() {
        keyring.createDefenderKey(ORG, DEFENDER_A);

        assertThatThrownBy(() -> keyring.setMinimumDecryptionVersion(ORG, DEFENDER_A, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resealMovesAnOldValueToThePrimaryVersionAndLeavesACurrentOneAlone() {
        keyring.createDefenderKey(ORG, DEFENDER_A);
        byte[] old = cipher.seal("Layla Hassan", legalNameOf(DEFENDER_A));
        keyring.rotateDefenderKey(ORG, DEFENDER_A);

        byte[] resealed = keyring.reseal(old, legalNameOf(DEFENDER_A)).orElseThrow();

        assertThat(resealed[5]).isEqualTo((byte) 2);
        assertThat(cipher.openString(resealed, legalNameOf(DEFENDER_A))).isEqualTo("Layla Hassan");
        assertThat(keyring.reseal(resealed, legalNameOf(DEFENDER_A))).isEmpty();
    }

    @Test
    void reencryptionResumesAfterAnInterruptionAndThenTheOldVersionCanBeRetired() {
        keyring.createDefenderKey(ORG, DEFENDER_A);
        Table table = new Table();
        for (int i = 0; i < 10; i++) {
            table.insert(cipher.seal("note " + i, noteContext(i)), noteContext(i));
        }
        keyring.rotateDefenderKey(ORG, DEFENDER_A);

        Keyring.Progress first = keyring.reencrypt(table, null, 3);
        Keyring.Progress second = keyring.reencrypt(table, first.position(), 3);
        // the batch process dies here; only second.position() was persisted
        Keyring.Progress progress = second;
        int pages = 2;
        while (!progress.done()) {
            progress = keyring.reencrypt(table, progress.position(), 3);
            pages++;
        }

        assertThat(pages).isEqualTo(4);
        assertThat(table.replacements).isEqualTo(10);
        keyring.setMinimumDecryptionVersion(ORG, DEFENDER_A, 2);
        for (int i = 0; i < 10; i++) {
            assertThat(cipher.openString(table.rows.get(i).sealed(), noteContext(i)))
                    .isEqualTo("note " + i);
        }
        assertThat(keyring.reencrypt(table, null, 100).resealed()).isZero();
    }

    @Test
    void keyEncryptionKeyRotationRewrapsKeysAndChangesNoDataRow() {
        keyring.createDefenderKey(ORG, DEFENDER_A);
        keyring.createDefenderKey(ORG, DEFENDER_B);
        keyring.rotateDefenderKey(ORG, DEFENDER_B);
        Table table = new Table();
        table.insert(cipher.seal("Layla", legalNameOf(DEFENDER_A)), legalNameOf(DEFENDER_A));
        table.insert(cipher.seal("Omar", legalNameOf(DEFENDER_B)), legalNameOf(DEFENDER_B));
        List<byte[]> before = table.rows.stream().map(SealedValue::sealed).toList();

        int rewrapped = keyring.rotateKeyEncryptionKey();

        assertThat(rewrapped).isEqualTo(3);
        assertThat(table.replacements).isZero();
        assertThat(table.rows.stream().map(SealedValue::sealed).toList())
                .usingRecursiveComparison()
                .isEqualTo(before);
        assertThat(repository.wrappedOtherThan("test-kek", 2, 100)).isEmpty();
        Keyring afterRestart = Fixtures.aKeyring(repository, kek, Clock.systemUTC());
        assertThat(afterRestart.fieldCipher().openString(table.rows.get(0).sealed(), legalNameOf(DEFENDER_A)))
                .isEqualTo("Layla");
        assertThat(afterRestart.rewrapAll()).isZero();
    }

    @Test
    void movingToANewKeyEncryptionKeyRewrapsEveryKeyAndOldDataStillOpens() {
        keyring.createDefenderKey(ORG, DEFENDER_A);
        byte[] sealed = cipher.seal("Layla", legalNameOf(DEFENDER_A));
        KeyEncryptionKey hsm = AesGcmKeyEncryptionKey.inMemory("hsm-kek");
        Keyring migrated = Keyring.builder()
                .keyEncryptionKey(hsm)
                .previousKeyEncryptionKey(kek)
                .repository(repository)
                .build();

        assertThat(migrated.rewrapAll()).isEqualTo(1);

        Keyring withoutTheOldKek = Fixtures.aKeyring(repository, hsm, Clock.systemUTC());
        assertThat(withoutTheOldKek.fieldCipher().openString(sealed, legalNameOf(DEFENDER_A)))
                .isEqualTo("Layla");
    }

    @Test
    void wrappedKeyCopiedToAnotherDefenderFailsToUnwrap() {
        keyring.createDefenderKey(ORG, DEFENDER_A);
        WrappedKey ofA = repository.versions(Purpose.DATA, ORG, DEFENDER_A).getFirst();
        repository.insert(new WrappedKey(
                Purpose.DATA,
                ORG,
                DEFENDER_B,
                1,
                State.PRIMARY,
                ofA.kekId(),
                ofA.kekVersion(),
                ofA.wrapped(),
                ofA.createdAt()));

        assertThatThrownBy(() -> cipher.seal("Omar", legalNameOf(DEFENDER_B)))
                .isInstanceOf(CryptoFailure.class)
                .hasMessageNotContaining("Omar");
    }

    @Test
    void shreddingDefenderALeavesDefenderBReadable() {
        keyring.createDefenderKey(ORG, DEFENDER_A);
        keyring.createDefenderKey(ORG, DEFENDER_B);
        byte[] ofA = cipher.seal("Layla", legalNameOf(DEFENDER_A));
        byte[] ofB = cipher.seal("Omar", legalNameOf(DEFENDER_B));

        keyring.shred(ORG, DEFENDER_A);

        assertThatThrownBy(() -> cipher.open(ofA, legalNameOf(DEFENDER_A)))
                .isInstanceOf(CryptoFailure.class)
                .hasMessage(CryptoFailure.CANNOT_OPEN);
        assertThat(cipher.openString(ofB, legalNameOf(DEFENDER_B))).isEqualTo("Omar");
    }

    @Test
    void shreddingDestroysEveryVersionAndReturnsATombstoneWithoutKeyMaterial() {
        keyring.createDefenderKey(ORG, DEFENDER_A);
        keyring.rotateDefenderKey(ORG, DEFENDER_A);
        byte[] underVersion1Wrapped =
                repository.versions(Purpose.DATA, ORG, DEFENDER_A).getFirst().wrapped();

        Keyring.Tombstone tombstone = keyring.shred(ORG, DEFENDER_A);

        assertThat(repository.versions(Purpose.DATA, ORG, DEFENDER_A)).isEmpty();
        assertThat(tombstone.destroyedVersions()).containsExactly(1, 2);
        assertThat(tombstone.defenderId()).isEqualTo(DEFENDER_A);
        assertThat(tombstone.digest()).matches("[0-9a-f]{64}");
        assertThat(tombstone.toString()).doesNotContain(java.util.HexFormat.of().formatHex(underVersion1Wrapped));
        assertThatThrownBy(() -> cipher.seal("Layla", legalNameOf(DEFENDER_A))).isInstanceOf(CryptoFailure.class);
    }

    /**
     * The erasure's transaction has deleted the key rows but not committed: a request on another
     * connection still reads them. It may use the key (the erasure has not happened for it yet),
     * but must not cache it, or this replica would open the defender's data for another minute
     * after the erasure committed.
     */
    @Test
    void aKeyReadWhileTheShredIsUncommittedIsNeverCachedAgain() {
        var uncommitted = new UncommittedDeletes(repository);
        Keyring keyring = Fixtures.aKeyring(uncommitted, kek, new Fixtures.MutableClock());
        keyring.createDefenderKey(ORG, DEFENDER_A);
        byte[] sealed = keyring.fieldCipher().seal("Layla", legalNameOf(DEFENDER_A));

        keyring.shred(ORG, DEFENDER_A);
        String readMeanwhile = keyring.fieldCipher().openString(sealed, legalNameOf(DEFENDER_A));
        uncommitted.commit();

        assertThat(readMeanwhile).isEqualTo("Layla");
        assertThatThrownBy(() -> keyring.fieldCipher().open(sealed, legalNameOf(DEFENDER_A)))
                .isInstanceOf(CryptoFailure.class);
    }

    /** A repository whose deletes other connections do not see until {@link #commit}. */
    static final class UncommittedDeletes implements WrappedKeyRepository {

        private final WrappedKeyRepository delegate;
        private final java.util.Map<String, List<WrappedKey>> beforeDelete = new java.util.HashMap<>();

        UncommittedDeletes(WrappedKeyRepository delegate) {
            this.delegate = delegate;
        }

        void commit() {
            beforeDelete.clear();
        }

        @Override
        public List<WrappedKey> versions(Purpose purpose, String organisation, UUID owner) {
            List<WrappedKey> seen = beforeDelete.get(purpose + "/" + organisation + "/" + owner);
            return seen != null ? seen : delegate.versions(purpose, organisation, owner);
        }

        @Override
        public void insert(WrappedKey key) {
            delegate.insert(key);
        }

        @Override
        public void update(WrappedKey key) {
            delegate.update(key);
        }

        @Override
        public int deleteAll(Purpose purpose, String organisation, UUID owner) {
            beforeDelete.put(
                    purpose + "/" + organisation + "/" + owner, delegate.versions(purpose, organisation, owner));
            return delegate.deleteAll(purpose, organisation, owner);
        }

        @Override
        public List<WrappedKey> wrappedOtherThan(String kekId, int kekVersion, int limit) {
            return delegate.wrappedOtherThan(kekId, kekVersion, limit);
        }
    }

    @Test
    void anotherReplicaForgetsAShreddedKeyWhenItsCacheEntryExpires() {
        Fixtures.MutableClock clock = new Fixtures.MutableClock();
        Keyring replica1 = Fixtures.aKeyring(repository, kek, clock);
        Keyring replica2 = Fixtures.aKeyring(repository, kek, clock);
        replica1.createDefenderKey(ORG, DEFENDER_A);
        byte[] sealed = replica1.fieldCipher().seal("Layla", legalNameOf(DEFENDER_A));
        assertThat(replica2.fieldCipher().openString(sealed, legalNameOf(DEFENDER_A)))
                .isEqualTo("Layla");

        replica1.shred(ORG, DEFENDER_A);
        clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(() -> replica2.fieldCipher().open(sealed, legalNameOf(DEFENDER_A)))
                .isInstanceOf(CryptoFailure.class);
    }

    @Test
    void aSmallCacheStillServesEveryDefender() {
        Keyring small = Keyring.builder()
                .keyEncryptionKey(kek)
                .repository(repository)
                .cacheSize(1)
                .build();
        small.createDefenderKey(ORG, DEFENDER_A);
        small.createDefenderKey(ORG, DEFENDER_B);

        for (int i = 0; i < 5; i++) {
            UUID defender = i % 2 == 0 ? DEFENDER_A : DEFENDER_B;
            byte[] sealed = small.fieldCipher().seal("x" + i, legalNameOf(defender));
            assertThat(small.fieldCipher().openString(sealed, legalNameOf(defender)))
                    .isEqualTo("x" + i);
        }
    }

    @Test
    void creatingADefenderKeyTwiceFails() {
        keyring.createDefenderKey(ORG, DEFENDER_A);

        assertThatThrownBy(() -> keyring.createDefenderKey(ORG, DEFENDER_A)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void wrappedKeysPrintWithoutTheirBytes() {
        keyring.createDefenderKey(ORG, DEFENDER_A);
        WrappedKey row = repository.versions(Purpose.DATA, ORG, DEFENDER_A).getFirst();

        assertThat(row.toString()).doesNotContain(java.util.HexFormat.of().formatHex(row.wrapped()));
        assertThat(kek.toString()).contains("redacted");
    }

    private static EncryptionContext noteContext(int i) {
        return new EncryptionContext(ORG, "caseNote", "text", new UUID(ROW.getMostSignificantBits(), i), DEFENDER_A);
    }

    /** A data table as the server would expose it to the batch. */
    private static final class Table implements Keyring.SealedValues {
        final List<SealedValue> rows = new ArrayList<>();
        int replacements;

        void insert(byte[] sealed, EncryptionContext context) {
            rows.add(new SealedValue(String.format("%05d", rows.size()), context, sealed));
        }

        @Override
        public List<SealedValue> page(String position, int limit) {
            return rows.stream()
                    .filter(row -> position == null || row.position().compareTo(position) > 0)
                    .limit(limit)
                    .toList();
        }

        @Override
        public void replace(SealedValue value, byte[] resealed) {
            int index = rows.indexOf(value);
            rows.set(index, new SealedValue(value.position(), value.context(), resealed));
            replacements++;
        }
    }
}
