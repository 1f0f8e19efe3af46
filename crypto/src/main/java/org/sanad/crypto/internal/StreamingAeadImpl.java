package org.sanad.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sanad.crypto.CryptoFailure;
import org.sanad.crypto.EncryptionContext;
import org.sanad.crypto.StreamingAead;
import org.sanad.crypto.WrappedKeyRepository.Purpose;

/**
 * Tink's AES-GCM-HKDF streaming AEAD (AES-256, HKDF-SHA256, 64 KiB ciphertext segments) with a
 * 6-byte Sanad prefix as its ciphertext offset. See crypto/FORMAT.md section 4.
 */
public final class StreamingAeadImpl implements StreamingAead {

    public static final byte SUITE_STREAMING = 0x02;
    public static final int PREFIX_BYTES = 6;
    public static final int SALT_BYTES = 32;
    public static final int NONCE_PREFIX_BYTES = 7;
    public static final int HEADER_LENGTH = 1 + SALT_BYTES + NONCE_PREFIX_BYTES;
    public static final int FIRST_SEGMENT_OFFSET = PREFIX_BYTES + HEADER_LENGTH;
    public static final int PLAINTEXT_SEGMENT_BYTES = SEGMENT_BYTES - Jca.TAG_BYTES;
    public static final int FIRST_PLAINTEXT_SEGMENT_BYTES = PLAINTEXT_SEGMENT_BYTES - FIRST_SEGMENT_OFFSET;

    /**
     * One spare ciphertext buffer and one spare (zeroed) plaintext buffer per thread, lent to the
     * next stream: allocating and zeroing 128 KiB per file is measurable for files of a few MiB.
     * A stream returns its buffers when closed; one that is never closed leaves them to the GC.
     */
    private static final ThreadLocal<byte[]> SPARE_CIPHERTEXT = new ThreadLocal<>();

    private static final ThreadLocal<byte[]> SPARE_PLAINTEXT = new ThreadLocal<>();

    private final KeyHierarchy keys;

    static byte[] borrow(ThreadLocal<byte[]> spare, int size) {
        byte[] buffer = spare.get();
        if (buffer != null) {
            spare.remove();
            return buffer;
        }
        return new byte[size];
    }

    static void giveBack(ThreadLocal<byte[]> spare, byte[] buffer) {
        if (spare.get() == null) {
            spare.set(buffer);
        }
    }

    public StreamingAeadImpl(KeyHierarchy keys) {
        this.keys = keys;
    }

    @Override
    public OutputStream newEncryptingStream(OutputStream ciphertext, EncryptionContext context) throws IOException {
        Objects.requireNonNull(ciphertext, "ciphertext");
        byte[] header = new byte[FIRST_SEGMENT_OFFSET];
        SecretKeySpec fileKey = keys.withKeys(Purpose.DATA, context.organisation(), context.defenderId(), keySet -> {
            DataKey primary = keySet == null ? null : keySet.primary();
            if (primary == null) {
                throw new CryptoFailure("the defender has no data key");
            }
            header[0] = SealedFormat.VERSION_1;
            header[1] = SUITE_STREAMING;
            Canonical.putInt(header, 2, primary.version());
            header[PREFIX_BYTES] = (byte) HEADER_LENGTH;
            byte[] random = Jca.randomBytes(SALT_BYTES + NONCE_PREFIX_BYTES);
            System.arraycopy(random, 0, header, PREFIX_BYTES + 1, random.length);
            return fileKey(primary, header, context);
        });
        ciphertext.write(header);
        return new Encrypting(
                ciphertext,
                fileKey,
                Arrays.copyOfRange(header, FIRST_SEGMENT_OFFSET - NONCE_PREFIX_BYTES, FIRST_SEGMENT_OFFSET));
    }

    @Override
    public InputStream newDecryptingStream(InputStream ciphertext, EncryptionContext context) throws IOException {
        byte[] header = ciphertext.readNBytes(FIRST_SEGMENT_OFFSET);
        if (header.length != FIRST_SEGMENT_OFFSET
                || header[0] != SealedFormat.VERSION_1
                || header[1] != SUITE_STREAMING
                || header[PREFIX_BYTES] != HEADER_LENGTH) {
            throw CryptoFailure.cannotOpen();
        }
        SecretKeySpec fileKey;
        try {
            fileKey = keys.withKeys(Purpose.DATA, context.organisation(), context.defenderId(), keySet -> {
                DataKey key = keySet == null ? null : keySet.forOpening(Canonical.getInt(header, 2));
                if (key == null) {
                    throw CryptoFailure.cannotOpen();
                }
                return fileKey(key, header, context);
            });
        } catch (CryptoFailure anyFailure) {
            throw CryptoFailure.cannotOpen();
        }
        return new Decrypting(
                ciphertext,
                fileKey,
                Arrays.copyOfRange(header, FIRST_SEGMENT_OFFSET - NONCE_PREFIX_BYTES, FIRST_SEGMENT_OFFSET));
    }

    /** K_f = HKDF(IKM = stream key, salt, info = prefix | context). */
    private static SecretKeySpec fileKey(DataKey key, byte[] header, EncryptionContext context) {
        byte[] streamKey = key.streamKey().getEncoded();
        byte[] salt = Arrays.copyOfRange(header, PREFIX_BYTES + 1, PREFIX_BYTES + 1 + SALT_BYTES);
        byte[] info = Canonical.concat(Arrays.copyOf(header, PREFIX_BYTES), Canonical.context(context));
        byte[] fileKey = Hkdf.derive(streamKey, salt, info, Jca.KEY_BYTES);
        try {
            return Jca.aesKey(fileKey);
        } finally {
            Arrays.fill(streamKey, (byte) 0);
            Arrays.fill(fileKey, (byte) 0);
        }
    }

    static GCMParameterSpec segmentNonce(byte[] noncePrefix, long segment, boolean last) {
        if (segment > 0xFFFF_FFFFL) {
            throw new CryptoFailure("the file is too long for the streaming format");
        }
        byte[] nonce = new byte[Jca.NONCE_BYTES];
        System.arraycopy(noncePrefix, 0, nonce, 0, NONCE_PREFIX_BYTES);
        Canonical.putInt(nonce, NONCE_PREFIX_BYTES, (int) segment);
        nonce[Jca.NONCE_BYTES - 1] = (byte) (last ? 1 : 0);
        return new GCMParameterSpec(Jca.TAG_BITS, nonce);
    }

    /** Buffers one plaintext segment; seals it as not-last only once more data arrives. */
    private static final class Encrypting extends OutputStream {
        private final OutputStream out;
        private final SecretKeySpec key;
        private final byte[] noncePrefix;
        private final byte[] plaintext = borrow(SPARE_PLAINTEXT, PLAINTEXT_SEGMENT_BYTES);
        private final byte[] segment = borrow(SPARE_CIPHERTEXT, SEGMENT_BYTES + 1);
        private int buffered;
        private int capacity = FIRST_PLAINTEXT_SEGMENT_BYTES;
        private long index;
        private boolean closed;

        Encrypting(OutputStream out, SecretKeySpec key, byte[] noncePrefix) {
            this.out = out;
            this.key = key;
            this.noncePrefix = noncePrefix;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            if (closed) {
                throw new IOException("the encrypting stream is closed");
            }
            while (length > 0) {
                if (buffered == capacity) {
                    seal(bytes, offset, 0, false);
                }
                int needed = capacity - buffered;
                if (length > needed) {
                    // this write completes a segment and more follows, so the segment is not the
                    // last: seal the buffered head and the caller's bytes without copying them
                    seal(bytes, offset, needed, false);
                    offset += needed;
                    length -= needed;
                    continue;
                }
                System.arraycopy(bytes, offset, plaintext, buffered, length);
                buffered += length;
                length = 0;
            }
        }

        /** Seals the buffered bytes followed by {@code length} bytes of {@code input} as one segment. */
        private void seal(byte[] input, int offset, int length, boolean last) throws IOException {
            int written;
            try {
                // the whole segment is sealed within this call, so the thread's cipher can be shared
                Cipher cipher = Jca.gcm();
                cipher.init(Cipher.ENCRYPT_MODE, key, segmentNonce(noncePrefix, index, last));
                written = buffered == 0 ? 0 : cipher.update(plaintext, 0, buffered, segment, 0);
                written += cipher.doFinal(input, offset, length, segment, written);
            } catch (GeneralSecurityException e) {
                throw new CryptoFailure("the file cannot be encrypted");
            }
            out.write(segment, 0, written);
            index++;
            buffered = 0;
            capacity = PLAINTEXT_SEGMENT_BYTES;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                seal(plaintext, 0, 0, true);
            } finally {
                Arrays.fill(plaintext, (byte) 0);
                giveBack(SPARE_PLAINTEXT, plaintext);
                giveBack(SPARE_CIPHERTEXT, segment);
                out.close();
            }
        }
    }

    /** Reads one ciphertext segment plus one byte to learn whether it is the last. */
    private static final class Decrypting extends InputStream {
        private final InputStream in;
        private final SecretKeySpec key;
        private final byte[] noncePrefix;
        private final byte[] segment = borrow(SPARE_CIPHERTEXT, SEGMENT_BYTES + 1);
        private byte[] plaintext = new byte[0];
        private boolean closed;
        private int carried;
        private int position;
        private int available;
        private long index;
        private boolean finished;
        private boolean failed;

        Decrypting(InputStream in, SecretKeySpec key, byte[] noncePrefix) {
            this.in = in;
            this.key = key;
            this.noncePrefix = noncePrefix;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            if (closed) {
                throw new IOException("the decrypting stream is closed");
            }
            if (length == 0) {
                return 0;
            }
            while (position == available) {
                if (finished) {
                    return -1;
                }
                if (length >= PLAINTEXT_SEGMENT_BYTES) {
                    // room for a whole segment: decrypt straight into the caller's array, no copy
                    int n = nextSegment(bytes, offset);
                    if (n > 0) {
                        return n;
                    }
                    continue;
                }
                if (plaintext.length == 0) {
                    plaintext = new byte[PLAINTEXT_SEGMENT_BYTES];
                }
                available = nextSegment(plaintext, 0);
                position = 0;
            }
            int n = Math.min(length, available - position);
            System.arraycopy(plaintext, position, bytes, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return available - position;
        }

        /** Decrypts the next segment into {@code target} and returns its length. */
        private int nextSegment(byte[] target, int targetOffset) throws IOException {
            if (failed) {
                throw CryptoFailure.cannotOpen();
            }
            int wanted = index == 0 ? SEGMENT_BYTES - FIRST_SEGMENT_OFFSET : SEGMENT_BYTES;
            int got = carried + in.readNBytes(segment, carried, wanted + 1 - carried);
            boolean last = got <= wanted;
            int length = last ? got : wanted;
            if (length < Jca.TAG_BYTES) {
                fail(target, targetOffset, 0);
            }
            int decrypted = 0;
            try {
                // the whole segment is opened within this call, so the thread's cipher can be shared
                Cipher cipher = Jca.gcm();
                cipher.init(Cipher.DECRYPT_MODE, key, segmentNonce(noncePrefix, index, last));
                decrypted = cipher.doFinal(segment, 0, length, target, targetOffset);
            } catch (GeneralSecurityException | IllegalStateException e) {
                fail(target, targetOffset, length - Jca.TAG_BYTES);
            }
            index++;
            if (last) {
                finished = true;
                carried = 0;
            } else {
                segment[0] = segment[wanted];
                carried = 1;
            }
            return decrypted;
        }

        /** Marks the stream failed and wipes whatever the cipher may have written. */
        private void fail(byte[] target, int targetOffset, int length) {
            failed = true;
            available = 0;
            position = 0;
            Arrays.fill(target, targetOffset, targetOffset + Math.max(0, length), (byte) 0);
            Arrays.fill(plaintext, (byte) 0);
            throw CryptoFailure.cannotOpen();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            Arrays.fill(plaintext, (byte) 0);
            giveBack(SPARE_CIPHERTEXT, segment);
            in.close();
        }
    }
}
