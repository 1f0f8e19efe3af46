package org.sanad.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The primitives as this library calls them, against published vectors. */
class StandardVectorTests {

    private static final HexFormat HEX = HexFormat.of();

    record GcmVector(int tcId, byte[] key, byte[] iv, byte[] aad, byte[] msg, byte[] ct, byte[] tag, boolean valid) {
        @Override
        public String toString() {
            return "Wycheproof tcId " + tcId;
        }
    }

    static List<GcmVector> wycheproof() throws IOException {
        try (InputStream in = StandardVectorTests.class.getResourceAsStream("wycheproof-aes-gcm-256-iv96.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(" "))
                    .map(f -> new GcmVector(
                            Integer.parseInt(f[0]),
                            hex(f[1]),
                            hex(f[2]),
                            hex(f[3]),
                            hex(f[4]),
                            hex(f[5]),
                            hex(f[6]),
                            f[7].equals("valid")))
                    .toList();
        }
    }

    @Test
    void wycheproofFileHoldsTheExpectedGroup() throws IOException {
        List<GcmVector> vectors = wycheproof();

        assertThat(vectors).hasSize(45);
        assertThat(vectors).allSatisfy(v -> {
            assertThat(v.key()).hasSize(32);
            assertThat(v.iv()).hasSize(12);
        });
    }

    @ParameterizedTest
    @MethodSource("wycheproof")
    void sunJceAesGcmMatchesWycheproof(GcmVector v) throws GeneralSecurityException {
        Cipher cipher = Jca.newGcm();
        SecretKeySpec key = new SecretKeySpec(v.key(), "AES");
        byte[] ciphertextAndTag = concat(v.ct(), v.tag());
        if (v.valid()) {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, v.iv()));
            cipher.updateAAD(v.aad());
            assertThat(cipher.doFinal(v.msg())).isEqualTo(ciphertextAndTag);
        }
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, v.iv()));
        cipher.updateAAD(v.aad());
        if (v.valid()) {
            assertThat(cipher.doFinal(ciphertextAndTag)).isEqualTo(v.msg());
        } else {
            assertThatThrownBy(() -> cipher.doFinal(ciphertextAndTag)).isInstanceOf(AEADBadTagException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("wycheproof")
    void bouncyCastleAesGcmMatchesWycheproof(GcmVector v) {
        GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
        cipher.init(false, new AEADParameters(new KeyParameter(v.key()), 128, v.iv(), v.aad()));
        byte[] input = concat(v.ct(), v.tag());
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int n = cipher.processBytes(input, 0, input.length, out, 0);
        if (v.valid()) {
            try {
                cipher.doFinal(out, n);
            } catch (InvalidCipherTextException e) {
                throw new AssertionError(e);
            }
            assertThat(out).isEqualTo(v.msg());
        } else {
            assertThatThrownBy(() -> cipher.doFinal(out, n)).isInstanceOf(InvalidCipherTextException.class);
        }
    }

    static Stream<Arguments> rfc4231() {
        byte[] aa131 = filled(131, 0xaa);
        return Stream.of(
                Arguments.of(
                        "1",
                        filled(20, 0x0b),
                        ascii("Hi There"),
                        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
                Arguments.of(
                        "2",
                        ascii("Jefe"),
                        ascii("what do ya want for nothing?"),
                        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
                Arguments.of(
                        "3",
                        filled(20, 0xaa),
                        filled(50, 0xdd),
                        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
                Arguments.of(
                        "4",
                        hex("0102030405060708090a0b0c0d0e0f10111213141516171819"),
                        filled(50, 0xcd),
                        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
                Arguments.of(
                        "5 (truncated to 128 bits)",
                        filled(20, 0x0c),
                        ascii("Test With Truncation"),
                        "a3b6167473100ee06e0c796c2955552b"),
                Arguments.of(
                        "6",
                        aa131,
                        ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
                        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
                Arguments.of(
                        "7",
                        aa131,
                        ascii("This is a test using a larger than block-size key and a larger than block-size data."
                                + " The key needs to be hashed before being used by the HMAC algorithm."),
                        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"));
    }

    @ParameterizedTest(name = "RFC 4231 test case {0}")
    @MethodSource("rfc4231")
    void sunJceHmacSha256MatchesRfc4231(String testCase, byte[] key, byte[] data, String expected)
            throws GeneralSecurityException {
        Mac mac = Jca.newHmac();
        mac.init(new SecretKeySpec(key, Jca.HMAC_SHA256));
        byte[] tag = mac.doFinal(data);

        assertThat(HEX.formatHex(Arrays.copyOf(tag, expected.length() / 2))).isEqualTo(expected);
    }

    static Stream<Arguments> rfc5869() {
        return Stream.of(
                Arguments.of(
                        "A.1",
                        filled(22, 0x0b),
                        hex("000102030405060708090a0b0c"),
                        hex("f0f1f2f3f4f5f6f7f8f9"),
                        "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
                        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"),
                Arguments.of(
                        "A.2",
                        sequence(0x00, 80),
                        sequence(0x60, 80),
                        sequence(0xb0, 80),
                        "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244",
                        "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                                + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                                + "cc30c58179ec3e87c14c01d5c1f3434f1d87"),
                Arguments.of(
                        "A.3",
                        filled(22, 0x0b),
                        new byte[0],
                        new byte[0],
                        "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
                        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"));
    }

    @ParameterizedTest(name = "RFC 5869 {0}")
    @MethodSource("rfc5869")
    void hkdfMatchesRfc5869(String testCase, byte[] ikm, byte[] salt, byte[] info, String prk, String okm) {
        assertThat(HEX.formatHex(Hkdf.extract(salt, ikm))).isEqualTo(prk);
        assertThat(HEX.formatHex(Hkdf.expand(hex(prk), info, okm.length() / 2))).isEqualTo(okm);
        assertThat(HEX.formatHex(Hkdf.derive(ikm, salt, info, okm.length() / 2)))
                .isEqualTo(okm);
    }

    @ParameterizedTest(name = "RFC 5869 {0} through javax.crypto.KDF")
    @MethodSource("rfc5869")
    void hkdfAgreesWithTheJdkKdf(String testCase, byte[] ikm, byte[] salt, byte[] info, String prk, String okm)
            throws GeneralSecurityException {
        KDF kdf = KDF.getInstance("HKDF-SHA256");
        HKDFParameterSpec.Builder builder = HKDFParameterSpec.ofExtract().addIKM(ikm);
        if (salt.length > 0) {
            builder.addSalt(salt);
        }
        byte[] derived = kdf.deriveData(builder.thenExpand(info, okm.length() / 2));

        assertThat(HEX.formatHex(derived)).isEqualTo(okm);
    }

    static byte[] hex(String hex) {
        return hex.equals("-") ? new byte[0] : HEX.parseHex(hex);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] sequence(int from, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (from + i);
        }
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
