package org.sanad.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanad.crypto.EncryptionContext;

/**
 * Format v1 frozen as checked-in hex. If one of these fails, the format changed: that needs a new
 * version byte, not new vectors. (Regenerate only for a new format, with
 * -Dsanad.writeGoldenVectors=true.)
 */
class GoldenVectorTests {

    static final String FILE = "format-v1-vectors.txt";
    private static final HexFormat HEX = HexFormat.of();

    record Vector(
            String name,
            byte[] dataKey,
            int keyId,
            EncryptionContext context,
            byte[] plaintext,
            byte[] nonce,
            byte[] sealed) {
        @Override
        public String toString() {
            return name;
        }

        String line() {
            return String.join(
                    "|",
                    name,
                    HEX.formatHex(dataKey),
                    Integer.toString(keyId),
                    context.organisation(),
                    context.entity(),
                    context.field(),
                    context.rowId().toString(),
                    context.defenderId().toString(),
                    HEX.formatHex(plaintext),
                    HEX.formatHex(nonce),
                    HEX.formatHex(sealed));
        }

        static Vector parse(String line) {
            String[] f = line.split("\\|", -1);
            return new Vector(
                    f[0],
                    HEX.parseHex(f[1]),
                    Integer.parseInt(f[2]),
                    new EncryptionContext(f[3], f[4], f[5], UUID.fromString(f[6]), UUID.fromString(f[7])),
                    HEX.parseHex(f[8]),
                    HEX.parseHex(f[9]),
                    HEX.parseHex(f[10]));
        }
    }

    static List<Vector> vectors() throws IOException {
        try (InputStream in = GoldenVectorTests.class.getResourceAsStream(FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(Vector::parse)
                    .toList();
        }
    }

    static byte[] seal(byte[] dataKey, int keyId, EncryptionContext context, byte[] plaintext, byte[] nonce) {
        return SealedFormat.seal(
                Jca.newGcm(),
                new DataKey(keyId, dataKey.clone()).fieldKey(context.entity(), context.field()),
                keyId,
                nonce,
                plaintext,
                Canonical.context(context));
    }

    @Test
    void goldenFileHoldsEveryCase() throws IOException {
        assertThat(vectors())
                .extracting(Vector::name)
                .containsExactly("empty", "latin-name", "arabic-name", "kurdish-name-key-7", "phone", "note-300-bytes");
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void sealingTheGoldenInputsReproducesTheGoldenBytes(Vector v) {
        assertThat(HEX.formatHex(seal(v.dataKey(), v.keyId(), v.context(), v.plaintext(), v.nonce())))
                .isEqualTo(HEX.formatHex(v.sealed()));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void goldenBytesOpenToTheGoldenPlaintext(Vector v) {
        byte[] opened = SealedFormat.open(
                Jca.newGcm(),
                new DataKey(v.keyId(), v.dataKey().clone())
                        .fieldKey(v.context().entity(), v.context().field()),
                v.sealed(),
                Canonical.context(v.context()));

        assertThat(opened).isEqualTo(v.plaintext());
        assertThat(SealedFormat.keyId(v.sealed())).isEqualTo(v.keyId());
    }

    @Test
    @EnabledIfSystemProperty(named = "sanad.writeGoldenVectors", matches = "true")
    void writeGoldenVectors() throws IOException {
        UUID row = UUID.fromString("0190f1a2-1111-7000-8000-000000000001");
        UUID defender = UUID.fromString("0190f1a2-0000-7000-8000-00000000000a");
        byte[] key = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] otherKey = HEX.parseHex("c0ffee00c0ffee01c0ffee02c0ffee03c0ffee04c0ffee05c0ffee06c0ffee07");
        byte[] note = new byte[300];
        for (int i = 0; i < note.length; i++) {
            note[i] = (byte) i;
        }
        EncryptionContext name = new EncryptionContext("clinic-erbil", "defender", "legalName", row, defender);
        List<String> lines = new ArrayList<>();
        lines.add("# Sanad sealed field format v1 golden vectors (crypto/FORMAT.md section 2).");
        lines.add("# name|dataKey|keyId|organisation|entity|field|rowId|defenderId|plaintext|nonce|sealed");
        lines.add(vector("empty", key, 1, name, new byte[0], "000000000000000000000001"));
        lines.add(vector("latin-name", key, 1, name, utf8("Layla Hassan"), "101112131415161718191a1b"));
        lines.add(vector("arabic-name", key, 1, name, utf8("ليلى حسن"), "202122232425262728292a2b"));
        lines.add(vector(
                "kurdish-name-key-7",
                otherKey,
                7,
                name.withField("otherNames"),
                utf8("هێمن کاروان"),
                "a0a1a2a3a4a5a6a7a8a9aaab"));
        lines.add(vector("phone", key, 1, name.withField("phone"), utf8("+9647701234567"), "303132333435363738393a3b"));
        lines.add(vector(
                "note-300-bytes",
                otherKey,
                2,
                new EncryptionContext("clinic-basra", "caseNote", "text", row, defender),
                note,
                "ffffffffffffffffffffffff"));
        Files.write(Path.of("src/test/resources/org/sanad/crypto/internal", FILE), lines);
    }

    private static String vector(
            String name, byte[] key, int keyId, EncryptionContext context, byte[] plaintext, String nonce) {
        byte[] n = HEX.parseHex(nonce);
        return new Vector(name, key, keyId, context, plaintext, n, seal(key, keyId, context, plaintext, n)).line();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
