package org.sanad.server.evidence.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where evidence ciphertext lives: the local file system by default, S3-compatible object storage
 * for deployments that outgrow one disk. Keys are random ids chosen by the caller; an object holds
 * ciphertext only. Nothing about the file (its name, type, size or hash) is ever part of a key or
 * of an object's metadata.
 *
 * <p>Objects are written once and never changed: {@link #write} makes an object visible only
 * once it is complete, so a reader never sees a half-written one.
 */
public interface ObjectStore {

    /** Writes the bytes of one object. */
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Creates the object {@code key} from what {@code writer} writes. The object exists, complete
     * and durable, once this returns; if the writer throws, nothing is left under the key (and no
     * temporary data remains) and the exception propagates.
     *
     * @throws IOException if the object cannot be stored, or already exists
     */
    void write(String key, Writer writer) throws IOException;

    /**
     * Opens an object for reading.
     *
     * @throws java.nio.file.NoSuchFileException if there is no object under {@code key}
     */
    InputStream read(String key) throws IOException;

    /** Deletes an object; deleting one that does not exist is not an error. */
    void delete(String key) throws IOException;

    /** Whether an object exists under {@code key}. */
    boolean exists(String key) throws IOException;
}
