package org.sanad.server.common;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Objects;
import java.util.UUID;

/** The id of a break-glass grant: a UUID that cannot be mistaken for the id of another kind of record. */
public record GrantId(@JsonValue UUID value) {

    public GrantId {
        Objects.requireNonNull(value, "GrantId");
    }

    /** A new time-ordered id (see {@link Ids}). */
    public static GrantId next() {
        return new GrantId(Ids.newId());
    }

    @Override
    public String toString() {
        return value.toString();
    }

    /** Stores it as the plain {@code uuid} column it always was. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<GrantId, UUID> {

        @Override
        public UUID convertToDatabaseColumn(GrantId id) {
            return id == null ? null : id.value();
        }

        @Override
        public GrantId convertToEntityAttribute(UUID value) {
            return value == null ? null : new GrantId(value);
        }
    }
}
