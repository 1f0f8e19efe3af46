package org.sanad.server.common;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Objects;
import java.util.UUID;

/** The id of a referral: a UUID that cannot be mistaken for the id of another kind of record. */
public record ReferralId(@JsonValue UUID value) {

    public ReferralId {
        Objects.requireNonNull(value, "ReferralId");
    }

    /** A new time-ordered id (see {@link Ids}). */
    public static ReferralId next() {
        return new ReferralId(Ids.newId());
    }

    @Override
    public String toString() {
        return value.toString();
    }

    /** Stores it as the plain {@code uuid} column it always was. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<ReferralId, UUID> {

        @Override
        public UUID convertToDatabaseColumn(ReferralId id) {
            return id == null ? null : id.value();
        }

        @Override
        public ReferralId convertToEntityAttribute(UUID value) {
            return value == null ? null : new ReferralId(value);
        }
    }
}
