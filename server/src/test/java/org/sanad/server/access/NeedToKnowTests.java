package org.sanad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanad.server.access.NeedToKnow.ReferralSide;

/** The break-glass fact in the need-to-know policy: it opens content to a supervisor of the record's organisation only. */
class NeedToKnowTests {

    static final String ORG = "tigris-legal";

    static CurrentUser user(String subject, String organisation, Role role) {
        return new CurrentUser(subject, organisation, Set.of(role), "sanad-demo");
    }

    static final CurrentUser SUPERVISOR = user("s-1", ORG, Role.SUPERVISOR);
    static final CurrentUser OTHER_SUPERVISOR = user("s-2", "zagros-aid", Role.SUPERVISOR);
    static final CurrentUser CASEWORKER = user("c-1", ORG, Role.CASEWORKER);
    static final CurrentUser DEFENDER = user("d-1", ORG, Role.DEFENDER);

    @Test
    void supervisorSeesCaseFileContentOnlyThroughAGrant() {
        assertThat(NeedToKnow.caseFile(SUPERVISOR, ORG, "d-1", Set.of("c-1"), false))
                .isEqualTo(Visibility.METADATA);
        assertThat(NeedToKnow.caseFile(SUPERVISOR, ORG, "d-1", Set.of("c-1"), true))
                .isEqualTo(Visibility.BREAK_GLASS);
    }

    @Test
    void assignedSupervisorSeesContentAsCaseworkNotAsBreakGlass() {
        assertThat(NeedToKnow.caseFile(SUPERVISOR, ORG, "d-1", Set.of("s-1"), true))
                .isEqualTo(Visibility.CONTENT);
    }

    @Test
    void grantOpensNothingToASupervisorOfAnotherOrganisation() {
        assertThat(NeedToKnow.caseFile(OTHER_SUPERVISOR, ORG, "d-1", Set.of(), true))
                .isEqualTo(Visibility.NONE);
        assertThat(NeedToKnow.defenderProfile(OTHER_SUPERVISOR, ORG, "d-1", false, true))
                .isEqualTo(Visibility.NONE);
        assertThat(NeedToKnow.incidentReport(OTHER_SUPERVISOR, ORG, "d-1", "c-1", "c-1", Set.of(), true))
                .isEqualTo(Visibility.NONE);
        assertThat(NeedToKnow.referral(OTHER_SUPERVISOR, ORG, "euphrates-aid", Set.of(), "d-1", true))
                .isEqualTo(ReferralSide.NONE);
    }

    @Test
    void grantFactOpensNothingToAnyoneButASupervisor() {
        assertThat(NeedToKnow.caseFile(CASEWORKER, ORG, "d-1", Set.of("c-2"), true))
                .isEqualTo(Visibility.NONE);
        assertThat(NeedToKnow.defenderProfile(CASEWORKER, ORG, "d-9", false, true))
                .isEqualTo(Visibility.METADATA);
        assertThat(NeedToKnow.incidentReport(CASEWORKER, ORG, "d-9", "c-2", null, Set.of(), true))
                .isEqualTo(Visibility.METADATA);
        assertThat(NeedToKnow.caseFile(DEFENDER, ORG, "d-9", Set.of(), true)).isEqualTo(Visibility.NONE);
    }

    @Test
    void supervisorSeesProfileReportAndReferralContentThroughAGrant() {
        assertThat(NeedToKnow.defenderProfile(SUPERVISOR, ORG, "d-1", false, false))
                .isEqualTo(Visibility.METADATA);
        assertThat(NeedToKnow.defenderProfile(SUPERVISOR, ORG, "d-1", false, true))
                .isEqualTo(Visibility.BREAK_GLASS);
        assertThat(NeedToKnow.incidentReport(SUPERVISOR, ORG, "d-1", "c-1", null, Set.of(), true))
                .isEqualTo(Visibility.BREAK_GLASS);
        assertThat(NeedToKnow.referral(SUPERVISOR, ORG, "zagros-aid", Set.of("c-1"), "d-1", false))
                .isEqualTo(ReferralSide.SENDING_SUPERVISOR);
        assertThat(NeedToKnow.referral(SUPERVISOR, ORG, "zagros-aid", Set.of("c-1"), "d-1", true))
                .isEqualTo(ReferralSide.BREAK_GLASS);
    }

    @Test
    void breakGlassReadsAndChangesCarryTheirOwnPurpose() {
        assertThat(Visibility.BREAK_GLASS.allowsContent()).isTrue();
        assertThat(Visibility.BREAK_GLASS.purpose("casework")).isEqualTo("break-glass");
        assertThat(Visibility.CONTENT.purpose("casework")).isEqualTo("casework");
        assertThat(Visibility.METADATA.allowsContent()).isFalse();
    }
}
