package org.sanad.server.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanad.server.access.NeedToKnow.ReferralMove.ACCEPT;
import static org.sanad.server.access.NeedToKnow.ReferralMove.CLOSE;
import static org.sanad.server.access.NeedToKnow.ReferralMove.DECLINE;
import static org.sanad.server.access.NeedToKnow.ReferralMove.WITHDRAW;
import static org.sanad.server.referrals.ReferralStatus.ACCEPTED;
import static org.sanad.server.referrals.ReferralStatus.CLOSED;
import static org.sanad.server.referrals.ReferralStatus.DECLINED;
import static org.sanad.server.referrals.ReferralStatus.EXPIRED;
import static org.sanad.server.referrals.ReferralStatus.PENDING;
import static org.sanad.server.referrals.ReferralStatus.WITHDRAWN;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanad.server.access.NeedToKnow.ReferralMove;
import org.sanad.server.common.identity.CaseFileId;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.ReferralId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.encryption.Sealed;
import org.sanad.server.encryption.Sealer;
import org.sanad.server.web.ProblemException.Conflict;

/**
 * The life of a referral as a table: every (status, move) pair, allowed or refused, with the
 * status as of a day (a live referral past its expiry date is expired). Plain objects, no
 * database, no Keycloak.
 */
class ReferralStateTests {

    static final OrganisationId FROM = new OrganisationId("tigris-legal");
    static final OrganisationId TO = new OrganisationId("zagros-aid");
    static final ReferralId REFERRAL = new ReferralId(UUID.fromString("0190f1a2-0000-7000-8000-0000000000f1"));
    static final CaseFileId CASE_FILE = new CaseFileId(UUID.fromString("0190f1a2-0000-7000-8000-0000000000c1"));
    static final DefenderId DEFENDER = new DefenderId(UUID.fromString("0190f1a2-0000-7000-8000-0000000000d1"));
    static final Subject SENDER = new Subject("c-1");
    static final Subject RECEIVER = new Subject("r-1");

    static final LocalDate CREATED = LocalDate.parse("2026-11-22");
    static final LocalDate DURING = LocalDate.parse("2026-12-01");
    static final LocalDate EXPIRES = LocalDate.parse("2026-12-31");
    static final LocalDate AFTER_EXPIRY = EXPIRES.plusDays(1);
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant T1 = Instant.parse("2026-12-01T10:00:00Z");

    static final Referral.Consent CONSENT =
            new Referral.Consent(LocalDate.parse("2026-11-21"), ConsentMethod.IN_PERSON);

    /** Seals to the plaintext's bytes: these tests are about states, not about encryption. */
    static final Sealer SEALER =
            (context, plaintext) -> plaintext == null ? null : Sealed.of(plaintext.getBytes(StandardCharsets.UTF_8));

    static Referral refer(OrganisationId to, Referral.Consent consent, Set<SharedField> shared) {
        return Referral.refer(
                REFERRAL,
                CASE_FILE,
                DEFENDER,
                FROM,
                to,
                ReferralService.LEGAL_REPRESENTATION,
                consent,
                shared,
                "Needs a lawyer admitted in Erbil",
                EXPIRES,
                SENDER,
                T0,
                SEALER);
    }

    static Referral aPendingReferral() {
        return refer(TO, CONSENT, EnumSet.of(SharedField.LEGAL_NAME, SharedField.PHONE));
    }

    /** Makes a move, as the service does, on the given day. */
    static void apply(Referral referral, ReferralMove move, LocalDate today) {
        switch (move) {
            case ACCEPT -> referral.accept(RECEIVER, T1, today);
            case DECLINE -> referral.decline(RECEIVER, T1, today);
            case WITHDRAW -> referral.withdraw(SENDER, T1, today);
            case CLOSE -> referral.close(RECEIVER, T1, today);
        }
    }

    /**
     * A referral brought to a status by the entity's own moves (made {@link #DURING} its life) and
     * looked at on a day.
     */
    record Arrangement(String name, List<ReferralMove> steps, LocalDate day, ReferralStatus status) {

        Referral referral() {
            Referral referral = aPendingReferral();
            for (ReferralMove step : steps) {
                apply(referral, step, DURING);
            }
            return referral;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Arrangement> ARRANGEMENTS = List.of(
            new Arrangement("pending", List.of(), DURING, PENDING),
            new Arrangement("pending, on its expiry date", List.of(), EXPIRES, PENDING),
            new Arrangement("accepted", List.of(ACCEPT), DURING, ACCEPTED),
            new Arrangement("accepted, on its expiry date", List.of(ACCEPT), EXPIRES, ACCEPTED),
            new Arrangement("declined", List.of(DECLINE), DURING, DECLINED),
            new Arrangement("declined, past its expiry date", List.of(DECLINE), AFTER_EXPIRY, DECLINED),
            new Arrangement("closed after acceptance", List.of(ACCEPT, CLOSE), DURING, CLOSED),
            new Arrangement("closed after decline", List.of(DECLINE, CLOSE), DURING, CLOSED),
            new Arrangement("closed, past its expiry date", List.of(ACCEPT, CLOSE), AFTER_EXPIRY, CLOSED),
            new Arrangement("withdrawn while pending", List.of(WITHDRAW), DURING, WITHDRAWN),
            new Arrangement("withdrawn after acceptance", List.of(ACCEPT, WITHDRAW), DURING, WITHDRAWN),
            new Arrangement("withdrawn, past its expiry date", List.of(WITHDRAW), AFTER_EXPIRY, WITHDRAWN),
            new Arrangement("expired while pending", List.of(), AFTER_EXPIRY, EXPIRED),
            new Arrangement("expired after acceptance", List.of(ACCEPT), AFTER_EXPIRY, EXPIRED));

    /** One move: the statuses (as of the day) it is allowed from, and the status it ends in. */
    record Transition(Set<ReferralStatus> from, ReferralStatus to) {}

    /** The whole policy. Every (status, move) pair not named here is refused. */
    static final Map<ReferralMove, Transition> POLICY = new EnumMap<>(Map.of(
            ACCEPT, new Transition(EnumSet.of(PENDING), ACCEPTED),
            DECLINE, new Transition(EnumSet.of(PENDING), DECLINED),
            WITHDRAW, new Transition(EnumSet.of(PENDING, ACCEPTED), WITHDRAWN),
            CLOSE, new Transition(EnumSet.of(ACCEPTED, DECLINED), CLOSED)));

    static final Set<ReferralStatus> TERMINAL = EnumSet.of(CLOSED, WITHDRAWN, EXPIRED);

    static Stream<Arguments> everyArrangementAndMove() {
        return ARRANGEMENTS.stream().flatMap(arrangement -> Arrays.stream(ReferralMove.values())
                .map(move -> Arguments.of(arrangement, move)));
    }

    static Stream<Arguments> allowedMoves() {
        return everyArrangementAndMove().filter(ReferralStateTests::isAllowed);
    }

    static Stream<Arguments> refusedMoves() {
        return everyArrangementAndMove().filter(arguments -> !isAllowed(arguments));
    }

    static boolean isAllowed(Arguments arguments) {
        var arrangement = (Arrangement) arguments.get()[0];
        var move = (ReferralMove) arguments.get()[1];
        return POLICY.get(move).from().contains(arrangement.status());
    }

    /** What a move may change: the status as stored (seen before expiry) and as of the day. */
    record State(ReferralStatus beforeExpiry, ReferralStatus onTheDay) {

        static State of(Referral referral, LocalDate day) {
            return new State(referral.statusOn(DURING), referral.statusOn(day));
        }
    }

    @Test
    void policyNamesEveryMove() {
        assertThat(POLICY).containsOnlyKeys(ReferralMove.values());
    }

    @Test
    void arrangementsCoverEveryStatus() {
        assertThat(ARRANGEMENTS.stream().map(Arrangement::status)).containsAll(EnumSet.allOf(ReferralStatus.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrangementsAsArguments")
    void arrangementReachesItsStatus(Arrangement arrangement) {
        assertThat(arrangement.referral().statusOn(arrangement.day())).isEqualTo(arrangement.status());
    }

    static Stream<Arrangement> arrangementsAsArguments() {
        return ARRANGEMENTS.stream();
    }

    @Test
    void everyStateChangingMethodOfTheReferralIsAMoveInThePolicy() {
        // A new way to change a referral must be added to ReferralMove, apply() and the policy above.
        Set<String> changing = new HashSet<>();
        for (Method method : Referral.class.getDeclaredMethods()) {
            boolean instance = !Modifier.isStatic(method.getModifiers()) && !method.isSynthetic();
            if (instance && !Modifier.isPrivate(method.getModifiers()) && method.getReturnType() == void.class) {
                changing.add(method.getName());
            }
        }

        assertThat(changing).containsExactlyInAnyOrder("accept", "decline", "withdraw", "close");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("allowedMoves")
    void allowedMoveSucceedsAndLeavesTheNewStatus(Arrangement arrangement, ReferralMove move) {
        Referral referral = arrangement.referral();

        apply(referral, move, arrangement.day());

        ReferralStatus next = POLICY.get(move).to();
        assertThat(referral.statusOn(arrangement.day())).isEqualTo(next);
        assertThat(referral.statusOn(DURING)).isEqualTo(next);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusedMoves")
    void refusedMoveIsAConflictAndChangesNothing(Arrangement arrangement, ReferralMove move) {
        Referral referral = arrangement.referral();
        State before = State.of(referral, arrangement.day());

        assertThatThrownBy(() -> apply(referral, move, arrangement.day()))
                .isInstanceOfSatisfying(Conflict.class, conflict -> assertThat(
                                conflict.problem().getType())
                        .hasToString("urn:sanad:problem:invalid-transition"));
        assertThat(State.of(referral, arrangement.day())).isEqualTo(before);
        assertThat(before.onTheDay()).isEqualTo(arrangement.status());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("terminalArrangements")
    void closedWithdrawnAndExpiredReferralsAreTerminal(Arrangement arrangement) {
        Referral referral = arrangement.referral();

        for (LocalDate later : List.of(arrangement.day(), arrangement.day().plusDays(1), AFTER_EXPIRY.plusYears(1))) {
            for (ReferralMove move : ReferralMove.values()) {
                assertThatThrownBy(() -> apply(referral, move, later))
                        .as(move + " on " + later)
                        .isInstanceOf(Conflict.class);
            }
            assertThat(referral.statusOn(later)).isEqualTo(arrangement.status());
            assertThat(referral.isLiveOn(later)).isFalse();
        }
    }

    static Stream<Arrangement> terminalArrangements() {
        return ARRANGEMENTS.stream().filter(arrangement -> TERMINAL.contains(arrangement.status()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrangementsAsArguments")
    void onlyPendingAndAcceptedReferralsAreLive(Arrangement arrangement) {
        boolean live = arrangement.status() == PENDING || arrangement.status() == ACCEPTED;

        assertThat(arrangement.referral().isLiveOn(arrangement.day())).isEqualTo(live);
    }

    @Test
    void newReferralIsPendingAndLiveUntilTheEndOfItsExpiryDate() {
        Referral referral = aPendingReferral();

        assertThat(referral.statusOn(CREATED)).isEqualTo(PENDING);
        assertThat(referral.statusOn(EXPIRES)).isEqualTo(PENDING);
        assertThat(referral.isLiveOn(EXPIRES)).isTrue();
        assertThat(referral.statusOn(AFTER_EXPIRY)).isEqualTo(EXPIRED);
        assertThat(referral.isLiveOn(AFTER_EXPIRY)).isFalse();
    }

    @Test
    void pendingReferralCanBeAcceptedOnItsExpiryDateButNotTheDayAfter() {
        Referral onTheDate = aPendingReferral();
        onTheDate.accept(RECEIVER, T1, EXPIRES);
        assertThat(onTheDate.statusOn(EXPIRES)).isEqualTo(ACCEPTED);

        Referral dayAfter = aPendingReferral();
        assertThatThrownBy(() -> dayAfter.accept(RECEIVER, T1, AFTER_EXPIRY)).isInstanceOf(Conflict.class);
        assertThat(dayAfter.statusOn(AFTER_EXPIRY)).isEqualTo(EXPIRED);
    }

    @Test
    void acceptedReferralThatExpiredCanNoLongerBeWithdrawnOrClosed() {
        Referral referral = aPendingReferral();
        referral.accept(RECEIVER, T1, DURING);

        assertThatThrownBy(() -> referral.withdraw(SENDER, T1, AFTER_EXPIRY)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> referral.close(RECEIVER, T1, AFTER_EXPIRY)).isInstanceOf(Conflict.class);
        assertThat(referral.statusOn(AFTER_EXPIRY)).isEqualTo(EXPIRED);
        assertThat(referral.statusOn(DURING)).isEqualTo(ACCEPTED);
    }

    @Test
    void declinedReferralCanBeClosedEvenAfterItsExpiryDate() {
        Referral referral = aPendingReferral();
        referral.decline(RECEIVER, T1, DURING);

        referral.close(RECEIVER, T1, AFTER_EXPIRY);

        assertThat(referral.statusOn(AFTER_EXPIRY)).isEqualTo(CLOSED);
    }

    @Test
    void declinedReferralCannotBeWithdrawnOrAcceptedAfterAll() {
        Referral referral = aPendingReferral();
        referral.decline(RECEIVER, T1, DURING);

        assertThatThrownBy(() -> referral.withdraw(SENDER, T1, DURING)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> referral.accept(RECEIVER, T1, DURING)).isInstanceOf(Conflict.class);
        assertThat(referral.statusOn(DURING)).isEqualTo(DECLINED);
    }

    @Test
    void pendingReferralCannotBeClosedBeforeAnAnswer() {
        Referral referral = aPendingReferral();

        assertThatThrownBy(() -> referral.close(RECEIVER, T1, DURING)).isInstanceOf(Conflict.class);
        assertThat(referral.statusOn(DURING)).isEqualTo(PENDING);
    }

    @Test
    void referralRecordsTheConsentItWasMadeWith() {
        Referral referral = aPendingReferral();

        assertThat(referral.consentGivenOn()).isEqualTo(CONSENT.givenOn());
        assertThat(referral.consentHow()).isEqualTo(CONSENT.how());
        assertThat(referral.sharedFields()).containsExactlyInAnyOrder(SharedField.LEGAL_NAME, SharedField.PHONE);
        assertThat(referral.expiresOn()).isEqualTo(EXPIRES);
        assertThat(referral.reasonField().value()).isNotNull();
    }

    @Test
    void referralCannotExistWithoutTheDateAndMethodOfConsent() {
        Set<SharedField> shared = EnumSet.of(SharedField.PHONE);

        assertThatThrownBy(() -> refer(TO, new Referral.Consent(null, ConsentMethod.PHONE), shared))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> refer(TO, new Referral.Consent(CREATED, null), shared))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void referralGoesToAnotherOrganisation() {
        assertThatThrownBy(() -> refer(FROM, CONSENT, EnumSet.of(SharedField.PHONE)))
                .isInstanceOfSatisfying(Conflict.class, conflict -> assertThat(
                                conflict.problem().getType())
                        .hasToString("urn:sanad:problem:same-organisation"));
    }

    @Test
    void referralSharesAtLeastOneField() {
        assertThatThrownBy(() -> refer(TO, CONSENT, Set.of()))
                .isInstanceOfSatisfying(Conflict.class, conflict -> assertThat(
                                conflict.problem().getType())
                        .hasToString("urn:sanad:problem:nothing-shared"));
    }
}
