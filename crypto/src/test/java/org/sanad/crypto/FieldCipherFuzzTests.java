package org.sanad.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanad.crypto.Fixtures.DEFENDER_A;
import static org.sanad.crypto.Fixtures.legalNameOf;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Fuzzes the parser of sealed values. In the normal build these run as regression tests over the
 * seeds in src/test/resources/org/sanad/crypto/FieldCipherFuzzTestsInputs/; with JAZZER_FUZZ=1
 * they fuzz.
 */
class FieldCipherFuzzTests {

    private static final Keyring KEYRING = Fixtures.aKeyringWithTwoDefenders();
    private static final EncryptionContext CONTEXT = legalNameOf(DEFENDER_A);
    private static final byte[] VALUE = "Layla Hassan".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] SEALED = KEYRING.fieldCipher().seal(VALUE, CONTEXT);

    /** Arbitrary bytes never open, and fail only with the one opaque failure. */
    @FuzzTest(maxDuration = "30s")
    void arbitraryBytesFailToOpenWithTheOpaqueFailureOnly(byte[] data) {
        try {
            KEYRING.fieldCipher().open(data, CONTEXT);
            throw new AssertionError("arbitrary bytes opened");
        } catch (CryptoFailure expected) {
            assertThat(expected).hasMessage(CryptoFailure.CANNOT_OPEN);
        }
    }

    /** A valid sealed value, edited by the fuzzer, opens only if the edit changed nothing. */
    @FuzzTest(maxDuration = "30s")
    void editedSealedValueOpensOnlyIfUnchanged(FuzzedDataProvider data) {
        byte[] edited = SEALED.clone();
        int edits = data.consumeInt(0, 8);
        for (int i = 0; i < edits; i++) {
            int at = data.consumeInt(0, edited.length - 1);
            edited[at] = data.consumeByte();
        }
        if (data.consumeBoolean()) {
            edited = Arrays.copyOf(edited, data.consumeInt(0, edited.length + 32));
        }
        try {
            byte[] opened = KEYRING.fieldCipher().open(edited, CONTEXT);
            assertThat(edited).isEqualTo(SEALED);
            assertThat(opened).isEqualTo(VALUE);
        } catch (CryptoFailure expected) {
            assertThat(edited).isNotEqualTo(SEALED);
            assertThat(expected).hasMessage(CryptoFailure.CANNOT_OPEN);
        }
    }
}
