package org.sanad.server.common;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Objects;
import java.util.UUID;

/** The id of a case file: a UUID that cannot be mistaken for the id of another kind of record. */
public record CaseFileId(@JsonValue UUID value) {

    public CaseFileId {
        Objects.requireNonNull(value, "CaseFileId");
    }

    /** A new time-ordered id (see {@link Ids}). */
    public static CaseFileId next() {
        return new CaseFileId(Ids.newId());
    }

    @Override
    public String toString() {
        return value.toString();
    }

    /** Stores it as the plain {@code uuid} column it always was. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<CaseFileId, UUID> {

        @Override
        public UUID convertToDatabaseColumn(CaseFileId id) {
            return id == null ? null : id.value();
        }

        @Override
        public CaseFileId convertToEntityAttribute(UUID value) {
            return value == null ? null : new CaseFileId(value);
        }
    }
}
