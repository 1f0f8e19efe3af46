package org.sanad.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sanad.crypto.EncryptionContext;
import org.sanad.crypto.Keyring;
import org.sanad.crypto.SecretBytes;
import org.sanad.crypto.WrappedKeyRepository;
import org.sanad.crypto.WrappedKeyRepository.Purpose;
import org.sanad.crypto.WrappedKeyRepository.WrappedKey;

/**
 * Data sealed with the JDK's AES-GCM opens with BouncyCastle's and vice versa. The BouncyCastle
 * side re-implements FORMAT.md from the text (its own HKDF, context encoding, padding and Tink
 * segment nonces), so these tests also check the specification against the code.
 */
class BouncyCastleCrossTests {

    private static final String ORG = "clinic-erbil";
    private static final UUID DEFENDER = UUID.fromString("0190f1a2-0000-7000-8000-00000000000a");
    private static final UUID ROW = UUID.fromString("0190f1a2-1111-7000-8000-000000000001");

    private final WrappedKeyRepository repository = WrappedKeyRepository.inMemory();
    private final AesGcmKeyEncryptionKey kek = AesGcmKeyEncryptionKey.inMemory("test-kek");
    private final Keyring keyring =
            Keyring.builder().keyEncryptionKey(kek).repository(repository).build();
    private final EncryptionContext context = new EncryptionContext(ORG, "defender", "legalName", ROW, DEFENDER);

    BouncyCastleCrossTests() {
        keyring.createDefenderKey(ORG, DEFENDER);
    }

    @ParameterizedTest
    @MethodSource("org.sanad.crypto.internal.GoldenVectorTests#vectors")
    void goldenVectorsOpenWithBouncyCastleAndTheSpecificationAlone(GoldenVectorTests.Vector v)
            throws InvalidCipherTextException {
        assertThat(bcOpen(v.dataKey(), v.sealed(), v.context())).isEqualTo(v.plaintext());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 100, 255, 256, 257, 1000, 1024, 5000, 70000})
    void jdkSealedValueOpensWithBouncyCastle(int length) throws InvalidCipherTextException {
        byte[] value = random(length);

        byte[] sealed = keyring.fieldCipher().seal(value, context);

        assertThat(bcOpen(dataKey(1), sealed, context)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 100, 255, 256, 257, 1000, 1024, 5000, 70000})
    void bouncyCastleSealedValueOpensWithTheJdk(int length) throws InvalidCipherTextException {
        byte[] value = random(length);

        byte[] sealed = bcSeal(dataKey(1), 1, value, context);

        assertThat(keyring.fieldCipher().open(sealed, context)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1000, 65_474, 65_475, 200_000})
    void jdkEncryptedFileDecryptsWithBouncyCastle(int size) throws Exception {
        byte[] file = random(size);
        EncryptionContext attachment = new EncryptionContext(ORG, "attachment", "content", ROW, DEFENDER);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = keyring.streamingAead().newEncryptingStream(sink, attachment)) {
            out.write(file);
        }

        assertThat(bcDecryptStream(dataKey(1), sink.toByteArray(), attachment)).isEqualTo(file);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1000, 65_474, 65_475, 200_000})
    void bouncyCastleEncryptedFileDecryptsWithTheJdk(int size) throws Exception {
        byte[] file = random(size);
        EncryptionContext attachment = new EncryptionContext(ORG, "attachment", "content", ROW, DEFENDER);

        byte[] ciphertext = bcEncryptStream(dataKey(1), 1, file, attachment);

        try (InputStream in =
                keyring.streamingAead().newDecryptingStream(new ByteArrayInputStream(ciphertext), attachment)) {
            assertThat(in.readAllBytes()).isEqualTo(file);
        }
    }

    @Test
    void jdkIndexEqualsAnIndependentHmacOverTheNormalisedValue() throws Exception {
        byte[] index = keyring.blindIndex(
                        ORG, "defender", "legalName", "exact", org.sanad.crypto.BlindIndex.Normalization.NAME, 1L << 40)
                .compute("  Layla HASSAN");
        byte[] root = unwrap(Purpose.BLIND_INDEX, WrappedKeyRepository.ORGANISATION, 1);
        byte[] indexKey = bcHkdf(root, null, tuple("sanad/index/v1", "defender", "legalName", "exact"), 32);
        org.bouncycastle.crypto.macs.HMac hmac = new org.bouncycastle.crypto.macs.HMac(SHA256Digest.newInstance());
        hmac.init(new KeyParameter(indexKey));
        byte[] value = "layla hassan".getBytes(StandardCharsets.UTF_8);
        hmac.update(value, 0, value.length);
        byte[] full = new byte[32];
        hmac.doFinal(full, 0);

        byte[] expected = Arrays.copyOf(full, 5);
        expected[4] &= (byte) 0xFE; // 2^40 rows: 39 bits
        assertThat(index).isEqualTo(expected);
    }

    // --- the specification, re-implemented on BouncyCastle ---

    private byte[] dataKey(int version) {
        return unwrap(Purpose.DATA, DEFENDER, version);
    }

    private byte[] unwrap(Purpose purpose, UUID owner, int version) {
        WrappedKey row = repository.versions(purpose, ORG, owner).stream()
                .filter(r -> r.version() == version)
                .findFirst()
                .orElseThrow();
        SecretBytes key =
                kek.unwrap(row.kekVersion(), row.wrapped(), KeyHierarchy.wrapAad(purpose, ORG, owner, version));
        return key.toByteArray();
    }

    static byte[] bcOpen(byte[] dataKey, byte[] sealed, EncryptionContext context) throws InvalidCipherTextException {
        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(sealed[1]).isEqualTo((byte) 1);
        byte[] fieldKey = bcHkdf(dataKey, null, tuple("sanad/field/v1", context.entity(), context.field()), 32);
        byte[] aad = concat(Arrays.copyOf(sealed, 6), contextBytes(context));
        byte[] padded = bcGcm(
                false, fieldKey, Arrays.copyOfRange(sealed, 6, 18), aad, Arrays.copyOfRange(sealed, 18, sealed.length));
        int end = padded.length - 1;
        while (padded[end] == 0) {
            end--;
        }
        assertThat(padded[end]).isEqualTo((byte) 0x80);
        return Arrays.copyOf(padded, end);
    }

    static byte[] bcSeal(byte[] dataKey, int keyId, byte[] value, EncryptionContext context)
            throws InvalidCipherTextException {
        int needed = value.length + 1;
        int bucket = needed <= 16
                ? 16
                : needed <= 32
                        ? 32
                        : needed <= 64 ? 64 : needed <= 128 ? 128 : needed <= 256 ? 256 : (needed + 255) / 256 * 256;
        byte[] padded = Arrays.copyOf(value, bucket);
        padded[value.length] = (byte) 0x80;
        byte[] header =
                ByteBuffer.allocate(6).put((byte) 1).put((byte) 1).putInt(keyId).array();
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        byte[] fieldKey = bcHkdf(dataKey, null, tuple("sanad/field/v1", context.entity(), context.field()), 32);
        byte[] body = bcGcm(true, fieldKey, nonce, concat(header, contextBytes(context)), padded);
        return concat(header, nonce, body);
    }

    /** Padmé as in the paper: E = floor(log2 n), S = floor(log2 E) + 1, round to 2^(E - S). */
    static int padme(int n) {
        int e = (int) Math.floor(Math.log(n) / Math.log(2));
        int s = (int) Math.floor(Math.log(e) / Math.log(2)) + 1;
        int step = 1 << (e - s);
        return (n + step - 1) / step * step;
    }

    static byte[] bcDecryptStream(byte[] dataKey, byte[] ciphertext, EncryptionContext context)
            throws InvalidCipherTextException {
        byte[] prefix = Arrays.copyOf(ciphertext, 6);
        assertThat(prefix[1]).isEqualTo((byte) 2);
        assertThat(ciphertext[6]).isEqualTo((byte) 40);
        byte[] salt = Arrays.copyOfRange(ciphertext, 7, 39);
        byte[] noncePrefix = Arrays.copyOfRange(ciphertext, 39, 46);
        byte[] fileKey = fileKey(dataKey, salt, prefix, context);
        ByteArrayOutputStream plaintext = new ByteArrayOutputStream();
        int at = 46;
        for (int segment = 0; ; segment++) {
            int size = segment == 0 ? 65_536 - 46 : 65_536;
            boolean last = ciphertext.length - at <= size;
            int length = last ? ciphertext.length - at : size;
            plaintext.writeBytes(bcGcm(
                    false,
                    fileKey,
                    segmentNonce(noncePrefix, segment, last),
                    new byte[0],
                    Arrays.copyOfRange(ciphertext, at, at + length)));
            at += length;
            if (last) {
                return plaintext.toByteArray();
            }
        }
    }

    static byte[] bcEncryptStream(byte[] dataKey, int keyId, byte[] file, EncryptionContext context)
            throws InvalidCipherTextException {
        byte[] prefix =
                ByteBuffer.allocate(6).put((byte) 1).put((byte) 2).putInt(keyId).array();
        byte[] salt = new byte[32];
        byte[] noncePrefix = new byte[7];
        new SecureRandom().nextBytes(salt);
        new SecureRandom().nextBytes(noncePrefix);
        byte[] fileKey = fileKey(dataKey, salt, prefix, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        out.write(40);
        out.writeBytes(salt);
        out.writeBytes(noncePrefix);
        int at = 0;
        for (int segment = 0; ; segment++) {
            int size = segment == 0 ? 65_520 - 46 : 65_520;
            boolean last = file.length - at <= size;
            int length = last ? file.length - at : size;
            out.writeBytes(bcGcm(
                    true,
                    fileKey,
                    segmentNonce(noncePrefix, segment, last),
                    new byte[0],
                    Arrays.copyOfRange(file, at, at + length)));
            at += length;
            if (last) {
                return out.toByteArray();
            }
        }
    }

    private static byte[] fileKey(byte[] dataKey, byte[] salt, byte[] prefix, EncryptionContext context) {
        byte[] streamKey = bcHkdf(dataKey, null, tuple("sanad/stream/v1"), 32);
        return bcHkdf(streamKey, salt, concat(prefix, contextBytes(context)), 32);
    }

    private static byte[] segmentNonce(byte[] noncePrefix, int segment, boolean last) {
        return ByteBuffer.allocate(12)
                .put(noncePrefix)
                .putInt(segment)
                .put((byte) (last ? 1 : 0))
                .array();
    }

    static byte[] bcGcm(boolean encrypt, byte[] key, byte[] nonce, byte[] aad, byte[] input)
            throws InvalidCipherTextException {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), 128, nonce, aad));
        byte[] out = new byte[gcm.getOutputSize(input.length)];
        int n = gcm.processBytes(input, 0, input.length, out, 0);
        n += gcm.doFinal(out, n);
        return Arrays.copyOf(out, n);
    }

    static byte[] bcHkdf(byte[] ikm, byte[] salt, byte[] info, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(SHA256Digest.newInstance());
        hkdf.init(new HKDFParameters(ikm, salt, info));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    /** FORMAT.md section 1, written out independently of Canonical. */
    static byte[] contextBytes(EncryptionContext c) {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        for (String s : new String[] {c.organisation(), c.entity(), c.field()}) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            buffer.putShort((short) bytes.length).put(bytes);
        }
        buffer.putLong(c.rowId().getMostSignificantBits()).putLong(c.rowId().getLeastSignificantBits());
        buffer.putLong(c.defenderId().getMostSignificantBits())
                .putLong(c.defenderId().getLeastSignificantBits());
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    static byte[] tuple(String... parts) {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        for (String s : parts) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            buffer.putShort((short) bytes.length).put(bytes);
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
