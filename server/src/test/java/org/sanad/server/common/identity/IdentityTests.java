package org.sanad.server.common.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** Ids and people are checked once, where they enter, and travel as the plain values they wrap. */
class IdentityTests {

    static final UUID ID = UUID.fromString("0190f0c2-1111-7000-8000-000000000001");

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " 3f1c", "3f1c ", "3f1c\n", "\t"})
    void aBlankOrPaddedSubjectIsRefused(String value) {
        assertThat(Subject.isValid(value)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new Subject(value));
    }

    @Test
    void anOverlongSubjectOrOrganisationIsRefused() {
        String overlong = "a".repeat(Columns.MAX_LENGTH + 1);
        assertThatIllegalArgumentException().isThrownBy(() -> new Subject(overlong));
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationId(overlong));
        assertThat(new Subject("a".repeat(Columns.MAX_LENGTH)).value()).hasSize(Columns.MAX_LENGTH);
    }

    @Test
    void aMissingValueIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationId(null));
        assertThatNullPointerException().isThrownBy(() -> new DefenderId(null));
        assertThatNullPointerException().isThrownBy(() -> new GrantId(null));
    }

    @Test
    void idsOfDifferentKindsAreNeverEqual() {
        assertThat(new DefenderId(ID)).isNotEqualTo(new CaseFileId(ID));
        assertThat(new DefenderId(ID)).isEqualTo(new DefenderId(ID));
        assertThat(new Subject("tigris-legal")).isNotEqualTo(new OrganisationId("tigris-legal"));
    }

    @Test
    void theyPrintAndSerialiseAsThePlainValue() {
        var json = JsonMapper.builder().build();
        assertThat(new IncidentId(ID).toString()).isEqualTo(ID.toString());
        assertThat(json.writeValueAsString(new CaseFileId(ID))).isEqualTo("\"" + ID + "\"");
        assertThat(json.writeValueAsString(new Subject("3f1c"))).isEqualTo("\"3f1c\"");
    }

    @Test
    void theColumnsStoreThePlainValue() {
        var ids = new Columns.ReferralIds();
        var subjects = new Columns.Subjects();
        assertThat(ids.convertToDatabaseColumn(new ReferralId(ID))).isEqualTo(ID);
        assertThat(ids.convertToEntityAttribute(ID)).isEqualTo(new ReferralId(ID));
        assertThat(ids.convertToDatabaseColumn(null)).isNull();
        assertThat(subjects.convertToEntityAttribute("3f1c")).isEqualTo(new Subject("3f1c"));
        assertThat(Ids.next(DefenderId::new).value().version()).isEqualTo(7);
    }
}
