package org.sanad.server.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanad.server.incidents.IncidentStatus.CLOSED;
import static org.sanad.server.incidents.IncidentStatus.LINKED;
import static org.sanad.server.incidents.IncidentStatus.RECEIVED;
import static org.sanad.server.incidents.IncidentStatus.TRIAGED;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanad.server.access.BreakGlassGrants;
import org.sanad.server.common.Governorate;
import org.sanad.server.common.identity.CaseFileId;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.IncidentId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.defenders.DefenderWorkChanged;
import org.sanad.server.encryption.Sealed;
import org.sanad.server.encryption.Sealer;
import org.sanad.server.web.ProblemException.Conflict;

/**
 * The life of an incident report as a table: every (status, move) pair, allowed or refused.
 * Plain objects, no database, no Keycloak.
 */
class IncidentReportStateTests {

    static final OrganisationId ORG = new OrganisationId("tigris-legal");
    static final IncidentId REPORT = new IncidentId(UUID.fromString("0190f1a2-0000-7000-8000-0000000000a1"));
    static final DefenderId DEFENDER = new DefenderId(UUID.fromString("0190f1a2-0000-7000-8000-0000000000d1"));
    static final CaseFileId CASE_FILE = new CaseFileId(UUID.fromString("0190f1a2-0000-7000-8000-0000000000c1"));
    static final CaseFileId OTHER_CASE_FILE = new CaseFileId(UUID.fromString("0190f1a2-0000-7000-8000-0000000000c2"));
    static final Subject INTAKE = new Subject("c-1");
    static final Subject OTHER_CASEWORKER = new Subject("c-2");
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    /** Seals to the plaintext's bytes: these tests are about states, not about encryption. */
    static final Sealer SEALER =
            (context, plaintext) -> plaintext == null ? null : Sealed.of(plaintext.getBytes(StandardCharsets.UTF_8));

    static IncidentReport aReceivedReport(Severity severity) {
        var facts = new IncidentFacts(
                LocalDate.parse("2026-11-20"),
                null,
                Governorate.BASRA,
                IncidentType.THREAT,
                severity,
                "unknown",
                "A threatening phone call after the hearing",
                "Near the court");
        return IncidentReport.report(REPORT, DEFENDER, ORG, new Subject("d-1"), T0, facts, SEALER);
    }

    static IncidentReport aReceivedReport() {
        return aReceivedReport(Severity.MEDIUM);
    }

    /** A report brought to the status by the entity's own moves. */
    static IncidentReport reportIn(IncidentStatus status) {
        IncidentReport report = aReceivedReport();
        switch (status) {
            case RECEIVED -> {}
            case TRIAGED -> report.triage(INTAKE, TRIAGED, null);
            case LINKED -> {
                report.triage(INTAKE, TRIAGED, null);
                report.linkTo(CASE_FILE);
            }
            case CLOSED -> report.triage(INTAKE, CLOSED, null);
        }
        assertThat(report.status()).isEqualTo(status);
        return report;
    }

    /** What a move may change. */
    record State(IncidentStatus status, Subject claimedBy, CaseFileId caseFileId, Severity severity) {

        static State of(IncidentReport report) {
            return new State(report.status(), report.claimedBy(), report.caseFileId(), report.severity());
        }
    }

    /** The moves of an incident report: triage (to any outcome asked for) and linking. */
    sealed interface Move {

        void apply(IncidentReport report);
    }

    /** Triage by another caseworker than the one in {@link #reportIn}, raising the severity. */
    record Triage(IncidentStatus outcome) implements Move {

        @Override
        public void apply(IncidentReport report) {
            report.triage(OTHER_CASEWORKER, outcome, Severity.CRITICAL);
        }

        @Override
        public String toString() {
            return "triage as " + outcome;
        }
    }

    record Link() implements Move {

        @Override
        public void apply(IncidentReport report) {
            report.linkTo(OTHER_CASE_FILE);
        }

        @Override
        public String toString() {
            return "link to a case file";
        }
    }

    static Move triage(IncidentStatus outcome) {
        return new Triage(outcome);
    }

    static Move link() {
        return new Link();
    }

    /** Every move there is: triage asking for each status, and linking. */
    static List<Move> everyMove() {
        List<Move> moves = new ArrayList<>();
        for (IncidentStatus outcome : IncidentStatus.values()) {
            moves.add(triage(outcome));
        }
        moves.add(link());
        return moves;
    }

    /** One line of the policy: from a status, a move ends in a status or is refused with a slug. */
    record Rule(IncidentStatus from, Move move, IncidentStatus to, String refusal) {

        boolean allowed() {
            return to != null;
        }

        @Override
        public String toString() {
            return from + " --" + move + "--> " + (allowed() ? to.toString() : "refused (" + refusal + ")");
        }
    }

    static Rule allowed(IncidentStatus from, Move move, IncidentStatus to) {
        return new Rule(from, move, to, null);
    }

    static Rule refused(IncidentStatus from, Move move, String slug) {
        return new Rule(from, move, null, slug);
    }

    static final String ALREADY_TRIAGED = "incident-already-triaged";
    static final String INVALID = "invalid-transition";
    static final String NOT_TRIAGED = "incident-not-triaged";

    /** The whole policy, one line per (status, move). */
    static final List<Rule> POLICY = List.of(
            allowed(RECEIVED, triage(TRIAGED), TRIAGED),
            allowed(RECEIVED, triage(CLOSED), CLOSED),
            refused(RECEIVED, triage(RECEIVED), INVALID),
            refused(RECEIVED, triage(LINKED), INVALID),
            refused(RECEIVED, link(), NOT_TRIAGED),
            refused(TRIAGED, triage(RECEIVED), ALREADY_TRIAGED),
            refused(TRIAGED, triage(TRIAGED), ALREADY_TRIAGED),
            refused(TRIAGED, triage(LINKED), ALREADY_TRIAGED),
            refused(TRIAGED, triage(CLOSED), ALREADY_TRIAGED),
            allowed(TRIAGED, link(), LINKED),
            refused(LINKED, triage(RECEIVED), ALREADY_TRIAGED),
            refused(LINKED, triage(TRIAGED), ALREADY_TRIAGED),
            refused(LINKED, triage(LINKED), ALREADY_TRIAGED),
            refused(LINKED, triage(CLOSED), ALREADY_TRIAGED),
            refused(LINKED, link(), NOT_TRIAGED),
            refused(CLOSED, triage(RECEIVED), ALREADY_TRIAGED),
            refused(CLOSED, triage(TRIAGED), ALREADY_TRIAGED),
            refused(CLOSED, triage(LINKED), ALREADY_TRIAGED),
            refused(CLOSED, triage(CLOSED), ALREADY_TRIAGED),
            refused(CLOSED, link(), NOT_TRIAGED));

    static Stream<Rule> allowedMoves() {
        return POLICY.stream().filter(Rule::allowed);
    }

    static Stream<Rule> refusedMoves() {
        return POLICY.stream().filter(rule -> !rule.allowed());
    }

    @Test
    void policyHasExactlyOneLineForEveryStatusAndMove() {
        List<List<Object>> pairs =
                POLICY.stream().map(rule -> List.of(rule.from(), rule.move())).toList();
        List<List<Object>> expected = new ArrayList<>();
        for (IncidentStatus status : IncidentStatus.values()) {
            for (Move move : everyMove()) {
                expected.add(List.of(status, move));
            }
        }

        assertThat(pairs).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyStateChangingMethodOfTheReportIsAMoveInThePolicy() {
        // A new way to change a report must be added to Move and to the policy above.
        Set<String> changing = new HashSet<>();
        for (Method method : IncidentReport.class.getDeclaredMethods()) {
            boolean instance = !Modifier.isStatic(method.getModifiers()) && !method.isSynthetic();
            if (instance && !Modifier.isPrivate(method.getModifiers()) && method.getReturnType() == void.class) {
                changing.add(method.getName());
            }
        }

        assertThat(changing).containsExactlyInAnyOrder("triage", "linkTo");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedMoves")
    void allowedMoveSucceedsAndLeavesTheNewStatus(Rule rule) {
        IncidentReport report = reportIn(rule.from());
        State before = State.of(report);

        rule.move().apply(report);

        assertThat(report.status()).isEqualTo(rule.to());
        switch (rule.move()) {
            case Triage _ -> {
                assertThat(report.claimedBy()).isEqualTo(OTHER_CASEWORKER);
                assertThat(report.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(report.caseFileId()).isNull();
            }
            case Link _ -> {
                assertThat(report.caseFileId()).isEqualTo(OTHER_CASE_FILE);
                assertThat(report.claimedBy()).isEqualTo(before.claimedBy());
                assertThat(report.severity()).isEqualTo(before.severity());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedMoves")
    void refusedMoveIsAConflictAndChangesNothing(Rule rule) {
        IncidentReport report = reportIn(rule.from());
        State before = State.of(report);

        assertThatThrownBy(() -> rule.move().apply(report))
                .isInstanceOfSatisfying(Conflict.class, conflict -> assertThat(
                                conflict.problem().getType())
                        .hasToString("urn:sanad:problem:" + rule.refusal()));
        assertThat(State.of(report)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(
            value = IncidentStatus.class,
            names = {"LINKED", "CLOSED"})
    void linkedAndClosedReportsAreTerminal(IncidentStatus terminal) {
        IncidentReport report = reportIn(terminal);
        State before = State.of(report);

        for (Move move : everyMove()) {
            assertThatThrownBy(() -> move.apply(report)).as(move.toString()).isInstanceOf(Conflict.class);
        }
        assertThat(State.of(report)).isEqualTo(before);
    }

    @Test
    void claimingAReportMakesTheClaimantWorkWithTheDefender() {
        IncidentReport report = aReceivedReport();
        assertThat(registeredEvents(report))
                .as("a new report is only a record to break glass on")
                .containsExactly(new BreakGlassGrants.Target("incident", REPORT.value(), ORG, DEFENDER));

        report.triage(INTAKE, TRIAGED, null);

        assertThat(registeredEvents(report))
                .last()
                .isEqualTo(new DefenderWorkChanged(DEFENDER, REPORT.value(), Set.of(INTAKE), true));
    }

    /** The events the report registered for its repository to publish on save. */
    static List<Object> registeredEvents(IncidentReport report) {
        return List.copyOf((java.util.Collection<Object>)
                org.springframework.test.util.ReflectionTestUtils.invokeMethod(report, "domainEvents"));
    }

    @Test
    void newReportIsReceivedUnclaimedAndInNoCaseFile() {
        IncidentReport report = aReceivedReport(Severity.HIGH);

        assertThat(report.status()).isEqualTo(RECEIVED);
        assertThat(report.claimedBy()).isNull();
        assertThat(report.caseFileId()).isNull();
        assertThat(report.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void reportWithoutSeverityIsMedium() {
        assertThat(aReceivedReport(null).severity()).isEqualTo(Severity.MEDIUM);
    }

    @ParameterizedTest
    @EnumSource(
            value = IncidentStatus.class,
            names = {"TRIAGED", "CLOSED"})
    void triageClaimsTheReportForTheTriagingCaseworker(IncidentStatus outcome) {
        IncidentReport report = aReceivedReport();

        report.triage(INTAKE, outcome, Severity.LOW);

        assertThat(report.status()).isEqualTo(outcome);
        assertThat(report.claimedBy()).isEqualTo(INTAKE);
        assertThat(report.severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void triageWithoutSeverityKeepsTheReportedOne() {
        IncidentReport report = aReceivedReport(Severity.HIGH);

        report.triage(INTAKE, TRIAGED, null);

        assertThat(report.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void reportClaimedByOneCaseworkerCannotBeClaimedByAnother() {
        IncidentReport report = reportIn(TRIAGED);

        assertThatThrownBy(() -> report.triage(OTHER_CASEWORKER, TRIAGED, null)).isInstanceOf(Conflict.class);
        assertThat(report.claimedBy()).isEqualTo(INTAKE);
    }

    @Test
    void triagedReportCannotBeClosedWithoutACaseFile() {
        IncidentReport report = reportIn(TRIAGED);

        assertThatThrownBy(() -> report.triage(INTAKE, CLOSED, null)).isInstanceOf(Conflict.class);
        assertThat(report.status()).isEqualTo(TRIAGED);
    }

    @Test
    void linkedReportKeepsItsFirstCaseFile() {
        IncidentReport report = reportIn(LINKED);

        assertThatThrownBy(() -> report.linkTo(OTHER_CASE_FILE)).isInstanceOf(Conflict.class);
        assertThat(report.caseFileId()).isEqualTo(CASE_FILE);
    }

    @Test
    void triageNeedsACaseworkerAndChangesNothingWithoutOne() {
        IncidentReport report = aReceivedReport();

        assertThatThrownBy(() -> report.triage(null, TRIAGED, Severity.LOW)).isInstanceOf(NullPointerException.class);
        assertThat(State.of(report)).isEqualTo(new State(RECEIVED, null, null, Severity.MEDIUM));
    }

    @Test
    void linkingNeedsACaseFileAndChangesNothingWithoutOne() {
        IncidentReport report = reportIn(TRIAGED);
        State before = State.of(report);

        assertThatThrownBy(() -> report.linkTo(null)).isInstanceOf(NullPointerException.class);
        assertThat(State.of(report)).isEqualTo(before);
    }

    @Test
    void everyStatusIsReachableThroughTheMoves() {
        // reportIn asserts the status it reaches; this fails to compile or run for a status it misses.
        assertThat(Arrays.stream(IncidentStatus.values())
                        .map(status -> reportIn(status).status()))
                .containsExactly(IncidentStatus.values());
    }
}
