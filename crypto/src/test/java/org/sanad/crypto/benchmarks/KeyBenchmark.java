package org.sanad.crypto.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sanad.crypto.BlindIndex;
import org.sanad.crypto.Keyring;
import org.sanad.crypto.SecretBytes;
import org.sanad.crypto.WrappedKeyRepository;
import org.sanad.crypto.internal.AesGcmKeyEncryptionKey;

/** Blind index per value (normalisation included) and the unwrap of one data key by the KEK. */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KeyBenchmark {

    private BlindIndex names;
    private BlindIndex phones;
    private AesGcmKeyEncryptionKey kek;
    private byte[] wrapped;
    private final byte[] aad =
            "sanad/dek/v1|clinic-erbil|0190f1a2-0000-7000-8000-00000000000a|1".getBytes(StandardCharsets.UTF_8);

    @Setup
    public void setUp() {
        kek = AesGcmKeyEncryptionKey.inMemory("bench-kek");
        Keyring keyring = Keyring.builder()
                .keyEncryptionKey(kek)
                .repository(WrappedKeyRepository.inMemory())
                .build();
        names = keyring.blindIndex("clinic-erbil", "defender", "legalName", "exact", BlindIndex.Normalization.NAME);
        phones = keyring.blindIndex("clinic-erbil", "defender", "phone", "exact", BlindIndex.Normalization.PHONE);
        wrapped = kek.wrap(kek.primaryVersion(), SecretBytes.random(32), aad);
    }

    @Benchmark
    public byte[] blindIndexOfAnArabicName() {
        return names.compute("ليلى حسن عبدالله");
    }

    @Benchmark
    public byte[] blindIndexOfALatinName() {
        return names.compute("Layla Hassan Abdullah");
    }

    @Benchmark
    public byte[] blindIndexOfAPhone() {
        return phones.compute("0770 123 4567");
    }

    @Benchmark
    public SecretBytes dataKeyUnwrap() {
        return kek.unwrap(1, wrapped, aad);
    }
}
