package org.sanad.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanad.crypto.Fixtures.DEFENDER_A;
import static org.sanad.crypto.Fixtures.DEFENDER_B;
import static org.sanad.crypto.Fixtures.ORG;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamingAeadTests {

    private static final int HEADER = 46;
    private static final int FIRST_PLAINTEXT = 65_536 - 16 - HEADER;
    private static final int PLAINTEXT = 65_536 - 16;
    private static final UUID ATTACHMENT = UUID.fromString("0190f1a2-2222-7000-8000-000000000001");
    private static final UUID OTHER_ATTACHMENT = UUID.fromString("0190f1a2-2222-7000-8000-000000000002");

    private final Keyring keyring = Fixtures.aKeyringWithTwoDefenders();
    private final StreamingAead streaming = keyring.streamingAead();
    private final EncryptionContext context = evidence(ATTACHMENT, DEFENDER_A);

    @ParameterizedTest
    @ValueSource(
            ints = {
                0,
                1,
                FIRST_PLAINTEXT - 1,
                FIRST_PLAINTEXT,
                FIRST_PLAINTEXT + 1,
                FIRST_PLAINTEXT + PLAINTEXT,
                FIRST_PLAINTEXT + PLAINTEXT + 1,
                3 * 1024 * 1024 + 7
            })
    void fileOfAnySizeRoundTrips(int size) throws IOException {
        byte[] file = randomBytes(size, size);

        byte[] ciphertext = encrypt(file, context, 1000);

        assertThat(decrypt(ciphertext, context)).isEqualTo(file);
        int segments = size <= FIRST_PLAINTEXT ? 1 : 1 + (size - FIRST_PLAINTEXT + PLAINTEXT - 1) / PLAINTEXT;
        assertThat(ciphertext.length).isEqualTo(HEADER + size + 16 * segments);
    }

    @Test
    void byteByByteWritingAndReadingRoundTrips() throws IOException {
        byte[] file = randomBytes(FIRST_PLAINTEXT + 10, 1);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = streaming.newEncryptingStream(sink, context)) {
            for (byte b : file) {
                out.write(b);
            }
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (InputStream in = streaming.newDecryptingStream(new ByteArrayInputStream(sink.toByteArray()), context)) {
            for (int b = in.read(); b != -1; b = in.read()) {
                plain.write(b);
            }
        }
        assertThat(plain.toByteArray()).isEqualTo(file);
    }

    @Test
    void largeWritesAndLargeReadsRoundTripWithoutIntermediateCopies() throws IOException {
        byte[] file = randomBytes(3 * 1024 * 1024 + 5, 15);

        byte[] ciphertext = encrypt(file, context, file.length);

        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (InputStream in = streaming.newDecryptingStream(new ByteArrayInputStream(ciphertext), context)) {
            byte[] big = new byte[1024 * 1024];
            for (int n = in.read(big); n != -1; n = in.read(big)) {
                plain.write(big, 0, n);
            }
        }
        assertThat(plain.toByteArray()).isEqualTo(file);
        assertThat(decrypt(ciphertext, context)).isEqualTo(file);
    }

    @Test
    void mixedWriteSizesGiveTheSameFileAsOneWrite() throws IOException {
        byte[] file = randomBytes(5 * PLAINTEXT + 123, 16);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = streaming.newEncryptingStream(sink, context)) {
            int at = 0;
            int[] sizes = {10, 70_000, 1, 200_000, 65_520, 3};
            for (int i = 0; at < file.length; i++) {
                int n = Math.min(sizes[i % sizes.length], file.length - at);
                out.write(file, at, n);
                at += n;
            }
        }

        assertThat(decrypt(sink.toByteArray(), context)).isEqualTo(file);
        assertThat(sink.size()).isEqualTo(encrypt(file, context, file.length).length);
    }

    @Test
    void tamperedSegmentDecryptedIntoTheCallersBufferLeavesNoPlaintextThere() throws IOException {
        byte[] file = randomBytes(3 * PLAINTEXT, 17);
        byte[] ciphertext = encrypt(file, context, 8192);
        ciphertext[HEADER + FIRST_PLAINTEXT + 16 + 100] ^= 1;
        byte[] big = new byte[PLAINTEXT];

        try (InputStream in = streaming.newDecryptingStream(new ByteArrayInputStream(ciphertext), context)) {
            assertThat(in.read(big)).isEqualTo(FIRST_PLAINTEXT);
            Arrays.fill(big, (byte) 0);
            assertThatThrownBy(() -> in.read(big)).isInstanceOf(CryptoFailure.class);
        }
        assertThat(big).containsOnly(0);
    }

    @Test
    void aFileReencryptedFromOneStreamIntoAnotherOnTheSameThreadRoundTrips() throws IOException {
        byte[] file = randomBytes(4 * PLAINTEXT + 77, 18);
        byte[] underA = encrypt(file, context, 8192);
        EncryptionContext ofB = evidence(OTHER_ATTACHMENT, DEFENDER_B);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();

        try (InputStream in = streaming.newDecryptingStream(new ByteArrayInputStream(underA), context);
                OutputStream out = streaming.newEncryptingStream(sink, ofB)) {
            in.transferTo(out);
        }

        assertThat(decrypt(sink.toByteArray(), ofB)).isEqualTo(file);
        assertThat(decrypt(underA, context)).isEqualTo(file);
    }

    @Test
    void closedStreamsRefuseFurtherUse() throws IOException {
        byte[] ciphertext = encrypt(randomBytes(1000, 19), context, 8192);
        InputStream in = streaming.newDecryptingStream(new ByteArrayInputStream(ciphertext), context);
        OutputStream out = streaming.newEncryptingStream(new ByteArrayOutputStream(), context);

        in.close();
        in.close();
        out.close();
        out.close();

        assertThatThrownBy(() -> in.read(new byte[10])).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> out.write(new byte[10])).isInstanceOf(IOException.class);
    }

    @Test
    void truncationAtEverySegmentBoundaryIsDetected() throws IOException {
        byte[] ciphertext = encrypt(randomBytes(3 * PLAINTEXT, 2), context, 8192);

        for (int boundary = HEADER + FIRST_PLAINTEXT + 16; boundary < ciphertext.length; boundary += PLAINTEXT + 16) {
            assertCannotOpen(Arrays.copyOf(ciphertext, boundary), context);
        }
    }

    @Test
    void truncationInsideASegmentOrTheHeaderIsDetected() throws IOException {
        byte[] ciphertext = encrypt(randomBytes(2 * PLAINTEXT, 3), context, 8192);

        for (int length : new int[] {0, 5, HEADER - 1, HEADER, HEADER + 15, HEADER + 100, ciphertext.length - 1}) {
            assertCannotOpen(Arrays.copyOf(ciphertext, length), context);
        }
    }

    @Test
    void reorderedSegmentsAreDetected() throws IOException {
        byte[] ciphertext = encrypt(randomBytes(4 * PLAINTEXT, 4), context, 8192);
        int second = HEADER + FIRST_PLAINTEXT + 16;
        int size = PLAINTEXT + 16;
        byte[] reordered = ciphertext.clone();
        System.arraycopy(ciphertext, second, reordered, second + size, size);
        System.arraycopy(ciphertext, second + size, reordered, second, size);

        assertCannotOpen(reordered, context);
    }

    @Test
    void segmentSplicedFromAnotherFileOfTheSameDefenderIsDetected() throws IOException {
        byte[] one = encrypt(randomBytes(3 * PLAINTEXT, 5), context, 8192);
        byte[] other = encrypt(randomBytes(3 * PLAINTEXT, 6), context, 8192);
        int second = HEADER + FIRST_PLAINTEXT + 16;
        byte[] spliced = one.clone();
        System.arraycopy(other, second, spliced, second, PLAINTEXT + 16);

        assertCannotOpen(spliced, context);
    }

    @Test
    void filesSwappedBetweenAttachmentsAreDetected() throws IOException {
        byte[] ofAttachment = encrypt(randomBytes(1000, 7), context, 8192);

        assertCannotOpen(ofAttachment, evidence(OTHER_ATTACHMENT, DEFENDER_A));
        assertCannotOpen(ofAttachment, evidence(ATTACHMENT, DEFENDER_B));
    }

    @Test
    void bytesAppendedAfterTheLastSegmentAreDetected() throws IOException {
        byte[] ciphertext = encrypt(randomBytes(1000, 8), context, 8192);

        assertCannotOpen(Arrays.copyOf(ciphertext, ciphertext.length + 1), context);
        byte[] twice = Arrays.copyOf(ciphertext, 2 * ciphertext.length);
        System.arraycopy(ciphertext, 0, twice, ciphertext.length, ciphertext.length);
        assertCannotOpen(twice, context);
    }

    @Test
    void everyFlippedHeaderBitAndSampledBodyBitsAreDetected() throws IOException {
        byte[] ciphertext = encrypt(randomBytes(2 * PLAINTEXT, 9), context, 8192);
        Random random = new Random(10);

        for (int bit = 0; bit < HEADER * 8 + 200; bit++) {
            int at = bit < HEADER * 8 ? bit : HEADER * 8 + random.nextInt((ciphertext.length - HEADER) * 8);
            byte[] tampered = ciphertext.clone();
            tampered[at / 8] ^= (byte) (1 << (at % 8));
            assertCannotOpen(tampered, context);
        }
    }

    @Test
    void earlierSegmentsAreReleasedOnlyAfterTheirTagVerified() throws IOException {
        byte[] file = randomBytes(3 * PLAINTEXT, 11);
        byte[] ciphertext = encrypt(file, context, 8192);
        ciphertext[HEADER + 10] ^= 1;

        InputStream in = streaming.newDecryptingStream(new ByteArrayInputStream(ciphertext), context);

        assertThatThrownBy(() -> in.read(new byte[10])).isInstanceOf(CryptoFailure.class);
        assertThatThrownBy(() -> in.read(new byte[10])).isInstanceOf(CryptoFailure.class);
    }

    @Test
    void filesOfAShreddedDefenderFailToOpenAndOthersStillOpen() throws IOException {
        byte[] ofA = encrypt(randomBytes(5000, 12), context, 8192);
        byte[] fileOfB = randomBytes(5000, 13);
        byte[] ofB = encrypt(fileOfB, evidence(OTHER_ATTACHMENT, DEFENDER_B), 8192);

        keyring.shred(ORG, DEFENDER_A);

        assertCannotOpen(ofA, context);
        assertThat(decrypt(ofB, evidence(OTHER_ATTACHMENT, DEFENDER_B))).isEqualTo(fileOfB);
    }

    @Test
    void filesSurviveAKeyRotationUntilTheMinimumVersionRises() throws IOException {
        byte[] file = randomBytes(5000, 14);
        byte[] underVersion1 = encrypt(file, context, 8192);
        keyring.rotateDefenderKey(ORG, DEFENDER_A);

        assertThat(decrypt(underVersion1, context)).isEqualTo(file);
        keyring.setMinimumDecryptionVersion(ORG, DEFENDER_A, 2);
        assertCannotOpen(underVersion1, context);
    }

    @Test
    void encryptingAndDecryptingSixtyFourMegabytesUsesAboutAsMuchMemoryAsOneMegabyte() throws IOException {
        long small = allocatedWhileStreaming(1 << 20);
        long large = allocatedWhileStreaming(64 << 20);

        // what a stream holds is a few segments, whatever the file size; allow for JIT noise
        assertThat(large).isLessThan(small + 8 * 1024 * 1024);
    }

    private long allocatedWhileStreaming(int size) throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        PipedCheck sink = new PipedCheck();
        try (OutputStream out = streaming.newEncryptingStream(sink, context)) {
            byte[] chunk = new byte[8192];
            for (int written = 0; written < size; written += chunk.length) {
                out.write(chunk);
            }
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    /** Discards ciphertext but counts it. */
    private static final class PipedCheck extends OutputStream {
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

    private void assertCannotOpen(byte[] ciphertext, EncryptionContext openingContext) {
        assertThatThrownBy(() -> decrypt(ciphertext, openingContext))
                .isInstanceOf(CryptoFailure.class)
                .hasMessage(CryptoFailure.CANNOT_OPEN);
    }

    private byte[] encrypt(byte[] file, EncryptionContext encryptionContext, int chunk) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = streaming.newEncryptingStream(sink, encryptionContext)) {
            for (int at = 0; at < file.length; at += chunk) {
                out.write(file, at, Math.min(chunk, file.length - at));
            }
        }
        return sink.toByteArray();
    }

    private byte[] decrypt(byte[] ciphertext, EncryptionContext decryptionContext) throws IOException {
        try (InputStream in = streaming.newDecryptingStream(new ByteArrayInputStream(ciphertext), decryptionContext)) {
            return in.readAllBytes();
        }
    }

    private static EncryptionContext evidence(UUID attachment, UUID defender) {
        return new EncryptionContext(ORG, "attachment", "content", attachment, defender);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
