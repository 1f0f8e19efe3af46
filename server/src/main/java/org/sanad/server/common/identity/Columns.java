package org.sanad.server.common.identity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;
import java.util.function.Function;

/**
 * How the typed ids are stored: as the plain {@code uuid} and {@code text} columns they always
 * were. Auto-applied to every attribute of these types (never to an {@code @Id}, which Hibernate
 * does not convert: entities keep a UUID id and hand out the typed one).
 */
public final class Columns {

    /** Subjects and organisation codes are short; the bound keeps junk out of both. */
    static final int MAX_LENGTH = 255;

    private Columns() {}

    /** Not blank, not padded with white space, not longer than {@link #MAX_LENGTH}. */
    static boolean isWellFormed(String value) {
        return value != null
                && !value.isBlank()
                && value.length() <= MAX_LENGTH
                && value.strip().equals(value);
    }

    static void requireWellFormed(String value, String what) {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException(what);
        }
    }

    abstract static class Mapped<T, C> implements AttributeConverter<T, C> {

        private final Function<C, T> wrap;
        private final Function<T, C> unwrap;

        Mapped(Function<C, T> wrap, Function<T, C> unwrap) {
            this.wrap = wrap;
            this.unwrap = unwrap;
        }

        @Override
        public C convertToDatabaseColumn(T value) {
            return value == null ? null : unwrap.apply(value);
        }

        @Override
        public T convertToEntityAttribute(C column) {
            return column == null ? null : wrap.apply(column);
        }
    }

    @Converter(autoApply = true)
    public static final class DefenderIds extends Mapped<DefenderId, UUID> {
        public DefenderIds() {
            super(DefenderId::new, DefenderId::value);
        }
    }

    @Converter(autoApply = true)
    public static final class IncidentIds extends Mapped<IncidentId, UUID> {
        public IncidentIds() {
            super(IncidentId::new, IncidentId::value);
        }
    }

    @Converter(autoApply = true)
    public static final class CaseFileIds extends Mapped<CaseFileId, UUID> {
        public CaseFileIds() {
            super(CaseFileId::new, CaseFileId::value);
        }
    }

    @Converter(autoApply = true)
    public static final class ReferralIds extends Mapped<ReferralId, UUID> {
        public ReferralIds() {
            super(ReferralId::new, ReferralId::value);
        }
    }

    @Converter(autoApply = true)
    public static final class GrantIds extends Mapped<GrantId, UUID> {
        public GrantIds() {
            super(GrantId::new, GrantId::value);
        }
    }

    @Converter(autoApply = true)
    public static final class Subjects extends Mapped<Subject, String> {
        public Subjects() {
            super(Subject::new, Subject::value);
        }
    }

    @Converter(autoApply = true)
    public static final class Organisations extends Mapped<OrganisationId, String> {
        public Organisations() {
            super(OrganisationId::new, OrganisationId::value);
        }
    }
}
