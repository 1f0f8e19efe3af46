package org.sanad.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanad.crypto.Fixtures.DEFENDER_A;
import static org.sanad.crypto.Fixtures.ORG;
import static org.sanad.crypto.Fixtures.ROW;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;

/**
 * Fuzzes the stream decryptor. In the normal build these run as regression tests over the seeds
 * in src/test/resources/org/sanad/crypto/StreamingAeadFuzzTestsInputs/; with JAZZER_FUZZ=1 they
 * fuzz.
 */
class StreamingAeadFuzzTests {

    private static final Keyring KEYRING = Fixtures.aKeyringWithTwoDefenders();
    private static final EncryptionContext CONTEXT =
            new EncryptionContext(ORG, "attachment", "content", ROW, DEFENDER_A);
    private static final byte[] FILE = new byte[2 * 65_520 + 100];
    private static final byte[] CIPHERTEXT;

    static {
        new Random(1).nextBytes(FILE);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = KEYRING.streamingAead().newEncryptingStream(sink, CONTEXT)) {
            out.write(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CIPHERTEXT = sink.toByteArray();
    }

    /** Arbitrary bytes never decrypt, and fail only with the one opaque failure. */
    @FuzzTest(maxDuration = "30s")
    void arbitraryStreamsFailWithTheOpaqueFailureOnly(byte[] data) throws IOException {
        try (InputStream in = KEYRING.streamingAead().newDecryptingStream(new ByteArrayInputStream(data), CONTEXT)) {
            in.readAllBytes();
            throw new AssertionError("arbitrary bytes decrypted");
        } catch (CryptoFailure expected) {
            assertThat(expected).hasMessage(CryptoFailure.CANNOT_OPEN);
        }
    }

    /** A valid file, edited, truncated or extended by the fuzzer, decrypts only if unchanged. */
    @FuzzTest(maxDuration = "30s")
    void editedFileDecryptsOnlyIfUnchanged(FuzzedDataProvider data) throws IOException {
        byte[] edited = CIPHERTEXT.clone();
        int edits = data.consumeInt(0, 4);
        for (int i = 0; i < edits; i++) {
            edited[data.consumeInt(0, edited.length - 1)] = data.consumeByte();
        }
        if (data.consumeBoolean()) {
            edited = Arrays.copyOf(edited, data.consumeInt(0, edited.length + 70_000));
        }
        ByteArrayOutputStream plaintext = new ByteArrayOutputStream();
        try (InputStream in = KEYRING.streamingAead().newDecryptingStream(new ByteArrayInputStream(edited), CONTEXT)) {
            byte[] chunk = new byte[data.consumeInt(1, 100_000)];
            for (int n = in.read(chunk); n != -1; n = in.read(chunk)) {
                plaintext.write(chunk, 0, n);
            }
            assertThat(edited).isEqualTo(CIPHERTEXT);
            assertThat(plaintext.toByteArray()).isEqualTo(FILE);
        } catch (CryptoFailure expected) {
            assertThat(edited).isNotEqualTo(CIPHERTEXT);
            assertThat(expected).hasMessage(CryptoFailure.CANNOT_OPEN);
            byte[] released = plaintext.toByteArray();
            assertThat(Arrays.copyOf(FILE, released.length))
                    .as("only verified segments were released")
                    .isEqualTo(released);
        }
    }
}
