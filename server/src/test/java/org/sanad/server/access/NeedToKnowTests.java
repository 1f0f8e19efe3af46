package org.sanad.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanad.server.access.NeedToKnow.ReferralMove.ACCEPT;
import static org.sanad.server.access.NeedToKnow.ReferralMove.CLOSE;
import static org.sanad.server.access.NeedToKnow.ReferralMove.DECLINE;
import static org.sanad.server.access.NeedToKnow.ReferralMove.WITHDRAW;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanad.server.access.NeedToKnow.Decision;
import org.sanad.server.access.NeedToKnow.ReferralMove;
import org.sanad.server.access.NeedToKnow.ReferralSide;
import org.sanad.server.access.NeedToKnow.Visibility;
import org.sanad.server.common.identity.GrantId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;

/**
 * The whole need-to-know policy as a table: facts → decision, every allow with its deny beside it.
 * Pure functions, no database, no Keycloak.
 */
class NeedToKnowTests {

    static final OrganisationId ORG = new OrganisationId("tigris-legal");
    static final OrganisationId OTHER_ORG = new OrganisationId("zagros-aid");
    static final GrantId GRANT = new GrantId(UUID.fromString("00000000-0000-7000-8000-000000000001"));

    static Subject subject(String value) {
        return new Subject(value);
    }

    static Caller user(Subject subject, OrganisationId organisation, Role role) {
        return new Caller(subject, organisation, Set.of(role), "sanad-demo");
    }

    static final Caller SUPERVISOR = user(subject("s-1"), ORG, Role.SUPERVISOR);
    static final Caller OTHER_SUPERVISOR = user(subject("s-2"), OTHER_ORG, Role.SUPERVISOR);
    static final Caller CASEWORKER = user(subject("c-1"), ORG, Role.CASEWORKER);
    static final Caller OTHER_CASEWORKER = user(subject("c-9"), OTHER_ORG, Role.CASEWORKER);
    static final Caller DEFENDER = user(subject("d-1"), ORG, Role.DEFENDER);
    static final Caller OTHER_DEFENDER = user(subject("d-2"), ORG, Role.DEFENDER);
    static final Caller ADMIN = user(subject("a-1"), ORG, Role.ADMIN);

    static final Decision NONE = Decision.NONE;
    static final Decision METADATA = new Decision(Visibility.METADATA, null);
    static final Decision CONTENT = new Decision(Visibility.CONTENT, null);
    static final Decision BREAK_GLASS = new Decision(Visibility.BREAK_GLASS, GRANT);

    /** One row: the policy in words, what the function answered, what the policy says. */
    record Row(String policy, Object actual, Object expected) {
        @Override
        public String toString() {
            return policy;
        }
    }

    static Row row(String policy, Object actual, Object expected) {
        return new Row(policy, actual, expected);
    }

    static NeedToKnow.Profile profile(boolean works, GrantId grant) {
        return new NeedToKnow.Profile(ORG, subject("d-1"), works, grant);
    }

    static NeedToKnow.Report report(Subject claimedBy, Set<Subject> assignees, GrantId grant) {
        return new NeedToKnow.Report(ORG, subject("d-1"), subject("d-1"), claimedBy, assignees, grant);
    }

    static NeedToKnow.CaseFile caseFile(Set<Subject> assignees, GrantId grant) {
        return new NeedToKnow.CaseFile(ORG, subject("d-1"), assignees, grant);
    }

    static NeedToKnow.Referral referral(Set<Subject> assignees, GrantId grant) {
        return new NeedToKnow.Referral(ORG, OTHER_ORG, assignees, subject("d-1"), grant);
    }

    static Stream<Row> profiles() {
        return Stream.of(
                row("defender sees their own profile", NeedToKnow.profile(DEFENDER, profile(false, null)), CONTENT),
                row(
                        "defender does not see another defender's profile",
                        NeedToKnow.profile(OTHER_DEFENDER, profile(false, null)),
                        NONE),
                row(
                        "caseworker who works with the defender sees content",
                        NeedToKnow.profile(CASEWORKER, profile(true, null)),
                        CONTENT),
                row(
                        "caseworker who does not work with the defender sees metadata",
                        NeedToKnow.profile(CASEWORKER, profile(false, null)),
                        METADATA),
                row(
                        "a grant opens nothing to a caseworker",
                        NeedToKnow.profile(CASEWORKER, profile(false, GRANT)),
                        METADATA),
                row(
                        "supervisor sees a profile's metadata without a grant",
                        NeedToKnow.profile(SUPERVISOR, profile(false, null)),
                        METADATA),
                row(
                        "supervisor sees a profile's content through a grant",
                        NeedToKnow.profile(SUPERVISOR, profile(false, GRANT)),
                        BREAK_GLASS),
                row(
                        "supervisor who works with the defender reads as casework, not through the grant",
                        NeedToKnow.profile(SUPERVISOR, profile(true, GRANT)),
                        CONTENT),
                row(
                        "another organisation's supervisor sees nothing, grant or not",
                        NeedToKnow.profile(OTHER_SUPERVISOR, profile(false, GRANT)),
                        NONE),
                row(
                        "another organisation's caseworker sees nothing",
                        NeedToKnow.profile(OTHER_CASEWORKER, profile(true, null)),
                        NONE),
                row("an admin sees no profile", NeedToKnow.profile(ADMIN, profile(true, null)), NONE),
                row(
                        "supervisor reads a profile's history",
                        NeedToKnow.mayReadProfileHistory(SUPERVISOR, profile(false, null), NONE),
                        true),
                row(
                        "whoever sees the profile reads its history",
                        NeedToKnow.mayReadProfileHistory(CASEWORKER, profile(false, null), METADATA),
                        true),
                row(
                        "whoever does not see the profile does not read its history",
                        NeedToKnow.mayReadProfileHistory(OTHER_CASEWORKER, profile(false, null), NONE),
                        false),
                row(
                        "defender reports about themselves",
                        NeedToKnow.mayReportAbout(DEFENDER, profile(false, null), CONTENT),
                        true),
                row(
                        "defender does not report about another defender",
                        NeedToKnow.mayReportAbout(OTHER_DEFENDER, profile(false, null), NONE),
                        false),
                row(
                        "staff report about a defender whose content they see",
                        NeedToKnow.mayReportAbout(CASEWORKER, profile(true, null), CONTENT),
                        true),
                row(
                        "staff do not report about a defender they only see as metadata",
                        NeedToKnow.mayReportAbout(CASEWORKER, profile(false, null), METADATA),
                        false),
                row(
                        "another organisation's staff do not report about the defender",
                        NeedToKnow.mayReportAbout(OTHER_CASEWORKER, profile(true, null), CONTENT),
                        false));
    }

    static Stream<Row> reports() {
        return Stream.of(
                row(
                        "defender sees a report about themselves",
                        NeedToKnow.report(DEFENDER, report(null, Set.of(), null)),
                        CONTENT),
                row(
                        "defender does not see a report about another defender",
                        NeedToKnow.report(OTHER_DEFENDER, report(null, Set.of(), null)),
                        NONE),
                row(
                        "defender who filed a report sees it",
                        NeedToKnow.report(
                                OTHER_DEFENDER,
                                new NeedToKnow.Report(ORG, subject("d-1"), subject("d-2"), null, Set.of(), null)),
                        CONTENT),
                row(
                        "claimant sees the report's content",
                        NeedToKnow.report(CASEWORKER, report(subject("c-1"), Set.of(), null)),
                        CONTENT),
                row(
                        "assignee of the linked case file sees the report's content",
                        NeedToKnow.report(CASEWORKER, report(subject("c-2"), Set.of(subject("c-1")), null)),
                        CONTENT),
                row(
                        "other caseworkers of the organisation see intake metadata",
                        NeedToKnow.report(CASEWORKER, report(subject("c-2"), Set.of(subject("c-3")), null)),
                        METADATA),
                row(
                        "a grant opens nothing to a caseworker",
                        NeedToKnow.report(CASEWORKER, report(null, Set.of(), GRANT)),
                        METADATA),
                row(
                        "supervisor sees a report's content through a grant",
                        NeedToKnow.report(SUPERVISOR, report(subject("c-1"), Set.of(), GRANT)),
                        BREAK_GLASS),
                row(
                        "supervisor sees intake metadata without a grant",
                        NeedToKnow.report(SUPERVISOR, report(subject("c-1"), Set.of(), null)),
                        METADATA),
                row(
                        "another organisation's supervisor sees nothing, grant or not",
                        NeedToKnow.report(OTHER_SUPERVISOR, report(subject("c-1"), Set.of(), GRANT)),
                        NONE),
                row(
                        "staff of the organisation triage its reports",
                        NeedToKnow.mayTriage(CASEWORKER, report(null, Set.of(), null)),
                        true),
                row(
                        "another organisation's staff do not triage them",
                        NeedToKnow.mayTriage(OTHER_CASEWORKER, report(null, Set.of(), null)),
                        false),
                row("a defender does not triage", NeedToKnow.mayTriage(DEFENDER, report(null, Set.of(), null)), false),
                row(
                        "supervisor reads a report's history",
                        NeedToKnow.mayReadReportHistory(SUPERVISOR, report(null, Set.of(), null), NONE),
                        true),
                row(
                        "whoever sees the report reads its history",
                        NeedToKnow.mayReadReportHistory(DEFENDER, report(null, Set.of(), null), CONTENT),
                        true),
                row(
                        "whoever does not see the report does not read its history",
                        NeedToKnow.mayReadReportHistory(OTHER_CASEWORKER, report(null, Set.of(), null), NONE),
                        false));
    }

    static Stream<Row> caseFiles() {
        return Stream.of(
                row(
                        "assignee sees the case file's content",
                        NeedToKnow.caseFile(CASEWORKER, caseFile(Set.of(subject("c-1")), null)),
                        CONTENT),
                row(
                        "unassigned caseworker does not see the case file",
                        NeedToKnow.caseFile(CASEWORKER, caseFile(Set.of(subject("c-2")), null)),
                        NONE),
                row(
                        "a grant opens nothing to a caseworker",
                        NeedToKnow.caseFile(CASEWORKER, caseFile(Set.of(subject("c-2")), GRANT)),
                        NONE),
                row(
                        "supervisor sees the case file's metadata without a grant",
                        NeedToKnow.caseFile(SUPERVISOR, caseFile(Set.of(subject("c-1")), null)),
                        METADATA),
                row(
                        "supervisor sees the case file's content through a grant",
                        NeedToKnow.caseFile(SUPERVISOR, caseFile(Set.of(subject("c-1")), GRANT)),
                        BREAK_GLASS),
                row(
                        "assigned supervisor reads as casework, not through the grant",
                        NeedToKnow.caseFile(SUPERVISOR, caseFile(Set.of(subject("s-1")), GRANT)),
                        CONTENT),
                row(
                        "defender sees their case file's status",
                        NeedToKnow.caseFile(DEFENDER, caseFile(Set.of(), null)),
                        METADATA),
                row(
                        "a grant opens nothing to a defender",
                        NeedToKnow.caseFile(OTHER_DEFENDER, caseFile(Set.of(), GRANT)),
                        NONE),
                row(
                        "another organisation's supervisor sees nothing, grant or not",
                        NeedToKnow.caseFile(OTHER_SUPERVISOR, caseFile(Set.of(), GRANT)),
                        NONE),
                row(
                        "another organisation's staff member listed as assignee sees nothing",
                        NeedToKnow.caseFile(OTHER_CASEWORKER, caseFile(Set.of(subject("c-9")), null)),
                        NONE),
                row(
                        "supervisor assigns a caseworker",
                        NeedToKnow.mayAssign(
                                SUPERVISOR, caseFile(Set.of(subject("c-1")), null), subject("c-2"), () -> false),
                        true),
                row(
                        "unassigned supervisor does not assign another supervisor",
                        NeedToKnow.mayAssign(
                                SUPERVISOR, caseFile(Set.of(subject("c-1")), null), subject("s-3"), () -> true),
                        false),
                row(
                        "assigned supervisor assigns another supervisor",
                        NeedToKnow.mayAssign(
                                SUPERVISOR, caseFile(Set.of(subject("s-1")), null), subject("s-3"), () -> true),
                        true),
                row(
                        "assigned caseworker assigns a colleague",
                        NeedToKnow.mayAssign(
                                CASEWORKER, caseFile(Set.of(subject("c-1")), null), subject("c-2"), () -> false),
                        true),
                row(
                        "unassigned caseworker assigns nobody",
                        NeedToKnow.mayAssign(
                                CASEWORKER, caseFile(Set.of(subject("c-2")), null), subject("c-3"), () -> false),
                        false),
                row(
                        "nobody assigns themselves",
                        NeedToKnow.mayAssign(
                                SUPERVISOR, caseFile(Set.of(subject("c-1")), null), subject("s-1"), () -> true),
                        false),
                row(
                        "another organisation's supervisor assigns nobody",
                        NeedToKnow.mayAssign(OTHER_SUPERVISOR, caseFile(Set.of(), null), subject("c-1"), () -> false),
                        false),
                row(
                        "a defender assigns nobody",
                        NeedToKnow.mayAssign(DEFENDER, caseFile(Set.of(), null), subject("c-1"), () -> false),
                        false),
                row(
                        "supervisor moves a case file's status",
                        NeedToKnow.mayChangeStatus(SUPERVISOR, caseFile(Set.of(), null), METADATA),
                        true),
                row(
                        "assignee moves a case file's status",
                        NeedToKnow.mayChangeStatus(CASEWORKER, caseFile(Set.of(subject("c-1")), null), CONTENT),
                        true),
                row(
                        "defender does not move their case file's status",
                        NeedToKnow.mayChangeStatus(DEFENDER, caseFile(Set.of(), null), METADATA),
                        false),
                row("assignee refers", NeedToKnow.mayRefer(CONTENT), true),
                row("break-glass access does not cover referring", NeedToKnow.mayRefer(BREAK_GLASS), false),
                row("metadata does not refer", NeedToKnow.mayRefer(METADATA), false),
                row(
                        "staff who see the case file read its history",
                        NeedToKnow.mayReadCaseFileHistory(SUPERVISOR, caseFile(Set.of(), null), METADATA),
                        true),
                row(
                        "the defender does not read their case file's working history",
                        NeedToKnow.mayReadCaseFileHistory(DEFENDER, caseFile(Set.of(), null), METADATA),
                        false),
                row(
                        "staff who do not see the case file do not read its history",
                        NeedToKnow.mayReadCaseFileHistory(CASEWORKER, caseFile(Set.of(), null), NONE),
                        false));
    }

    static Stream<Row> referrals() {
        Set<ReferralMove> sending = EnumSet.of(WITHDRAW, CLOSE);
        return Stream.of(
                row(
                        "the referred case file's assignee is the sender",
                        sideAndMoves(NeedToKnow.referral(CASEWORKER, referral(Set.of(subject("c-1")), null))),
                        List.of(ReferralSide.SENDER, sending)),
                row(
                        "the receiving organisation's staff are the receiver",
                        sideAndMoves(NeedToKnow.referral(OTHER_CASEWORKER, referral(Set.of(subject("c-1")), null))),
                        List.of(ReferralSide.RECEIVER, EnumSet.of(ACCEPT, DECLINE, CLOSE))),
                row(
                        "the sending organisation's supervisor sees metadata and may withdraw or close",
                        sideAndMoves(NeedToKnow.referral(SUPERVISOR, referral(Set.of(subject("c-1")), null))),
                        List.of(ReferralSide.SENDING_SUPERVISOR, sending)),
                row(
                        "the sending organisation's supervisor reads as sender through a grant",
                        sideAndMoves(NeedToKnow.referral(SUPERVISOR, referral(Set.of(subject("c-1")), GRANT))),
                        List.of(ReferralSide.BREAK_GLASS, sending)),
                row(
                        "a receiving supervisor's grant changes nothing: nobody breaks glass on another organisation's records",
                        sideAndMoves(NeedToKnow.referral(OTHER_SUPERVISOR, referral(Set.of(subject("c-1")), GRANT))),
                        List.of(ReferralSide.RECEIVER, EnumSet.of(ACCEPT, DECLINE, CLOSE))),
                row(
                        "the defender sees their referral's status and moves nothing",
                        sideAndMoves(NeedToKnow.referral(DEFENDER, referral(Set.of(subject("c-1")), null))),
                        List.of(ReferralSide.DEFENDER, Set.of())),
                row(
                        "an unassigned caseworker of the sending organisation is on no side",
                        sideAndMoves(NeedToKnow.referral(CASEWORKER, referral(Set.of(subject("c-2")), null))),
                        List.of(ReferralSide.NONE, Set.of())),
                row(
                        "a third organisation's supervisor is on no side, grant or not",
                        sideAndMoves(NeedToKnow.referral(
                                user(subject("s-7"), new OrganisationId("euphrates-aid"), Role.SUPERVISOR),
                                referral(Set.of(), GRANT))),
                        List.of(ReferralSide.NONE, Set.of())),
                row(
                        "staff of either side read a referral's history",
                        NeedToKnow.referral(OTHER_CASEWORKER, referral(Set.of(), null))
                                .mayReadHistory(),
                        true),
                row(
                        "the defender does not read a referral's history",
                        NeedToKnow.referral(DEFENDER, referral(Set.of(), null)).mayReadHistory(),
                        false),
                row(
                        "only a grant makes the decision use a grant",
                        NeedToKnow.referral(SUPERVISOR, referral(Set.of(), GRANT))
                                .grant(),
                        GRANT),
                row(
                        "a sender's decision uses no grant even when one is held",
                        NeedToKnow.referral(CASEWORKER, referral(Set.of(subject("c-1")), GRANT))
                                .usesGrant(),
                        false));
    }

    static Stream<Row> breakGlass() {
        return Stream.of(
                row(
                        "supervisor breaks glass on their organisation's record",
                        NeedToKnow.mayBreakGlass(SUPERVISOR, ORG),
                        true),
                row(
                        "supervisor does not break glass on another organisation's record",
                        NeedToKnow.mayBreakGlass(SUPERVISOR, OTHER_ORG),
                        false),
                row("caseworker does not break glass", NeedToKnow.mayBreakGlass(CASEWORKER, ORG), false),
                row("defender does not break glass", NeedToKnow.mayBreakGlass(DEFENDER, ORG), false));
    }

    static List<Object> sideAndMoves(NeedToKnow.ReferralDecision decision) {
        return List.of(decision.side(), decision.moves());
    }

    static Stream<Row> policy() {
        return Stream.of(profiles(), reports(), caseFiles(), referrals(), breakGlass())
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policy")
    void decides(Row row) {
        assertThat(row.actual()).as(row.policy()).isEqualTo(row.expected());
    }

    @Test
    void breakGlassReadsAndChangesCarryTheirOwnPurpose() {
        assertThat(BREAK_GLASS.allowsContent()).isTrue();
        assertThat(BREAK_GLASS.purpose("casework")).isEqualTo("break-glass");
        assertThat(CONTENT.purpose("casework")).isEqualTo("casework");
        assertThat(METADATA.allowsContent()).isFalse();
        assertThat(METADATA.isVisible()).isTrue();
        assertThat(NONE.isVisible()).isFalse();
    }

    @Test
    void aDecisionUsesAGrantExactlyWhenItIsBreakGlass() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new Decision(Visibility.BREAK_GLASS, null));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new Decision(Visibility.CONTENT, GRANT));
    }
}
