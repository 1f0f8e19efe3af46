package org.sanad.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanad.crypto.Fixtures.DEFENDER_A;
import static org.sanad.crypto.Fixtures.ORG;
import static org.sanad.crypto.Fixtures.legalNameOf;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Security;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanad.crypto.tools.KekTool;

class BcfksKeyEncryptionKeyTests {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    private static final byte[] AAD = "sanad/dek/v1|clinic-erbil|a|1".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path directory;

    private static Path keystore;

    @BeforeAll
    static void createKeystoreWithTheTool() {
        keystore = directory.resolve("kek.bcfks");
        StringWriter output = new StringWriter();

        int status = KekTool.run(
                new String[] {"create", "--keystore", keystore.toString()},
                Map.of(KeyEncryptionKey.PASSWORD_VARIABLE, new String(PASSWORD)),
                new PrintWriter(output));

        assertThat(status).isZero();
        assertThat(output.toString()).startsWith("created").doesNotContain(new String(PASSWORD));
    }

    @Test
    void createdKeystoreOpensAndUnwrapsWhatItWrapped() {
        KeyEncryptionKey kek = KeyEncryptionKey.openBcfks(keystore, PASSWORD);
        SecretBytes dataKey = SecretBytes.random(32);

        byte[] wrapped = kek.wrap(kek.primaryVersion(), dataKey, AAD);

        assertThat(kek.id()).isEqualTo("sanad-kek");
        assertThat(kek.unwrap(kek.primaryVersion(), wrapped, AAD).equalsConstantTime(dataKey))
                .isTrue();
    }

    @Test
    void wrappedKeyFailsToUnwrapWithOtherAssociatedDataOrVersion() {
        KeyEncryptionKey kek = KeyEncryptionKey.openBcfks(keystore, PASSWORD);
        byte[] wrapped = kek.wrap(kek.primaryVersion(), SecretBytes.random(32), AAD);

        assertThatThrownBy(() -> kek.unwrap(kek.primaryVersion(), wrapped, "other".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CryptoFailure.class);
        assertThatThrownBy(() -> kek.unwrap(kek.primaryVersion() + 1, wrapped, AAD))
                .isInstanceOf(CryptoFailure.class);
    }

    @Test
    void wrongPasswordFailsToOpen() {
        assertThatThrownBy(() -> KeyEncryptionKey.openBcfks(keystore, "wrong password!".toCharArray()))
                .isInstanceOf(CryptoFailure.class)
                .hasMessageNotContaining("wrong password!");
    }

    @Test
    void missingKeystoreFailsToOpen() {
        assertThatThrownBy(() -> KeyEncryptionKey.openBcfks(directory.resolve("absent.bcfks"), PASSWORD))
                .isInstanceOf(CryptoFailure.class);
    }

    @Test
    void createIsIdempotentAndNeverOverwrites() throws Exception {
        byte[] before = Files.readAllBytes(keystore);
        StringWriter output = new StringWriter();

        int status = KekTool.run(
                new String[] {"create", "--keystore", keystore.toString()},
                Map.of(KeyEncryptionKey.PASSWORD_VARIABLE, new String(PASSWORD)),
                new PrintWriter(output));

        assertThat(status).isZero();
        assertThat(output.toString()).startsWith("exists");
        assertThat(Files.readAllBytes(keystore)).isEqualTo(before);
    }

    @Test
    void toolRefusesToRunWithoutThePasswordVariable() {
        int status = KekTool.run(
                new String[] {
                    "create", "--keystore", directory.resolve("x.bcfks").toString()
                },
                Map.of(),
                new PrintWriter(new StringWriter()));

        assertThat(status).isEqualTo(2);
        assertThat(directory.resolve("x.bcfks")).doesNotExist();
    }

    @Test
    void keystoreFileIsReadableByItsOwnerOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)))
                .isEqualTo("rw-------");
    }

    @Test
    void rotationAddsAVersionPersistedInTheFileAndOldVersionsStillUnwrap() throws Exception {
        Path copy = directory.resolve("rotating.bcfks");
        Files.copy(keystore, copy);
        KeyEncryptionKey kek = KeyEncryptionKey.openBcfks(copy, PASSWORD);
        SecretBytes dataKey = SecretBytes.random(32);
        byte[] wrappedUnderOne = kek.wrap(1, dataKey, AAD);

        assertThat(kek.rotate()).isEqualTo(2);

        KeyEncryptionKey reopened = KeyEncryptionKey.openBcfks(copy, PASSWORD);
        assertThat(reopened.primaryVersion()).isEqualTo(2);
        assertThat(reopened.unwrap(1, wrappedUnderOne, AAD).equalsConstantTime(dataKey))
                .isTrue();
    }

    @Test
    void keyringOnTheKeystoreSealsAndOpensAcrossARestart() {
        WrappedKeyRepository repository = WrappedKeyRepository.inMemory();
        Keyring first =
                Fixtures.aKeyring(repository, KeyEncryptionKey.openBcfks(keystore, PASSWORD), Clock.systemUTC());
        first.createDefenderKey(ORG, DEFENDER_A);
        byte[] sealed = first.fieldCipher().seal("Layla", legalNameOf(DEFENDER_A));

        Keyring restarted =
                Fixtures.aKeyring(repository, KeyEncryptionKey.openBcfks(keystore, PASSWORD), Clock.systemUTC());

        assertThat(restarted.fieldCipher().openString(sealed, legalNameOf(DEFENDER_A)))
                .isEqualTo("Layla");
    }

    @Test
    void usingTheKeystoreNeverRegistersBouncyCastle() {
        KeyEncryptionKey.openBcfks(keystore, PASSWORD);

        assertThat(Security.getProvider("BC")).isNull();
        assertThat(Security.getProvider("BCFIPS")).isNull();
    }

    @Test
    void kekPrintsWithoutKeyMaterial() {
        assertThat(KeyEncryptionKey.openBcfks(keystore, PASSWORD).toString())
                .contains("sanad-kek")
                .contains("redacted");
    }
}
