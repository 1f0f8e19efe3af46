package org.sanad.server.access;

import java.util.Set;

/**
 * Sanad's need-to-know policy (PRODUCT.md §1), in one place. Modules gather the facts about a
 * record and ask here; role alone never grants content.
 *
 * <p>One of the facts is {@code breakGlass}: whether the caller holds an active break-glass grant
 * on exactly this record (asked of {@link BreakGlassGrants#holds}). It opens content
 * only to a supervisor of the record's organisation, and is reported as {@link
 * Visibility#BREAK_GLASS} so that the module logs and stamps the access as break-glass.
 */
public final class NeedToKnow {

    private NeedToKnow() {}

    /**
     * A defender's profile: the defender sees their own; staff of the organisation who work with
     * the defender (registered them, claimed one of their reports, or are assigned to one of their
     * case files) see content; other caseworkers and supervisors of the organisation see metadata,
     * a supervisor holding a break-glass grant on the profile its content.
     */
    public static Visibility defenderProfile(
            CurrentUser caller,
            String organisation,
            String defenderSubject,
            boolean callerWorksWithDefender,
            boolean breakGlass) {
        if (isSelf(caller, defenderSubject)) {
            return Visibility.CONTENT;
        }
        if (!isStaffOf(caller, organisation)) {
            return Visibility.NONE;
        }
        if (callerWorksWithDefender) {
            return Visibility.CONTENT;
        }
        return breakGlassOr(caller, organisation, breakGlass, Visibility.METADATA);
    }

    /**
     * An incident report: the defender it is about sees it; in the organisation, the caseworker
     * who claimed it and the assignees of the case file it is linked to see content, every other
     * caseworker and supervisor the intake metadata, a supervisor holding a break-glass grant on
     * the report its content.
     */
    public static Visibility incidentReport(
            CurrentUser caller,
            String organisation,
            String defenderSubject,
            String reportedBy,
            String claimedBy,
            Set<String> caseAssignees,
            boolean breakGlass) {
        if (isSelf(caller, defenderSubject)
                || (caller.has(Role.DEFENDER) && caller.subject().equals(reportedBy))) {
            return Visibility.CONTENT;
        }
        if (!isStaffOf(caller, organisation)) {
            return Visibility.NONE;
        }
        boolean working = caller.subject().equals(claimedBy) || caseAssignees.contains(caller.subject());
        return working ? Visibility.CONTENT : breakGlassOr(caller, organisation, breakGlass, Visibility.METADATA);
    }

    /**
     * A case file: assignees see content; supervisors of the organisation see metadata, or content
     * while they hold a break-glass grant on it; the defender sees its status (metadata), never
     * staff notes.
     */
    public static Visibility caseFile(
            CurrentUser caller,
            String organisation,
            String defenderSubject,
            Set<String> assignees,
            boolean breakGlass) {
        if (isStaffOf(caller, organisation) && assignees.contains(caller.subject())) {
            return Visibility.CONTENT;
        }
        if (breakGlass && isSupervisorOf(caller, organisation)) {
            return Visibility.BREAK_GLASS;
        }
        if (isSelf(caller, defenderSubject)) {
            return Visibility.METADATA;
        }
        if (caller.organisation().equals(organisation) && caller.has(Role.SUPERVISOR)) {
            return Visibility.METADATA;
        }
        return Visibility.NONE;
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

    /**
     * A referral: the sending case file's assignees, the receiving organisation's staff, the
     * sending organisation's supervisors and the defender each see their part; nobody else. A
     * break-glass grant on a referral opens only the sending side's view, and only to a supervisor
     * of the sending organisation: nobody breaks glass on another organisation's records.
     */
    public static ReferralSide referral(
            CurrentUser caller,
            String fromOrganisation,
            String toOrganisation,
            Set<String> caseAssignees,
            String defenderSubject,
            boolean breakGlass) {
        if (isStaffOf(caller, fromOrganisation) && caseAssignees.contains(caller.subject())) {
            return ReferralSide.SENDER;
        }
        if (isStaffOf(caller, toOrganisation)) {
            return ReferralSide.RECEIVER;
        }
        if (isSupervisorOf(caller, fromOrganisation)) {
            return breakGlass ? ReferralSide.BREAK_GLASS : ReferralSide.SENDING_SUPERVISOR;
        }
        if (isSelf(caller, defenderSubject)) {
            return ReferralSide.DEFENDER;
        }
        return ReferralSide.NONE;
    }

    /**
     * Whether the caller may add an assignee to a case file: a supervisor of the organisation, or a
     * caseworker already assigned. Nobody assigns themselves: a supervisor reaches content only
     * through assignment by someone else or break-glass, never by their own decision.
     */
    public static boolean mayAssign(CurrentUser caller, String organisation, Set<String> assignees, String assignee) {
        if (!caller.organisation().equals(organisation) || caller.subject().equals(assignee)) {
            return false;
        }
        return caller.has(Role.SUPERVISOR) || (caller.has(Role.CASEWORKER) && assignees.contains(caller.subject()));
    }

    /** Supervisors of the organisation: they read its change history and access log. */
    public static boolean isSupervisorOf(CurrentUser caller, String organisation) {
        return caller.organisation().equals(organisation) && caller.has(Role.SUPERVISOR);
    }

    /** Caseworkers and supervisors of the organisation. */
    public static boolean isStaffOf(CurrentUser caller, String organisation) {
        return caller.organisation().equals(organisation)
                && (caller.has(Role.CASEWORKER) || caller.has(Role.SUPERVISOR));
    }

    /** Content through break-glass for a supervisor of the organisation who holds a grant; else the fallback. */
    private static Visibility breakGlassOr(
            CurrentUser caller, String organisation, boolean breakGlass, Visibility fallback) {
        return breakGlass && isSupervisorOf(caller, organisation) ? Visibility.BREAK_GLASS : fallback;
    }

    private static boolean isSelf(CurrentUser caller, String defenderSubject) {
        return defenderSubject != null
                && caller.has(Role.DEFENDER)
                && caller.subject().equals(defenderSubject);
    }
}
