package org.sanad.server.access;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.sanad.server.common.identity.GrantId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;

/**
 * Sanad's need-to-know policy, in one place. Each record module gathers the facts about one
 * record once per request (its guard), asks one function here, and renders, logs and stamps the
 * request with the one {@link Decision} it gets back. Role alone never grants content.
 *
 * <p>Every function is pure: it reads its facts and the caller, and changes nothing. One of the
 * facts is the caller's active break-glass grant on exactly this record, if any. It opens content
 * only to a supervisor of the record's organisation who would otherwise not see it; a decision
 * that used it says so ({@link Decision#grant()}), and only then is the access logged and the
 * revision stamped as break-glass.
 */
public final class NeedToKnow {

    private NeedToKnow() {}

    /**
     * What the guard of a record knows about it when it asks.
     *
     * @param organisation the organisation that owns the record (for a referral, the sending one)
     * @param defenderSubject the Keycloak subject of the defender it is about, if they have an account
     * @param activeGrant the caller's active break-glass grant on this record, or null
     */
    public record Profile(
            OrganisationId organisation,
            Subject defenderSubject,
            boolean callerWorksWithDefender,
            GrantId activeGrant) {
        public Profile {
            Objects.requireNonNull(organisation, "organisation");
        }
    }

    /**
     * @param reportedBy who filed the report
     * @param claimedBy the caseworker who claimed it at triage, or null
     * @param caseAssignees the assignees of the case file it is linked to (empty when not linked)
     */
    public record Report(
            OrganisationId organisation,
            Subject defenderSubject,
            Subject reportedBy,
            Subject claimedBy,
            Set<Subject> caseAssignees,
            GrantId activeGrant) {
        public Report {
            Objects.requireNonNull(organisation, "organisation");
            caseAssignees = Set.copyOf(caseAssignees);
        }
    }

    public record CaseFile(
            OrganisationId organisation, Subject defenderSubject, Set<Subject> assignees, GrantId activeGrant) {
        public CaseFile {
            Objects.requireNonNull(organisation, "organisation");
            assignees = Set.copyOf(assignees);
        }
    }

    /** @param caseAssignees the assignees of the referred case file */
    public record Referral(
            OrganisationId fromOrganisation,
            OrganisationId toOrganisation,
            Set<Subject> caseAssignees,
            Subject defenderSubject,
            GrantId activeGrant) {
        public Referral {
            Objects.requireNonNull(fromOrganisation, "fromOrganisation");
            Objects.requireNonNull(toOrganisation, "toOrganisation");
            caseAssignees = Set.copyOf(caseAssignees);
        }
    }

    /**
     * The answer for one caller and one record. Everything the request does with the record
     * follows from it: what is rendered, the access-log purpose, the revision stamp.
     *
     * @param visibility how much of the record the caller sees
     * @param grant the break-glass grant this decision used, or null when it used none
     */
    public record Decision(Visibility visibility, GrantId grant) {

        public static final Decision NONE = new Decision(Visibility.NONE, null);

        public Decision {
            Objects.requireNonNull(visibility, "visibility");
            if ((grant != null) != (visibility == Visibility.BREAK_GLASS)) {
                throw new IllegalArgumentException("a decision uses a grant exactly when it is break-glass");
            }
        }

        static Decision of(Visibility visibility) {
            return new Decision(visibility, null);
        }

        static Decision breakGlass(GrantId grant) {
            return new Decision(Visibility.BREAK_GLASS, grant);
        }

        public boolean isVisible() {
            return visibility.isVisible();
        }

        public boolean allowsContent() {
            return visibility.allowsContent();
        }

        public boolean usesGrant() {
            return grant != null;
        }

        /** The access-log and revision purpose of this request, given the caller's usual one. */
        public String purpose(String usual) {
            return visibility.purpose(usual);
        }
    }

    /** The side a caller is on in a referral. */
    public enum ReferralSide {
        /** Assignees of the referred case file: they made it and may withdraw it. */
        SENDER,
        /** Supervisors of the sending organisation: metadata only. */
        SENDING_SUPERVISOR,
        /**
         * A supervisor of the sending organisation holding a break-glass grant on the referral:
         * what the sender sees, and the moves of a sending supervisor.
         */
        BREAK_GLASS,
        /** Staff of the receiving organisation: the shared fields, while the referral is live. */
        RECEIVER,
        /** The defender it is about: its status. */
        DEFENDER,
        NONE
    }

    /** The moves of a referral's life, each allowed to some sides only. */
    public enum ReferralMove {
        ACCEPT,
        DECLINE,
        WITHDRAW,
        CLOSE
    }

    /**
     * A caller's side in a referral, the moves that side may make, and the grant it used.
     *
     * @param grant the break-glass grant this decision used, or null
     */
    public record ReferralDecision(ReferralSide side, Set<ReferralMove> moves, GrantId grant) {

        public ReferralDecision {
            Objects.requireNonNull(side, "side");
            moves = moves.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(moves));
            if ((grant != null) != (side == ReferralSide.BREAK_GLASS)) {
                throw new IllegalArgumentException("a decision uses a grant exactly when it is break-glass");
            }
        }

        public boolean isVisible() {
            return side != ReferralSide.NONE;
        }

        public boolean allows(ReferralMove move) {
            return moves.contains(move);
        }

        public boolean usesGrant() {
            return grant != null;
        }

        /** The history of a referral is for the staff of both sides, never for the defender. */
        public boolean mayReadHistory() {
            return isVisible() && side != ReferralSide.DEFENDER;
        }
    }

    /**
     * A defender's profile: the defender sees their own; staff of the organisation who work with
     * the defender (registered them, claimed one of their reports, or are assigned to one of their
     * case files) see content; other caseworkers and supervisors of the organisation see metadata,
     * a supervisor holding a break-glass grant on the profile its content.
     */
    public static Decision profile(Caller caller, Profile facts) {
        if (isSelf(caller, facts.defenderSubject())) {
            return Decision.of(Visibility.CONTENT);
        }
        if (!isStaffOf(caller, facts.organisation())) {
            return Decision.NONE;
        }
        if (facts.callerWorksWithDefender()) {
            return Decision.of(Visibility.CONTENT);
        }
        return breakGlassOr(caller, facts.organisation(), facts.activeGrant(), Visibility.METADATA);
    }

    /**
     * The change history of a profile: whoever sees the profile now, and the organisation's
     * supervisors (who see it anyway as metadata).
     */
    public static boolean mayReadProfileHistory(Caller caller, Profile facts, Decision decision) {
        return decision.isVisible() || isSupervisorOf(caller, facts.organisation());
    }

    /**
     * Who may file a report about a defender: the defender about themselves; staff only about a
     * defender whose profile content they see already. Otherwise filing a report and claiming it
     * would open any defender's profile of the organisation.
     */
    public static boolean mayReportAbout(Caller caller, Profile facts, Decision profileDecision) {
        if (caller.has(Role.DEFENDER)) {
            return isSelf(caller, facts.defenderSubject());
        }
        return isStaffOf(caller, facts.organisation()) && profileDecision.allowsContent();
    }

    /**
     * An incident report: the defender it is about sees it; in the organisation, the caseworker
     * who claimed it and the assignees of the case file it is linked to see content, every other
     * caseworker and supervisor the intake metadata, a supervisor holding a break-glass grant on
     * the report its content.
     */
    public static Decision report(Caller caller, Report facts) {
        if (isSelf(caller, facts.defenderSubject())
                || (caller.has(Role.DEFENDER) && caller.subject().equals(facts.reportedBy()))) {
            return Decision.of(Visibility.CONTENT);
        }
        if (!isStaffOf(caller, facts.organisation())) {
            return Decision.NONE;
        }
        boolean working = caller.subject().equals(facts.claimedBy())
                || facts.caseAssignees().contains(caller.subject());
        return working
                ? Decision.of(Visibility.CONTENT)
                : breakGlassOr(caller, facts.organisation(), facts.activeGrant(), Visibility.METADATA);
    }

    /** Triage (claiming and classifying a report) is intake work of the organisation's staff. */
    public static boolean mayTriage(Caller caller, Report facts) {
        return isStaffOf(caller, facts.organisation());
    }

    /** The history of a report: whoever sees it now, and the organisation's supervisors. */
    public static boolean mayReadReportHistory(Caller caller, Report facts, Decision decision) {
        return decision.isVisible() || isSupervisorOf(caller, facts.organisation());
    }

    /**
     * A case file: assignees see content; supervisors of the organisation see metadata, or content
     * while they hold a break-glass grant on it; the defender sees its status (metadata), never
     * staff notes.
     */
    public static Decision caseFile(Caller caller, CaseFile facts) {
        if (isStaffOf(caller, facts.organisation()) && facts.assignees().contains(caller.subject())) {
            return Decision.of(Visibility.CONTENT);
        }
        if (facts.activeGrant() != null && isSupervisorOf(caller, facts.organisation())) {
            return Decision.breakGlass(facts.activeGrant());
        }
        if (isSelf(caller, facts.defenderSubject())) {
            return Decision.of(Visibility.METADATA);
        }
        if (isSupervisorOf(caller, facts.organisation())) {
            return Decision.of(Visibility.METADATA);
        }
        return Decision.NONE;
    }

    /**
     * Whether the caller may add an assignee to a case file: a supervisor of the organisation, or a
     * caseworker already assigned. Nobody assigns themselves, and a supervisor who is not assigned
     * does not assign another supervisor: supervisors reach content only through the caseworkers
     * who work on the case or through break-glass, never by their own decision or each other's.
     */
    public static boolean mayAssign(
            Caller caller, CaseFile facts, Subject assignee, java.util.function.BooleanSupplier assigneeIsSupervisor) {
        if (!caller.organisation().equals(facts.organisation())
                || caller.subject().equals(assignee)) {
            return false;
        }
        boolean assigned = facts.assignees().contains(caller.subject());
        if (caller.has(Role.SUPERVISOR)) {
            return assigned || !assigneeIsSupervisor.getAsBoolean();
        }
        return caller.has(Role.CASEWORKER) && assigned;
    }

    /** Status moves: the organisation's supervisors, and whoever works on the content. */
    public static boolean mayChangeStatus(Caller caller, CaseFile facts, Decision decision) {
        return isSupervisorOf(caller, facts.organisation()) || decision.allowsContent();
    }

    /**
     * Making a referral discloses the defender to another organisation: only the case file's
     * assignees do it, never a supervisor through break-glass.
     */
    public static boolean mayRefer(Decision decision) {
        return decision.allowsContent() && !decision.usesGrant();
    }

    /**
     * The working history of a case file (which staff changed what and when) is for the
     * organisation's staff who see it; the defender sees the status, not the history.
     */
    public static boolean mayReadCaseFileHistory(Caller caller, CaseFile facts, Decision decision) {
        return decision.isVisible() && isStaffOf(caller, facts.organisation());
    }

    /**
     * A referral: the sending case file's assignees, the receiving organisation's staff, the
     * sending organisation's supervisors and the defender each see their part, and may make the
     * moves of their side; nobody else. A break-glass grant on a referral opens only the sending
     * side's view, and only to a supervisor of the sending organisation: nobody breaks glass on
     * another organisation's records.
     */
    public static ReferralDecision referral(Caller caller, Referral facts) {
        if (isStaffOf(caller, facts.fromOrganisation()) && facts.caseAssignees().contains(caller.subject())) {
            return side(ReferralSide.SENDER, null);
        }
        if (isStaffOf(caller, facts.toOrganisation())) {
            return side(ReferralSide.RECEIVER, null);
        }
        if (isSupervisorOf(caller, facts.fromOrganisation())) {
            return facts.activeGrant() == null
                    ? side(ReferralSide.SENDING_SUPERVISOR, null)
                    : side(ReferralSide.BREAK_GLASS, facts.activeGrant());
        }
        if (isSelf(caller, facts.defenderSubject())) {
            return side(ReferralSide.DEFENDER, null);
        }
        return side(ReferralSide.NONE, null);
    }

    private static ReferralDecision side(ReferralSide side, GrantId grant) {
        Set<ReferralMove> moves =
                switch (side) {
                    case RECEIVER -> EnumSet.of(ReferralMove.ACCEPT, ReferralMove.DECLINE, ReferralMove.CLOSE);
                    case SENDER, SENDING_SUPERVISOR, BREAK_GLASS ->
                        EnumSet.of(ReferralMove.WITHDRAW, ReferralMove.CLOSE);
                    case DEFENDER, NONE -> EnumSet.noneOf(ReferralMove.class);
                };
        return new ReferralDecision(side, moves, grant);
    }

    /** Who may break glass on a record: a supervisor of the organisation that owns it. */
    public static boolean mayBreakGlass(Caller caller, OrganisationId recordOrganisation) {
        return isSupervisorOf(caller, recordOrganisation);
    }

    /** Supervisors of the organisation: they read its change history and access log. */
    public static boolean isSupervisorOf(Caller caller, OrganisationId organisation) {
        return caller.organisation().equals(organisation) && caller.has(Role.SUPERVISOR);
    }

    /** Caseworkers and supervisors of the organisation. */
    public static boolean isStaffOf(Caller caller, OrganisationId organisation) {
        return caller.organisation().equals(organisation)
                && (caller.has(Role.CASEWORKER) || caller.has(Role.SUPERVISOR));
    }

    /** Content through break-glass for a supervisor of the organisation who holds a grant; else the fallback. */
    private static Decision breakGlassOr(
            Caller caller, OrganisationId organisation, GrantId grant, Visibility fallback) {
        return grant != null && isSupervisorOf(caller, organisation)
                ? Decision.breakGlass(grant)
                : Decision.of(fallback);
    }

    private static boolean isSelf(Caller caller, Subject defenderSubject) {
        return defenderSubject != null
                && caller.has(Role.DEFENDER)
                && caller.subject().equals(defenderSubject);
    }

    /** How much of a record a caller may see. Anything below METADATA answers 404. */
    public enum Visibility {
        /** The record does not exist for this caller. */
        NONE,
        /** Plaintext bookkeeping only (ids, pseudonym, status, dates, coarse location); no sealed field. */
        METADATA,
        /** The sealed fields too, by need-to-know. */
        CONTENT,
        /**
         * The sealed fields too, only through a supervisor's active break-glass grant on this one
         * record: every disclosure is logged with purpose {@code break-glass}, and every change is
         * stamped with the grant.
         */
        BREAK_GLASS;

        public boolean allowsContent() {
            return this == CONTENT || this == BREAK_GLASS;
        }

        public boolean isVisible() {
            return this != NONE;
        }

        /** The access-log purpose of a disclosure at this visibility, given the caller's usual one. */
        public String purpose(String usual) {
            return this == BREAK_GLASS ? BREAK_GLASS_PURPOSE : usual;
        }

        /** The name a response gives this visibility ({@code metadata}, {@code content}, {@code break-glass}). */
        public String label() {
            return this == BREAK_GLASS ? BREAK_GLASS_PURPOSE : name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The purpose recorded for reads and changes made through break-glass. */
        public static final String BREAK_GLASS_PURPOSE = "break-glass";
    }
}
