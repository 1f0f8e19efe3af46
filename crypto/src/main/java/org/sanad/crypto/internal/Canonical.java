package org.sanad.crypto.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.sanad.crypto.EncryptionContext;

/**
 * Unambiguous byte encodings: every string is preceded by its UTF-8 length as two big-endian
 * bytes, every UUID is its 16 big-endian bytes. Two different inputs never encode alike.
 */
public final class Canonical {

    private Canonical() {}

    /** The encoding of a context, authenticated with every sealed value (FORMAT.md). */
    public static byte[] context(EncryptionContext context) {
        byte[] organisation = context.organisation().getBytes(StandardCharsets.UTF_8);
        byte[] entity = context.entity().getBytes(StandardCharsets.UTF_8);
        byte[] field = context.field().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[6 + organisation.length + entity.length + field.length + 32];
        int at = putString(out, 0, organisation);
        at = putString(out, at, entity);
        at = putString(out, at, field);
        at = putUuid(out, at, context.rowId());
        putUuid(out, at, context.defenderId());
        return out;
    }

    /** A tuple of labelled strings, e.g. ("sanad/dek/v1", org, defender, version). */
    public static byte[] tuple(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0xFFFF) {
                throw new IllegalArgumentException("tuple element too long");
            }
            out.write(bytes.length >>> 8);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    /** Concatenates byte arrays. */
    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    static int putString(byte[] out, int at, byte[] utf8) {
        out[at] = (byte) (utf8.length >>> 8);
        out[at + 1] = (byte) utf8.length;
        System.arraycopy(utf8, 0, out, at + 2, utf8.length);
        return at + 2 + utf8.length;
    }

    static int putUuid(byte[] out, int at, UUID uuid) {
        putLong(out, at, uuid.getMostSignificantBits());
        putLong(out, at + 8, uuid.getLeastSignificantBits());
        return at + 16;
    }

    static void putLong(byte[] out, int at, long value) {
        for (int i = 7; i >= 0; i--) {
            out[at + i] = (byte) value;
            value >>>= 8;
        }
    }

    /** Writes a big-endian 32-bit integer. */
    public static void putInt(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }

    /** Reads a big-endian 32-bit integer. */
    public static int getInt(byte[] in, int at) {
        return (in[at] & 0xFF) << 24 | (in[at + 1] & 0xFF) << 16 | (in[at + 2] & 0xFF) << 8 | (in[at + 3] & 0xFF);
    }
}
