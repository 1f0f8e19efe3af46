package org.sanad.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a sealed value lives: organisation, logical entity, field, row and defender.
 *
 * <p>Guarantee: the context is authenticated as associated data together with the header of
 * the sealed value (see {@code crypto/FORMAT.md}). A value sealed under one context opens under
 * exactly that context and fails with {@link CryptoFailure} under any other: moved to another
 * row, field, entity, defender or organisation. The copy of a row in its history ({@code _aud})
 * table opens because it carries the same logical entity and row id.
 *
 * <p>The context is canonically encoded with length prefixes, so no two different contexts
 * encode to the same bytes. Identifiers are compared exactly as given (no case folding).
 *
 * @param organisation the organisation that owns the row, e.g. {@code clinic-erbil}
 * @param entity the logical entity, e.g. {@code defender} (the same for the history table)
 * @param field the field, e.g. {@code legalName}
 * @param rowId the application-assigned id of the row (exists before insert)
 * @param defenderId the defender whose key seals the value (the unit of crypto-shredding)
 */
public record EncryptionContext(String organisation, String entity, String field, UUID rowId, UUID defenderId) {

    /** The largest UTF-8 length of organisation, entity and field. */
    public static final int MAX_NAME_BYTES = 255;

    public EncryptionContext {
        checkName(organisation, "organisation");
        checkName(entity, "entity");
        checkName(field, "field");
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(defenderId, "defenderId");
    }

    /** Returns the same context for another field of the same row. */
    public EncryptionContext withField(String otherField) {
        return new EncryptionContext(organisation, entity, otherField, rowId, defenderId);
    }

    static void checkName(String name, String what) {
        Objects.requireNonNull(name, what);
        int length = name.getBytes(StandardCharsets.UTF_8).length;
        if (length == 0 || length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException(what + " must have 1 to 255 UTF-8 bytes");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must not contain control characters");
        }
    }
}
