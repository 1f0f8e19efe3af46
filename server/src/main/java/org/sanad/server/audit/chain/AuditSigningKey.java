package org.sanad.server.audit.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.sanad.crypto.KeyEncryptionKey;
import org.sanad.crypto.SecretBytes;

/**
 * The Ed25519 key that signs audit checkpoints. Kept with the KEK's custody, never in the
 * database: its 32-byte seed is stored only wrapped by the KEK (AES-GCM, bound to its purpose), in
 * a file beside the KEK keystore, so the file is useless without the KEK. The public key is
 * written next to it ({@code .pub}, Base64) for verifiers outside the server.
 */
final class AuditSigningKey {

    private static final byte[] PURPOSE = "sanad-audit-signing|v1".getBytes(StandardCharsets.UTF_8);

    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    private AuditSigningKey(byte[] seed) {
        this.privateKey = new Ed25519PrivateKeyParameters(seed, 0);
        this.publicKey = privateKey.generatePublicKey().getEncoded();
    }

    /** A key from its seed, for benchmarks and tests that need no custody. */
    static AuditSigningKey fromSeed(byte[] seed) {
        return new AuditSigningKey(seed.clone());
    }

    /** Loads the key, or creates it on first start (and writes its public half beside it). */
    static AuditSigningKey loadOrCreate(Path file, KeyEncryptionKey kek) {
        try {
            if (!Files.exists(file)) {
                byte[] seed = new byte[32];
                new SecureRandom().nextBytes(seed);
                SecretBytes secret = SecretBytes.copyOf(seed);
                java.util.Arrays.fill(seed, (byte) 0);
                int version = kek.primaryVersion();
                byte[] wrapped = kek.wrap(version, secret, PURPOSE);
                String line = "v1:" + version + ":" + Base64.getEncoder().encodeToString(wrapped) + "\n";
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, line);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system: the operator secures the file.
                }
                secret.destroy();
            }
            String[] parts = Files.readString(file).trim().split(":");
            if (parts.length != 3 || !"v1".equals(parts[0])) {
                throw new IllegalStateException("the audit signing key file is not in format v1");
            }
            SecretBytes secret =
                    kek.unwrap(Integer.parseInt(parts[1]), Base64.getDecoder().decode(parts[2]), PURPOSE);
            byte[] seed = secret.toByteArray();
            var key = new AuditSigningKey(seed);
            java.util.Arrays.fill(seed, (byte) 0);
            secret.destroy();
            Path published = Path.of(file + ".pub");
            if (!Files.exists(published)) {
                try {
                    Files.writeString(published, Base64.getEncoder().encodeToString(key.publicKey) + "\n");
                } catch (IOException e) {
                    // A read-only mount (a Kubernetes Secret): the public key is published with it.
                }
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the audit signing key file", e);
        }
    }

    byte[] sign(byte[] message) {
        var signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    byte[] publicKey() {
        return publicKey.clone();
    }

    String keyId() {
        return ChainVerifier.fingerprint(publicKey);
    }

    @Override
    public String toString() {
        return "AuditSigningKey[" + keyId() + "]";
    }
}
