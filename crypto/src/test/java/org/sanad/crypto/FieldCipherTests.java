package org.sanad.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanad.crypto.Fixtures.DEFENDER_A;
import static org.sanad.crypto.Fixtures.DEFENDER_B;
import static org.sanad.crypto.Fixtures.ORG;
import static org.sanad.crypto.Fixtures.OTHER_ORG;
import static org.sanad.crypto.Fixtures.OTHER_ROW;
import static org.sanad.crypto.Fixtures.ROW;
import static org.sanad.crypto.Fixtures.legalNameOf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FieldCipherTests {

    private final Keyring keyring = Fixtures.aKeyringWithTwoDefenders();
    private final FieldCipher cipher = keyring.fieldCipher();
    private final EncryptionContext context = legalNameOf(DEFENDER_A);

    @Test
    void sealedValueOpensUnderTheSameContext() {
        byte[] sealed = cipher.seal("ليلى حسن", context);

        assertThat(cipher.openString(sealed, context)).isEqualTo("ليلى حسن");
    }

    @Test
    void sealedValueStartsWithVersionSuiteAndKeyVersion() {
        byte[] sealed = cipher.seal("Layla Hassan", context);

        assertThat(Arrays.copyOf(sealed, 6)).containsExactly(1, 1, 0, 0, 0, 1);
    }

    @Test
    void sealingTheSameValueTwiceGivesDifferentBytes() {
        assertThat(cipher.seal("Layla Hassan", context)).isNotEqualTo(cipher.seal("Layla Hassan", context));
    }

    @Test
    void ciphertextMovedToAnotherRowFailsToOpen() {
        byte[] sealed = cipher.seal("Layla Hassan", context);

        assertCannotOpen(sealed, new EncryptionContext(ORG, "defender", "legalName", OTHER_ROW, DEFENDER_A));
    }

    @Test
    void ciphertextMovedToAnotherFieldFailsToOpen() {
        byte[] sealed = cipher.seal("Layla Hassan", context);

        assertCannotOpen(sealed, context.withField("otherNames"));
    }

    @Test
    void ciphertextMovedToAnotherEntityFailsToOpen() {
        byte[] sealed = cipher.seal("Layla Hassan", context);

        assertCannotOpen(sealed, new EncryptionContext(ORG, "incident", "legalName", ROW, DEFENDER_A));
    }

    @Test
    void ciphertextMovedToAnotherDefenderFailsToOpen() {
        byte[] sealed = cipher.seal("Layla Hassan", context);

        assertCannotOpen(sealed, new EncryptionContext(ORG, "defender", "legalName", ROW, DEFENDER_B));
    }

    @Test
    void ciphertextMovedToAnotherOrganisationFailsToOpen() {
        keyring.createDefenderKey(OTHER_ORG, DEFENDER_A);
        byte[] sealed = cipher.seal("Layla Hassan", context);

        assertCannotOpen(sealed, new EncryptionContext(OTHER_ORG, "defender", "legalName", ROW, DEFENDER_A));
    }

    @Test
    void historyCopyOfTheRowOpensBecauseItKeepsTheLogicalEntityAndRowId() {
        byte[] sealed = cipher.seal("Layla Hassan", context);
        byte[] copyInHistoryTable = sealed.clone();

        assertThat(cipher.openString(copyInHistoryTable, legalNameOf(DEFENDER_A)))
                .isEqualTo("Layla Hassan");
    }

    @Test
    void valueSealedUnderAnotherKeyFailsToOpen() {
        Keyring otherKeyring = Fixtures.aKeyringWithTwoDefenders();
        byte[] sealed = otherKeyring.fieldCipher().seal("Layla Hassan", context);

        assertCannotOpen(sealed, context);
    }

    @Test
    void everyFlippedBitOfHeaderNonceBodyAndTagFailsToOpen() {
        byte[] sealed = cipher.seal("Layla", context);

        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] tampered = sealed.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertCannotOpen(tampered, context);
        }
    }

    @Test
    void everyTruncationFailsToOpen() {
        byte[] sealed = cipher.seal("Layla", context);

        for (int length = 0; length < sealed.length; length++) {
            assertCannotOpen(Arrays.copyOf(sealed, length), context);
        }
    }

    @Test
    void appendedBytesFailToOpen() {
        byte[] sealed = cipher.seal("Layla", context);

        assertCannotOpen(Arrays.copyOf(sealed, sealed.length + 1), context);
        assertCannotOpen(Arrays.copyOf(sealed, sealed.length + 16), context);
    }

    @Test
    void garbageAndNullFailToOpen() {
        assertCannotOpen(new byte[0], context);
        assertCannotOpen(new byte[100], context);
        assertCannotOpen(null, context);
    }

    @Test
    void emptyValueRoundTrips() {
        byte[] sealed = cipher.seal(new byte[0], context);

        assertThat(cipher.open(sealed, context)).isEmpty();
    }

    @Test
    void maximumSizeValueRoundTrips() {
        byte[] value = new byte[FieldCipher.MAX_PLAINTEXT_BYTES];
        Arrays.fill(value, (byte) 0x5A);

        assertThat(cipher.open(cipher.seal(value, context), context)).isEqualTo(value);
    }

    @Test
    void valueAboveTheMaximumIsRefusedWithoutEchoingIt() {
        byte[] value = new byte[FieldCipher.MAX_PLAINTEXT_BYTES + 1];

        assertThatThrownBy(() -> cipher.seal(value, context))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("StreamingAead");
    }

    @Test
    void valueEndingInZerosAndThePaddingMarkerRoundTrips() {
        byte[] value = {0x41, (byte) 0x80, 0, 0, (byte) 0x80, 0};

        assertThat(cipher.open(cipher.seal(value, context), context)).isEqualTo(value);
    }

    @Test
    void shortValuesArePaddedToLengthBuckets() {
        int overhead = 6 + 12 + 16;
        for (int length = 0; length <= 255; length++) {
            int sealedLength = cipher.seal(new byte[length], context).length;
            int expectedBucket = length < 16 ? 16 : length < 32 ? 32 : length < 64 ? 64 : length < 128 ? 128 : 256;
            assertThat(sealedLength).as("sealed length of %d bytes", length).isEqualTo(overhead + expectedBucket);
        }
    }

    @Test
    void longerValuesArePaddedByPadmeWithAtMostTwelvePercent() {
        int overhead = 6 + 12 + 16;
        assertThat(cipher.seal(new byte[256], context).length).isEqualTo(overhead + 272);
        assertThat(cipher.seal(new byte[1024], context).length).isEqualTo(overhead + 1088);
        assertThat(cipher.seal(new byte[4000], context).length).isEqualTo(overhead + 4096);
        for (int length = 256; length < 20_000; length += 7) {
            int padded = cipher.seal(new byte[length], context).length - overhead;
            assertThat(padded).isGreaterThan(length).isLessThanOrEqualTo((int) ((length + 1) * 1.12) + 16);
            assertThat(padded % 16).isZero();
        }
    }

    @Test
    void namesOfDifferentLengthsInTheSameBucketSealToTheSameLength() {
        assertThat(cipher.seal("Ali", context).length)
                .isEqualTo(cipher.seal("Layla Hassan", context).length)
                .isEqualTo(cipher.seal("ليلى", context).length);
    }

    @Test
    void sealingForADefenderWithoutKeyFails() {
        EncryptionContext unknown = legalNameOf(UUID.fromString("0190f1a2-0000-7000-8000-0000000000ff"));

        assertThatThrownBy(() -> cipher.seal("Layla", unknown))
                .isInstanceOf(CryptoFailure.class)
                .hasMessage("the defender has no data key");
    }

    @Test
    void failureMessageNeverContainsThePlaintextOrIds() {
        byte[] sealed = cipher.seal("Layla Hassan", context);
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open(sealed, context))
                .hasMessage(CryptoFailure.CANNOT_OPEN)
                .hasNoCause()
                .message()
                .doesNotContain("Layla", DEFENDER_A.toString(), ROW.toString());
    }

    @Test
    void contextRefusesEmptyOrControlCharacterNames() {
        assertThatThrownBy(() -> new EncryptionContext("", "defender", "legalName", ROW, DEFENDER_A))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EncryptionContext(ORG, "defender\n", "legalName", ROW, DEFENDER_A))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EncryptionContext(ORG, "defender", "x".repeat(256), ROW, DEFENDER_A))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contextsThatConcatenateAlikeStillDiffer() {
        EncryptionContext ab = new EncryptionContext(ORG, "ab", "c", ROW, DEFENDER_A);
        EncryptionContext a = new EncryptionContext(ORG, "a", "bc", ROW, DEFENDER_A);
        byte[] sealed = cipher.seal("x".getBytes(StandardCharsets.UTF_8), ab);

        assertCannotOpen(sealed, a);
    }

    @Test
    void aMillionSealsUnderOneKeyRepeatNoNonce() {
        int count = 1_000_000;
        long[] high = new long[count];
        int[] low = new int[count];
        byte[] empty = new byte[0];
        for (int i = 0; i < count; i++) {
            byte[] sealed = cipher.seal(empty, context);
            long h = 0;
            for (int b = 6; b < 14; b++) {
                h = h << 8 | (sealed[b] & 0xFF);
            }
            high[i] = h;
            low[i] = (sealed[14] & 0xFF) << 24
                    | (sealed[15] & 0xFF) << 16
                    | (sealed[16] & 0xFF) << 8
                    | (sealed[17] & 0xFF);
        }
        long[] sorted = high.clone();
        Arrays.sort(sorted);
        int repeatedPrefixes = 0;
        for (int i = 1; i < count; i++) {
            if (sorted[i] == sorted[i - 1]) {
                repeatedPrefixes++;
            }
        }
        // a repeated nonce needs a repeated 64-bit prefix; check the rest only if one occurs
        if (repeatedPrefixes > 0) {
            java.util.Set<String> nonces = new java.util.HashSet<>();
            for (int i = 0; i < count; i++) {
                assertThat(nonces.add(high[i] + ":" + low[i]))
                        .as("nonce repeated")
                        .isTrue();
            }
        }
    }

    private void assertCannotOpen(byte[] sealed, EncryptionContext openingContext) {
        assertThatThrownBy(() -> cipher.open(sealed, openingContext))
                .isInstanceOf(CryptoFailure.class)
                .hasMessage(CryptoFailure.CANNOT_OPEN);
    }
}
