package org.sanad.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encrypts and decrypts files (evidence attachments) of any size in constant memory: Tink's
 * AES-GCM-HKDF streaming construction with 64 KiB segments, a per-file key derived by
 * HKDF-SHA256 from the defender's data key, a random salt and the {@link EncryptionContext}
 * (streaming format v1 of {@code crypto/FORMAT.md}).
 *
 * <p>Guarantee: the decrypting stream returns exactly the bytes written to the encrypting stream
 * under the same context, or throws {@link CryptoFailure} ({@link CryptoFailure#CANNOT_OPEN}):
 * truncation (also at a segment boundary), reordered segments, segments spliced from another
 * file, bytes appended after the end, a file moved to another context and a shredded defender
 * key are all detected. Each segment is authenticated before any of its bytes is returned;
 * earlier segments of a file that later fails have already been returned, so a caller that needs
 * all-or-nothing must decrypt to a temporary place first. Memory use is about two segments
 * whatever the file size; reads into a buffer of at least 64 KiB and large writes avoid a copy. Streams are not thread-safe; the factory is.
 *
 * <p>Strip metadata (EXIF positions, authors) before encrypting, and do not store a plaintext
 * hash of the file next to it.
 *
 * <p>Obtain one from {@link Keyring#streamingAead()}.
 */
public interface StreamingAead {

    /** Size of a ciphertext segment, tag included. */
    int SEGMENT_BYTES = 64 * 1024;

    /**
     * Returns a stream that encrypts what is written to it into {@code ciphertext}, under the
     * primary key version of the context's defender. Closing it writes the last segment and
     * closes {@code ciphertext}; a stream that is not closed leaves an incomplete file that fails
     * to decrypt.
     *
     * @throws CryptoFailure if the defender has no data key
     * @throws IOException if writing the header fails
     */
    OutputStream newEncryptingStream(OutputStream ciphertext, EncryptionContext context) throws IOException;

    /**
     * Returns a stream of the plaintext of {@code ciphertext}. It reads the header at once.
     *
     * @throws CryptoFailure if the header is malformed or its key is unknown, retired or destroyed
     * @throws IOException if reading fails
     */
    InputStream newDecryptingStream(InputStream ciphertext, EncryptionContext context) throws IOException;
}
