// Creates the audit signing key file that the server reads from SANAD_AUDIT_SIGNING_KEY, so that it
// can be put into a Kubernetes Secret before the first start (the server creates the file itself
// only when it can write beside it, which the read-only Secret mount forbids on purpose; every
// replica must sign with the same key).
//
// The file has the server's format (AuditSigningKey, format v1): a random 32-byte Ed25519 seed
// wrapped by the KEK's primary version with the purpose "sanad-audit-signing|v1", written as
// "v1:<kek version>:<base64>". The public key goes to <file>.pub (Base64) for verifiers.
//
// Run it where the KEK is kept (never inside the cluster), with the KEK password in the
// environment only:
//
//   SANAD_KEK_PASSWORD=... java -cp crypto/target/sanad-crypto-0.1.0-SNAPSHOT.jar:bcprov-jdk18on-1.82.jar \
//       infra/k8s/tools/CreateAuditSigningKey.java --keystore kek.bcfks --out audit-signing.key
//
// It refuses to overwrite an existing file and prints no key material.

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.sanad.crypto.KeyEncryptionKey;
import org.sanad.crypto.SecretBytes;

void main(String[] args) throws Exception {
    Path keystore = null;
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
        switch (args[i]) {
            case "--keystore" -> keystore = Path.of(args[i + 1]);
            case "--out" -> out = Path.of(args[i + 1]);
            default -> {}
        }
    }
    if (keystore == null || out == null || args.length != 4) {
        System.err.println("usage: CreateAuditSigningKey --keystore KEK.bcfks --out FILE (KEK password in SANAD_KEK_PASSWORD)");
        System.exit(2);
    }
    if (Files.exists(out)) {
        System.err.println("refusing to overwrite " + out);
        System.exit(1);
    }
    KeyEncryptionKey kek = KeyEncryptionKey.openBcfksFromEnvironment(keystore);
    SecretBytes seed = SecretBytes.random(32);
    int version = kek.primaryVersion();
    byte[] wrapped = kek.wrap(version, seed, "sanad-audit-signing|v1".getBytes(StandardCharsets.UTF_8));
    byte[] seedBytes = seed.toByteArray();
    byte[] publicKey = new Ed25519PrivateKeyParameters(seedBytes, 0).generatePublicKey().getEncoded();
    Arrays.fill(seedBytes, (byte) 0);
    seed.destroy();
    Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(out, "v1:" + version + ":" + Base64.getEncoder().encodeToString(wrapped) + "\n");
    Files.writeString(Path.of(out + ".pub"), Base64.getEncoder().encodeToString(publicKey) + "\n");
    System.out.println("created: " + out + " (wrapped by KEK " + kek.id() + " version " + version + "), public key in " + out + ".pub");
}
