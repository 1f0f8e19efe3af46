package org.sanad.server.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.sanad.server.access.NeedToKnow.Visibility;
import org.sanad.server.common.identity.CaseFileId;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.IncidentId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.web.Versions;

/** A case file as one caller may see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CaseFileView(
        CaseFileId id,
        String reference,
        DefenderId defenderId,
        OrganisationId organisation,
        CaseStatus status,
        LocalDate nextActionOn,
        Instant openedAt,
        List<IncidentId> incidentIds,
        List<Subject> assignees,
        String access,
        long version,
        String legalSummary,
        List<NoteView> notes)
        implements Versions.Versioned {

    record NoteView(UUID id, Subject author, Instant writtenAt, String text) {

        @Override
        public String toString() {
            return "NoteView[" + id + "]";
        }
    }

    /** What the defender sees of their own case file: that it exists and where it stands. */
    static CaseFileView forDefender(CaseFile file) {
        return of(file, null, "status", null, null);
    }

    /** @param incidents the reports linked to it (staff see which) */
    static CaseFileView metadata(CaseFile file, List<IncidentId> incidents) {
        return of(file, incidents, "metadata", null, null);
    }

    static CaseFileView content(
            CaseFile file,
            List<IncidentId> incidents,
            Visibility visibility,
            String legalSummary,
            List<NoteView> notes) {
        return of(file, incidents, visibility.label(), legalSummary, notes);
    }

    /** @param incidents null for the defender's view, which shows neither reports nor assignees */
    private static CaseFileView of(
            CaseFile file, List<IncidentId> incidents, String access, String legalSummary, List<NoteView> notes) {
        boolean staffView = incidents != null;
        return new CaseFileView(
                file.id(),
                file.reference(),
                file.defenderId(),
                file.organisation(),
                file.status(),
                file.nextActionOn(),
                file.openedAt(),
                incidents,
                staffView ? file.sortedAssignees() : null,
                access,
                file.version(),
                legalSummary,
                notes);
    }

    @Override
    public String toString() {
        return "CaseFileView[" + id + "]";
    }
}
