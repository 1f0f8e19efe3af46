package org.sanad.server.common;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Objects;
import java.util.UUID;

/** The id of a incident report: a UUID that cannot be mistaken for the id of another kind of record. */
public record IncidentId(@JsonValue UUID value) {

    public IncidentId {
        Objects.requireNonNull(value, "IncidentId");
    }

    /** A new time-ordered id (see {@link Ids}). */
    public static IncidentId next() {
        return new IncidentId(Ids.newId());
    }

    @Override
    public String toString() {
        return value.toString();
    }

    /** Stores it as the plain {@code uuid} column it always was. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<IncidentId, UUID> {

        @Override
        public UUID convertToDatabaseColumn(IncidentId id) {
            return id == null ? null : id.value();
        }

        @Override
        public IncidentId convertToEntityAttribute(UUID value) {
            return value == null ? null : new IncidentId(value);
        }
    }
}
