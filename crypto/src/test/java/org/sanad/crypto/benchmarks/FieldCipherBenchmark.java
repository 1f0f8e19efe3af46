package org.sanad.crypto.benchmarks;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sanad.crypto.EncryptionContext;
import org.sanad.crypto.FieldCipher;
import org.sanad.crypto.Keyring;
import org.sanad.crypto.WrappedKeyRepository;
import org.sanad.crypto.internal.AesGcmKeyEncryptionKey;

/**
 * Seal + open of one field value (key cached) against a bare JDK AES-256-GCM encrypt + decrypt of
 * the same bytes: a reused SunJCE Cipher, a random 96-bit nonce from SecureRandom, and associated
 * data as long as the field's (header + context).
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FieldCipherBenchmark {

    @Param({"64", "1024"})
    int size;

    private FieldCipher cipher;
    private EncryptionContext context;
    private byte[] value;
    private Cipher bare;
    private SecretKeySpec bareKey;
    private byte[] bareAad;
    private final SecureRandom random = new SecureRandom();

    @Setup
    public void setUp() throws GeneralSecurityException {
        Keyring keyring = Keyring.builder()
                .keyEncryptionKey(AesGcmKeyEncryptionKey.inMemory("bench-kek"))
                .repository(WrappedKeyRepository.inMemory())
                .build();
        UUID defender = UUID.randomUUID();
        keyring.createDefenderKey("clinic-erbil", defender);
        cipher = keyring.fieldCipher();
        context = new EncryptionContext("clinic-erbil", "defender", "legalName", UUID.randomUUID(), defender);
        value = new byte[size];
        random.nextBytes(value);
        byte[] key = new byte[32];
        random.nextBytes(key);
        bareKey = new SecretKeySpec(key, "AES");
        bare = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        bareAad = new byte[6 + 2 + 12 + 2 + 8 + 2 + 9 + 32];
        cipher.open(cipher.seal(value, context), context);
    }

    @Benchmark
    public byte[] sealAndOpen() {
        return cipher.open(cipher.seal(value, context), context);
    }

    @Benchmark
    public byte[] bareJdkAesGcmEncryptAndDecrypt() throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        bare.init(Cipher.ENCRYPT_MODE, bareKey, new GCMParameterSpec(128, nonce));
        bare.updateAAD(bareAad);
        byte[] sealed = bare.doFinal(value);
        bare.init(Cipher.DECRYPT_MODE, bareKey, new GCMParameterSpec(128, nonce));
        bare.updateAAD(bareAad);
        return bare.doFinal(sealed);
    }
}
