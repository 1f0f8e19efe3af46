package org.sanad.server.common;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Objects;
import java.util.UUID;

/** The id of a defender: a UUID that cannot be mistaken for the id of another kind of record. */
public record DefenderId(@JsonValue UUID value) {

    public DefenderId {
        Objects.requireNonNull(value, "DefenderId");
    }

    /** A new time-ordered id (see {@link Ids}). */
    public static DefenderId next() {
        return new DefenderId(Ids.newId());
    }

    @Override
    public String toString() {
        return value.toString();
    }

    /** Stores it as the plain {@code uuid} column it always was. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<DefenderId, UUID> {

        @Override
        public UUID convertToDatabaseColumn(DefenderId id) {
            return id == null ? null : id.value();
        }

        @Override
        public DefenderId convertToEntityAttribute(UUID value) {
            return value == null ? null : new DefenderId(value);
        }
    }
}
