package org.sanad.server.common;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Objects;

/**
 * The organisation (a legal clinic, a protection programme) a record belongs to and staff work for:
 * the {@code organisation} claim of a staff token, checked once where it enters, compared as a whole.
 */
public record OrganisationId(@JsonValue String value) {

    /** Organisation codes are short; the bound keeps junk out. */
    static final int MAX_LENGTH = 255;

    public OrganisationId {
        Objects.requireNonNull(value, "OrganisationId");
        if (value.isBlank() || value.length() > MAX_LENGTH || !value.strip().equals(value)) {
            throw new IllegalArgumentException("not an organisation");
        }
    }

    @Override
    public String toString() {
        return value;
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<OrganisationId, String> {

        @Override
        public String convertToDatabaseColumn(OrganisationId subject) {
            return subject == null ? null : subject.value();
        }

        @Override
        public OrganisationId convertToEntityAttribute(String value) {
            return value == null ? null : new OrganisationId(value);
        }
    }
}
