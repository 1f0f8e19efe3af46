package org.sanad.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanad.server.cases.CaseStatus.ACTIVE;
import static org.sanad.server.cases.CaseStatus.CLOSED;
import static org.sanad.server.cases.CaseStatus.OPEN;

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
import org.sanad.server.common.identity.CaseFileId;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.defenders.DefenderWorkChanged;
import org.sanad.server.encryption.Sealed;
import org.sanad.server.encryption.Sealer;
import org.sanad.server.web.ProblemException.Conflict;

/**
 * The life of a case file as a table: every (status, move) pair, allowed or refused. Plain
 * objects, no database, no Keycloak.
 */
class CaseFileStateTests {

    static final OrganisationId ORG = new OrganisationId("tigris-legal");
    static final CaseFileId FILE = new CaseFileId(UUID.fromString("0190f1a2-0000-7000-8000-0000000000c1"));
    static final DefenderId DEFENDER = new DefenderId(UUID.fromString("0190f1a2-0000-7000-8000-0000000000d1"));
    static final UUID NOTE = UUID.fromString("0190f1a2-0000-7000-8000-0000000000e1");
    static final Subject OPENER = new Subject("c-1");
    static final Subject NEW_ASSIGNEE = new Subject("c-2");
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final LocalDate NEXT_ACTION = LocalDate.parse("2026-12-01");
    static final LocalDate NEW_NEXT_ACTION = LocalDate.parse("2027-01-15");

    /** Seals to the plaintext's bytes: these tests are about states, not about encryption. */
    static final Sealer SEALER =
            (context, plaintext) -> plaintext == null ? null : Sealed.of(plaintext.getBytes(StandardCharsets.UTF_8));

    static CaseFile anOpenCaseFile() {
        return CaseFile.open(
                FILE,
                "TL-2026-0001",
                DEFENDER,
                ORG,
                OPENER,
                T0,
                "Detention without charge; habeas petition to be filed",
                NEXT_ACTION,
                SEALER);
    }

    /** A case file brought to the status by the entity's own moves. */
    static CaseFile caseFileIn(CaseStatus status) {
        CaseFile file = anOpenCaseFile();
        switch (status) {
            case OPEN -> {}
            case ACTIVE -> file.changeStatus(ACTIVE);
            case CLOSED -> {
                file.changeStatus(ACTIVE);
                file.changeStatus(CLOSED);
            }
        }
        assertThat(file.status()).isEqualTo(status);
        return file;
    }

    /** What a move may change. */
    record State(CaseStatus status, Set<Subject> assignees, LocalDate nextActionOn) {

        static State of(CaseFile file) {
            return new State(file.status(), file.assignees(), file.nextActionOn());
        }
    }

    /** The moves of a case file. */
    sealed interface Move {

        void apply(CaseFile file);
    }

    record ChangeStatus(CaseStatus next) implements Move {

        @Override
        public void apply(CaseFile file) {
            file.changeStatus(next);
        }

        @Override
        public String toString() {
            return "change status to " + next;
        }
    }

    record Assign() implements Move {

        @Override
        public void apply(CaseFile file) {
            file.assign(NEW_ASSIGNEE);
        }

        @Override
        public String toString() {
            return "assign";
        }
    }

    record WriteNote() implements Move {

        @Override
        public void apply(CaseFile file) {
            CaseNote note = file.writeNote(NOTE, OPENER, T0.plusSeconds(60), "Called the defender's lawyer", SEALER);
            assertThat(note.id()).isEqualTo(NOTE);
            assertThat(note.author()).isEqualTo(OPENER);
            assertThat(note.writtenAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(note.textField().context().rowId()).isEqualTo(NOTE);
            assertThat(note.textField().context().defenderId()).isEqualTo(DEFENDER.value());
            assertThat(note.textField().value()).isNotNull();
        }

        @Override
        public String toString() {
            return "write a note";
        }
    }

    record Reschedule() implements Move {

        @Override
        public void apply(CaseFile file) {
            file.reschedule(NEW_NEXT_ACTION);
        }

        @Override
        public String toString() {
            return "reschedule";
        }
    }

    static Move to(CaseStatus next) {
        return new ChangeStatus(next);
    }

    static final Move ASSIGN = new Assign();
    static final Move NOTE_MOVE = new WriteNote();
    static final Move RESCHEDULE = new Reschedule();

    /** Every move there is: a status change to each status, assigning, writing a note, rescheduling. */
    static List<Move> everyMove() {
        List<Move> moves = new ArrayList<>();
        for (CaseStatus next : CaseStatus.values()) {
            moves.add(to(next));
        }
        moves.add(ASSIGN);
        moves.add(NOTE_MOVE);
        moves.add(RESCHEDULE);
        return moves;
    }

    /** One line of the policy: from a status, a move ends in a status or is refused with a slug. */
    record Rule(CaseStatus from, Move move, CaseStatus to, String refusal) {

        boolean allowed() {
            return to != null;
        }

        @Override
        public String toString() {
            return from + " --" + move + "--> " + (allowed() ? to.toString() : "refused (" + refusal + ")");
        }
    }

    static Rule allowed(CaseStatus from, Move move, CaseStatus to) {
        return new Rule(from, move, to, null);
    }

    static Rule refused(CaseStatus from, Move move, String slug) {
        return new Rule(from, move, null, slug);
    }

    static final String INVALID = "invalid-transition";
    static final String CLOSED_FILE = "case-closed";

    /** The whole policy, one line per (status, move). */
    static final List<Rule> POLICY = List.of(
            refused(OPEN, to(OPEN), INVALID),
            allowed(OPEN, to(ACTIVE), ACTIVE),
            allowed(OPEN, to(CLOSED), CLOSED),
            allowed(OPEN, ASSIGN, OPEN),
            allowed(OPEN, NOTE_MOVE, OPEN),
            allowed(OPEN, RESCHEDULE, OPEN),
            refused(ACTIVE, to(OPEN), INVALID),
            refused(ACTIVE, to(ACTIVE), INVALID),
            allowed(ACTIVE, to(CLOSED), CLOSED),
            allowed(ACTIVE, ASSIGN, ACTIVE),
            allowed(ACTIVE, NOTE_MOVE, ACTIVE),
            allowed(ACTIVE, RESCHEDULE, ACTIVE),
            allowed(CLOSED, to(OPEN), OPEN),
            refused(CLOSED, to(ACTIVE), INVALID),
            refused(CLOSED, to(CLOSED), INVALID),
            refused(CLOSED, ASSIGN, CLOSED_FILE),
            refused(CLOSED, NOTE_MOVE, CLOSED_FILE),
            refused(CLOSED, RESCHEDULE, CLOSED_FILE));

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
        for (CaseStatus status : CaseStatus.values()) {
            for (Move move : everyMove()) {
                expected.add(List.of(status, move));
            }
        }

        assertThat(pairs).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyStateChangingMethodOfTheCaseFileIsAMoveInThePolicy() {
        // A new way to change a case file must be added to Move and to the policy above.
        Set<String> changing = new HashSet<>();
        for (Method method : CaseFile.class.getDeclaredMethods()) {
            boolean instance = !Modifier.isStatic(method.getModifiers()) && !method.isSynthetic();
            boolean returnsNothingOrANote =
                    method.getReturnType() == void.class || method.getReturnType() == CaseNote.class;
            if (instance && !Modifier.isPrivate(method.getModifiers()) && returnsNothingOrANote) {
                changing.add(method.getName());
            }
        }

        assertThat(changing).containsExactlyInAnyOrder("changeStatus", "assign", "writeNote", "reschedule");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedMoves")
    void allowedMoveSucceedsAndLeavesTheRightState(Rule rule) {
        CaseFile file = caseFileIn(rule.from());
        State before = State.of(file);

        rule.move().apply(file);

        State after = State.of(file);
        assertThat(after.status()).isEqualTo(rule.to());
        switch (rule.move()) {
            case ChangeStatus _ -> {
                assertThat(after.assignees()).isEqualTo(before.assignees());
                assertThat(after.nextActionOn()).isEqualTo(before.nextActionOn());
            }
            case Assign _ -> {
                assertThat(after.assignees()).containsExactlyInAnyOrder(OPENER, NEW_ASSIGNEE);
                assertThat(after.nextActionOn()).isEqualTo(before.nextActionOn());
            }
            case WriteNote _ -> assertThat(after).isEqualTo(before);
            case Reschedule _ -> {
                assertThat(after.nextActionOn()).isEqualTo(NEW_NEXT_ACTION);
                assertThat(after.assignees()).isEqualTo(before.assignees());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedMoves")
    void refusedMoveIsAConflictAndChangesNothing(Rule rule) {
        CaseFile file = caseFileIn(rule.from());
        State before = State.of(file);

        assertThatThrownBy(() -> rule.move().apply(file)).isInstanceOfSatisfying(Conflict.class, conflict -> assertThat(
                        conflict.problem().getType())
                .hasToString("urn:sanad:problem:" + rule.refusal()));
        assertThat(State.of(file)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void noStatusMovesToItself(CaseStatus status) {
        CaseFile file = caseFileIn(status);

        assertThatThrownBy(() -> file.changeStatus(status)).isInstanceOf(Conflict.class);
        assertThat(file.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void statusChangeToNothingIsRefused(CaseStatus status) {
        CaseFile file = caseFileIn(status);

        assertThatThrownBy(() -> file.changeStatus(null)).isInstanceOf(Conflict.class);
        assertThat(file.status()).isEqualTo(status);
    }

    @Test
    void newCaseFileIsOpenAndAssignedToItsOpener() {
        CaseFile file = anOpenCaseFile();

        assertThat(file.status()).isEqualTo(OPEN);
        assertThat(file.assignees()).containsExactly(OPENER);
        assertThat(registeredEvents(file))
                .as("a supervisor may break glass on it, and its opener now works with the defender")
                .containsExactly(
                        new BreakGlassGrants.Target("case-file", FILE.value(), ORG, DEFENDER),
                        new DefenderWorkChanged(DEFENDER, FILE.value(), Set.of(OPENER), true));
        assertThat(file.nextActionOn()).isEqualTo(NEXT_ACTION);
        assertThat(file.legalSummaryField().value()).isNotNull();
    }

    @Test
    void closedCaseFileCanBeReopenedAndWorkedOnAgain() {
        CaseFile file = caseFileIn(CLOSED);

        file.changeStatus(OPEN);
        file.assign(NEW_ASSIGNEE);
        file.reschedule(NEW_NEXT_ACTION);
        file.changeStatus(ACTIVE);

        assertThat(State.of(file)).isEqualTo(new State(ACTIVE, Set.of(OPENER, NEW_ASSIGNEE), NEW_NEXT_ACTION));
    }

    @Test
    void closedCaseFileCannotBeMadeActiveWithoutReopeningFirst() {
        CaseFile file = caseFileIn(CLOSED);

        assertThatThrownBy(() -> file.changeStatus(ACTIVE)).isInstanceOf(Conflict.class);
        assertThat(file.status()).isEqualTo(CLOSED);
    }

    @Test
    void activeCaseFileCannotGoBackToOpen() {
        CaseFile file = caseFileIn(ACTIVE);

        assertThatThrownBy(() -> file.changeStatus(OPEN)).isInstanceOf(Conflict.class);
        assertThat(file.status()).isEqualTo(ACTIVE);
    }

    @Test
    void openCaseFileCanBeClosedWithoutEverBeingActive() {
        CaseFile file = anOpenCaseFile();

        file.changeStatus(CLOSED);

        assertThat(file.status()).isEqualTo(CLOSED);
    }

    @Test
    void closedCaseFileKeepsItsAssigneesAndDateAndTakesNoNewOnes() {
        CaseFile file = caseFileIn(OPEN);
        file.assign(NEW_ASSIGNEE);
        file.changeStatus(CLOSED);

        assertThatThrownBy(() -> file.assign(new Subject("c-3"))).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> file.reschedule(null)).isInstanceOf(Conflict.class);
        assertThat(State.of(file)).isEqualTo(new State(CLOSED, Set.of(OPENER, NEW_ASSIGNEE), NEXT_ACTION));
        assertThat(registeredEvents(file))
                .as("closing ends the assignees' work with the defender's profile, not with the file")
                .last()
                .isEqualTo(new DefenderWorkChanged(DEFENDER, FILE.value(), Set.of(OPENER, NEW_ASSIGNEE), false));
    }

    /** The events the file registered for its repository to publish on save. */
    static java.util.List<Object> registeredEvents(CaseFile file) {
        return java.util.List.copyOf((java.util.Collection<Object>)
                org.springframework.test.util.ReflectionTestUtils.invokeMethod(file, "domainEvents"));
    }

    @Test
    void assigningAnAssigneeAgainKeepsOneAssignment() {
        CaseFile file = anOpenCaseFile();

        file.assign(OPENER);

        assertThat(file.assignees()).containsExactly(OPENER);
    }

    @Test
    void assigningNobodyIsRefusedAndChangesNothing() {
        CaseFile file = anOpenCaseFile();

        assertThatThrownBy(() -> file.assign(null)).isInstanceOf(NullPointerException.class);
        assertThat(file.assignees()).containsExactly(OPENER);
    }

    @Test
    void everyStatusIsReachableThroughTheMoves() {
        assertThat(Arrays.stream(CaseStatus.values())
                        .map(status -> caseFileIn(status).status()))
                .containsExactly(CaseStatus.values());
    }
}
