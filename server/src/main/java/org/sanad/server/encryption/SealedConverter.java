package org.sanad.server.encryption;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Maps {@link Sealed} to {@code bytea}. Deliberately trivial: no crypto in a converter, which
 * cannot see the row's id.
 */
@Converter(autoApply = true)
class SealedConverter implements AttributeConverter<Sealed, byte[]> {

    @Override
    public byte[] convertToDatabaseColumn(Sealed sealed) {
        return sealed == null ? null : sealed.bytes();
    }

    @Override
    public Sealed convertToEntityAttribute(byte[] column) {
        return column == null ? null : Sealed.of(column);
    }
}
