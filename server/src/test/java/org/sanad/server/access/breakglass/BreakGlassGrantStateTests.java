package org.sanad.server.access.breakglass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sanad.crypto.EncryptionContext;
import org.sanad.server.access.BreakGlassGrants;
import org.sanad.server.access.Caller;
import org.sanad.server.access.Role;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.GrantId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.encryption.Sealed;
import org.sanad.server.encryption.Sealer;

/**
 * The life of a break-glass grant: it is made (or refused) once, is active from then until just
 * before its end, and is expired from its end on, for ever. It has no other move: no status is
 * stored, nothing is changed or revoked. Plain objects, no database, no Keycloak.
 */
class BreakGlassGrantStateTests {

    static final OrganisationId ORG = new OrganisationId("tigris-legal");
    static final OrganisationId OTHER_ORG = new OrganisationId("zagros-aid");
    static final GrantId GRANT = new GrantId(UUID.fromString("0190f1a2-0000-7000-8000-0000000000b1"));
    static final UUID RECORD = UUID.fromString("0190f1a2-0000-7000-8000-0000000000c1");
    static final DefenderId DEFENDER = new DefenderId(UUID.fromString("0190f1a2-0000-7000-8000-0000000000d1"));
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final String REASON = "Defender unreachable for two days; family reports an arrest";
    static final Duration HALF_HOUR = Duration.ofMinutes(30);

    static final Caller SUPERVISOR = caller(ORG, Role.SUPERVISOR);
    static final BreakGlassGrants.Target TARGET = new BreakGlassGrants.Target("case-file", RECORD, ORG, DEFENDER);

    static Caller caller(OrganisationId organisation, Role... roles) {
        return new Caller(
                new Subject("s-1"),
                organisation,
                roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles),
                "sanad-web");
    }

    /** Seals to the plaintext's bytes and remembers what it was asked to seal. */
    static final class RecordingSealer implements Sealer {

        record Call(EncryptionContext context, String plaintext, Sealed sealed) {}

        final List<Call> calls = new ArrayList<>();

        @Override
        public Sealed seal(EncryptionContext context, String plaintext) {
            Sealed sealed = plaintext == null ? null : Sealed.of(plaintext.getBytes(StandardCharsets.UTF_8));
            calls.add(new Call(context, plaintext, sealed));
            return sealed;
        }
    }

    static BreakGlassGrant grant(Caller caller, String reason, Duration duration, Sealer sealer) {
        return BreakGlassGrant.grant(GRANT, caller, TARGET, reason, duration, T0, sealer);
    }

    static BreakGlassGrant aHalfHourGrant() {
        return grant(SUPERVISOR, REASON, HALF_HOUR, new RecordingSealer());
    }

    /** Asks a refused grant and checks that nothing was made: no grant, nothing sealed. */
    static void assertRefused(Caller caller, String reason, Duration duration) {
        var sealer = new RecordingSealer();
        assertThatThrownBy(() -> grant(caller, reason, duration, sealer)).isInstanceOf(IllegalArgumentException.class);
        assertThat(sealer.calls).isEmpty();
    }

    @Test
    void grantRecordsTheSupervisorTheRecordAndItsEnd() {
        BreakGlassGrant grant = aHalfHourGrant();

        assertThat(grant.id()).isEqualTo(GRANT);
        assertThat(grant.supervisor()).isEqualTo(SUPERVISOR.subject());
        assertThat(grant.organisation()).isEqualTo(ORG);
        assertThat(grant.recordType()).isEqualTo("case-file");
        assertThat(grant.recordId()).isEqualTo(RECORD);
        assertThat(grant.defenderId()).isEqualTo(DEFENDER);
        assertThat(grant.grantedAt()).isEqualTo(T0);
        assertThat(grant.expiresAt()).isEqualTo(T0.plus(HALF_HOUR));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, BreakGlassGrant.DEFAULT_MINUTES, BreakGlassGrant.MAX_MINUTES})
    void grantLastsExactlyTheMinutesAskedFor(long minutes) {
        BreakGlassGrant grant = grant(SUPERVISOR, REASON, Duration.ofMinutes(minutes), new RecordingSealer());

        assertThat(Duration.between(grant.grantedAt(), grant.expiresAt())).isEqualTo(Duration.ofMinutes(minutes));
        assertThat(grant.isActiveAt(T0)).isTrue();
    }

    @Test
    void grantIsActiveFromItsStartUntilJustBeforeItsEnd() {
        BreakGlassGrant grant = aHalfHourGrant();

        assertThat(grant.isActiveAt(T0)).isTrue();
        assertThat(grant.isActiveAt(T0.plus(Duration.ofMinutes(29)))).isTrue();
        assertThat(grant.isActiveAt(grant.expiresAt().minusNanos(1))).isTrue();
        assertThat(grant.isActiveAt(grant.expiresAt())).isFalse();
    }

    static Stream<Duration> afterTheEnd() {
        return Stream.of(
                Duration.ZERO,
                Duration.ofNanos(1),
                Duration.ofSeconds(1),
                Duration.ofMinutes(30),
                Duration.ofDays(1),
                Duration.ofDays(3650));
    }

    @ParameterizedTest
    @MethodSource("afterTheEnd")
    void expiredGrantStaysExpired(Duration afterEnd) {
        BreakGlassGrant grant = aHalfHourGrant();

        assertThat(grant.isActiveAt(grant.expiresAt().plus(afterEnd))).isFalse();
    }

    @Test
    void grantAsksOnlyItsEndSoItCountsAsActiveBeforeItsStart() {
        // Pins today's rule: isActiveAt compares with expiresAt only (as Grants.findActive does).
        BreakGlassGrant grant = aHalfHourGrant();

        assertThat(grant.isActiveAt(T0.minus(Duration.ofHours(1)))).isTrue();
    }

    @Test
    void grantHasNoMoveAfterItIsMade() {
        // A grant is never changed: a new instance method (revoke, extend...) must come with tests.
        Set<String> methods = new HashSet<>();
        for (Method method : BreakGlassGrant.class.getDeclaredMethods()) {
            int modifiers = method.getModifiers();
            if (!Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers) && !method.isSynthetic()) {
                methods.add(method.getName());
            }
        }

        assertThat(methods)
                .containsExactlyInAnyOrder(
                        "isActiveAt",
                        "reasonField",
                        "id",
                        "organisation",
                        "supervisor",
                        "recordType",
                        "recordId",
                        "defenderId",
                        "grantedAt",
                        "expiresAt",
                        "toString");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, mode = EnumSource.Mode.EXCLUDE, names = "SUPERVISOR")
    void onlyASupervisorBreaksGlass(Role role) {
        assertRefused(caller(ORG, role), REASON, HALF_HOUR);
    }

    @Test
    void callerWithoutRolesCannotBreakGlass() {
        assertRefused(caller(ORG), REASON, HALF_HOUR);
    }

    @Test
    void supervisorWithOtherRolesTooBreaksGlass() {
        BreakGlassGrant grant =
                grant(caller(ORG, Role.SUPERVISOR, Role.CASEWORKER), REASON, HALF_HOUR, new RecordingSealer());

        assertThat(grant.isActiveAt(T0)).isTrue();
    }

    @Test
    void supervisorOfAnotherOrganisationCannotBreakGlass() {
        assertRefused(caller(OTHER_ORG, Role.SUPERVISOR), REASON, HALF_HOUR);
    }

    static Stream<Duration> durationsOutsideOneToSixtyMinutes() {
        return Stream.of(
                Duration.ZERO,
                Duration.ofMinutes(-5),
                Duration.ofSeconds(59),
                Duration.ofMinutes(1).minusNanos(1),
                Duration.ofMinutes(60).plusNanos(1),
                Duration.ofMinutes(61),
                Duration.ofHours(24));
    }

    @ParameterizedTest
    @MethodSource("durationsOutsideOneToSixtyMinutes")
    void grantLastsOneToSixtyMinutes(Duration duration) {
        assertRefused(SUPERVISOR, REASON, duration);
    }

    static final String EMOJI = "\uD83D\uDEA8"; // one code point, two chars

    static Stream<Arguments> reasons() {
        return Stream.of(
                Arguments.of("no reason", null, false),
                Arguments.of("empty", "", false),
                Arguments.of("blanks", "      \t\n   ", false),
                Arguments.of("19 characters", "x".repeat(19), false),
                Arguments.of("19 characters in blanks", "   " + "x".repeat(19) + "   ", false),
                Arguments.of("20 characters", "x".repeat(20), true),
                Arguments.of("20 characters in blanks", "  " + "x".repeat(20) + "\n", true),
                Arguments.of("20 Arabic letters", "ع".repeat(20), true),
                Arguments.of("19 emoji (38 chars)", EMOJI.repeat(19), false),
                Arguments.of("20 emoji", EMOJI.repeat(20), true),
                Arguments.of("2000 characters", "x".repeat(2000), true),
                Arguments.of("2000 emoji (4000 chars)", EMOJI.repeat(2000), true),
                Arguments.of("2001 characters", "x".repeat(2001), false),
                Arguments.of("2001 emoji", EMOJI.repeat(2001), false));
    }

    @ParameterizedTest(name = "{0}: written = {2}")
    @MethodSource("reasons")
    void reasonIsWrittenWhenItHasTwentyToTwoThousandCharactersOnceStripped(
            String name, String reason, boolean written) {
        assertThat(BreakGlassGrant.isWritten(reason)).isEqualTo(written);
        if (written) {
            assertThat(grant(SUPERVISOR, reason, HALF_HOUR, new RecordingSealer())
                            .isActiveAt(T0))
                    .isTrue();
        } else {
            assertRefused(SUPERVISOR, reason, HALF_HOUR);
        }
    }

    @Test
    void reasonIsSealedStrippedUnderTheGrantsOwnContext() {
        var sealer = new RecordingSealer();

        BreakGlassGrant grant = grant(SUPERVISOR, "  \n" + REASON + "  ", HALF_HOUR, sealer);

        var expected =
                new EncryptionContext(ORG.value(), BreakGlassGrant.ENTITY, "reason", GRANT.value(), DEFENDER.value());
        assertThat(sealer.calls).singleElement().satisfies(call -> {
            assertThat(call.context()).isEqualTo(expected);
            assertThat(call.plaintext()).isEqualTo(REASON);
            assertThat(grant.reasonField().value()).isEqualTo(call.sealed());
        });
        assertThat(grant.reasonField().context()).isEqualTo(expected);
        assertThat(grant.reasonField().name()).isEqualTo("reason");
    }
}
