package org.sanad.server.common;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Objects;

/**
 * A person's account: the {@code sub} claim of their Keycloak token. Checked once, where it enters
 * (the token, a request naming an assignee, a stored row), and compared only as a whole.
 */
public record Subject(@JsonValue String value) {

    /** Keycloak subjects are UUIDs; the bound leaves room for other issuers without letting junk in. */
    static final int MAX_LENGTH = 255;

    public Subject {
        Objects.requireNonNull(value, "Subject");
        if (value.isBlank() || value.length() > MAX_LENGTH || !value.strip().equals(value)) {
            throw new IllegalArgumentException("not a subject");
        }
    }

    @Override
    public String toString() {
        return value;
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<Subject, String> {

        @Override
        public String convertToDatabaseColumn(Subject subject) {
            return subject == null ? null : subject.value();
        }

        @Override
        public Subject convertToEntityAttribute(String value) {
            return value == null ? null : new Subject(value);
        }
    }
}
