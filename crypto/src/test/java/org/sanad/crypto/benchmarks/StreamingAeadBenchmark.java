package org.sanad.crypto.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import org.sanad.crypto.Keyring;
import org.sanad.crypto.StreamingAead;
import org.sanad.crypto.WrappedKeyRepository;
import org.sanad.crypto.internal.AesGcmKeyEncryptionKey;

/**
 * Streaming encryption and decryption of a 1 MiB and a 100 MiB file against one warmed
 * single-call AES-256-GCM of the same size. The streaming side reads its plaintext in 64 KiB
 * chunks and discards its output, so its heap use does not depend on the file size (see
 * gc.alloc.rate.norm); the single call needs the whole file, twice, in memory. Ten warmup
 * iterations: a single large doFinal runs slowly (about 12 ms per MiB here) until the JIT has
 * compiled the AES-GCM intrinsic path, and the target compares against the warmed call.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StreamingAeadBenchmark {

    @Param({"1048576", "104857600"})
    int size;

    private StreamingAead streaming;
    private EncryptionContext context;
    private final byte[] chunk = new byte[64 * 1024];
    private byte[] ciphertext;
    private byte[] whole;
    private byte[] wholeOut;
    private byte[] wholeCiphertext;
    private Cipher single;
    private SecretKeySpec key;
    private byte[] nonce;

    @Setup
    public void setUp() throws IOException, GeneralSecurityException {
        Keyring keyring = Keyring.builder()
                .keyEncryptionKey(AesGcmKeyEncryptionKey.inMemory("bench-kek"))
                .repository(WrappedKeyRepository.inMemory())
                .build();
        UUID defender = UUID.randomUUID();
        keyring.createDefenderKey("clinic-erbil", defender);
        streaming = keyring.streamingAead();
        context = new EncryptionContext("clinic-erbil", "attachment", "content", UUID.randomUUID(), defender);
        SecureRandom random = new SecureRandom();
        random.nextBytes(chunk);
        ByteArrayOutputStream sink = new ByteArrayOutputStream(size + size / 1000 + 100);
        try (OutputStream out = streaming.newEncryptingStream(sink, context)) {
            for (int written = 0; written < size; written += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, size - written));
            }
        }
        ciphertext = sink.toByteArray();
        whole = new byte[size];
        random.nextBytes(whole);
        wholeOut = new byte[size + 16];
        byte[] keyBytes = new byte[32];
        random.nextBytes(keyBytes);
        key = new SecretKeySpec(keyBytes, "AES");
        nonce = new byte[12];
        single = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        single.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        wholeCiphertext = single.doFinal(whole);
    }

    @Benchmark
    public long streamingEncrypt() throws IOException {
        Discard sink = new Discard();
        try (OutputStream out = streaming.newEncryptingStream(sink, context)) {
            for (int written = 0; written < size; written += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, size - written));
            }
        }
        return sink.count;
    }

    @Benchmark
    public long streamingDecrypt() throws IOException {
        long total = 0;
        try (InputStream in = streaming.newDecryptingStream(new ByteArrayInputStream(ciphertext), context)) {
            for (int n = in.read(chunk); n != -1; n = in.read(chunk)) {
                total += n;
            }
        }
        return total;
    }

    @Benchmark
    public int singleCallEncrypt() throws GeneralSecurityException {
        nonce[0]++;
        single.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        return single.doFinal(whole, 0, whole.length, wholeOut, 0);
    }

    @Benchmark
    public int singleCallDecrypt() throws GeneralSecurityException {
        single.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, new byte[12]));
        return single.doFinal(wholeCiphertext, 0, wholeCiphertext.length, wholeOut, 0);
    }

    private static final class Discard extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
