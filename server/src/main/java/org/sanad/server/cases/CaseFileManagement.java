package org.sanad.server.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sanad.server.access.BreakGlassGrants;
import org.sanad.server.access.BreakGlassTarget;
import org.sanad.server.access.BreakGlassTargets;
import org.sanad.server.access.Callers;
import org.sanad.server.access.CurrentUser;
import org.sanad.server.access.NeedToKnow;
import org.sanad.server.access.Role;
import org.sanad.server.access.StaffDirectory;
import org.sanad.server.access.Visibility;
import org.sanad.server.audit.RecordHistory;
import org.sanad.server.common.Ids;
import org.sanad.server.defenders.DefenderDirectory;
import org.sanad.server.defenders.DefenderDirectory.DefenderRef;
import org.sanad.server.defenders.DefenderWork;
import org.sanad.server.encryption.SealedField;
import org.sanad.server.encryption.SealedFields;
import org.sanad.server.incidents.CaseAssignees;
import org.sanad.server.incidents.IncidentManagement;
import org.sanad.server.web.Conflict;
import org.sanad.server.web.Forbidden;
import org.sanad.server.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens case files from triaged reports, assigns them, and keeps their notes and status. */
@Service
public class CaseFileManagement implements CaseAssignees, DefenderWork, BreakGlassTargets {

    private final CaseFiles files;
    private final CaseNotes notes;
    private final DefenderDirectory defenders;
    private final IncidentManagement incidents;
    private final SealedFields sealedFields;
    private final Clock clock;
    private final RecordHistory history;
    private final StaffDirectory staff;
    private final BreakGlassGrants breakGlass;

    CaseFileManagement(
            CaseFiles files,
            CaseNotes notes,
            DefenderDirectory defenders,
            IncidentManagement incidents,
            SealedFields sealedFields,
            Clock clock,
            RecordHistory history,
            StaffDirectory staff,
            BreakGlassGrants breakGlass) {
        this.history = history;
        this.breakGlass = breakGlass;
        this.staff = staff;
        this.files = files;
        this.notes = notes;
        this.defenders = defenders;
        this.incidents = incidents;
        this.sealedFields = sealedFields;
        this.clock = clock;
    }

    /** What another module may know about a case file. */
    public record CaseFileRef(
            UUID id, UUID defenderId, String organisation, Set<String> assignees, CaseStatus status) {}

    @Transactional(readOnly = true)
    public Optional<CaseFileRef> find(UUID id) {
        return files.findById(id)
                .map(f -> new CaseFileRef(f.id(), f.defenderId(), f.organisation(), f.assignees(), f.status()));
    }

    /** The sealed legal summary of a case file, for a module that discloses it (a live referral). */
    @Transactional(readOnly = true)
    public Optional<SealedField> legalSummaryOf(UUID caseFileId) {
        return files.findById(caseFileId).map(CaseFile::legalSummaryField);
    }

    @Transactional
    CaseFileView open(UUID defenderId, List<UUID> incidentIds, String legalSummary, LocalDate nextActionOn) {
        CurrentUser caller = Callers.current();
        DefenderRef defender = defenders
                .find(defenderId)
                .filter(d -> d.organisation().equals(caller.organisation()))
                .orElseThrow(NotFound::new);
        if (defender.erased()) {
            throw new Conflict("defender-erased", "The defender's personal data was erased");
        }
        UUID id = Ids.newId();
        String reference = "SAN-%d-%06d".formatted(Year.now(clock).getValue(), files.nextReferenceNumber());
        var file = CaseFile.open(
                id,
                reference,
                defender.id(),
                defender.organisation(),
                new HashSet<>(incidentIds),
                caller.subject(),
                clock.instant(),
                legalSummary,
                nextActionOn,
                sealedFields);
        files.save(file);
        incidents.linkToCaseFile(incidentIds, defender.id(), defender.organisation(), caller.subject(), id);
        return render(file, caller);
    }

    @Transactional
    CaseFileView view(UUID id) {
        CurrentUser caller = Callers.current();
        return render(visible(id, caller), caller);
    }

    @Transactional
    CaseFileView assign(UUID id, String subject) {
        CurrentUser caller = Callers.current();
        CaseFile file = visible(id, caller);
        if (!NeedToKnow.mayAssign(caller, file.organisation(), file.assignees(), subject)) {
            throw new Forbidden();
        }
        // Supervisors reach content only through break-glass or through the caseworkers who work on
        // the case: two supervisors assigning each other would be break-glass without a record.
        if (caller.has(Role.SUPERVISOR)
                && !file.assignees().contains(caller.subject())
                && staff.isSupervisor(subject)) {
            throw new Forbidden();
        }
        if (!staff.isStaffOf(subject, file.organisation())) {
            throw new Conflict("not-staff", "Only caseworkers and supervisors of the organisation can be assigned");
        }
        file.assign(subject);
        files.saveAndFlush(file);
        return render(file, caller);
    }

    @Transactional
    CaseFileView.NoteView addNote(UUID id, String text) {
        CurrentUser caller = Callers.current();
        CaseFile file = withContent(id, caller);
        String purpose = visibility(file, caller).purpose("casework");
        CaseNote note = file.writeNote(Ids.newId(), caller.subject(), clock.instant(), text, sealedFields);
        notes.save(note);
        String opened = sealedFields
                .open(CaseNote.ENTITY, note.id(), purpose, List.of(note.textField()))
                .get("text");
        return new CaseFileView.NoteView(note.id(), note.author(), note.writtenAt(), opened);
    }

    @Transactional
    CaseFileView changeStatus(UUID id, CaseStatus status) {
        CurrentUser caller = Callers.current();
        CaseFile file = visible(id, caller);
        boolean supervisor = NeedToKnow.isSupervisorOf(caller, file.organisation());
        if (!supervisor && !visibility(file, caller).allowsContent()) {
            throw new Forbidden();
        }
        file.changeStatus(status);
        files.saveAndFlush(file);
        return render(file, caller);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> of(UUID caseFileId) {
        return files.findById(caseFileId).map(CaseFile::assignees).orElse(Set.of());
    }

    @Override
    public boolean worksWith(String subject, UUID defenderId) {
        return files.isAssignedToOpenCaseOf(defenderId, subject);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BreakGlassTarget> breakGlassTarget(UUID recordId) {
        return files.findById(recordId)
                .map(f -> new BreakGlassTarget(
                        CaseFile.ENTITY,
                        f.id(),
                        f.organisation(),
                        f.defenderId(),
                        defenders.find(f.defenderId()).map(DefenderRef::erased).orElse(true)));
    }

    /**
     * The change history of a case file: for its organisation's staff who may see it (assignees and
     * supervisors). The defender sees their case file's status, not its working history (which
     * staff changed what and when), as for referrals.
     */
    @Transactional
    List<RecordHistory.Entry> history(UUID id) {
        CurrentUser caller = Callers.current();
        CaseFile file = visible(id, caller);
        if (!NeedToKnow.isStaffOf(caller, file.organisation())) {
            throw new NotFound();
        }
        return history.of(CaseFile.class, CaseFile.ENTITY, id);
    }

    long version(UUID id) {
        return files.findById(id).map(CaseFile::version).orElseThrow(NotFound::new);
    }

    /** The case file, if the caller may work on its content (assignees). */
    CaseFile withContent(UUID id, CurrentUser caller) {
        CaseFile file = visible(id, caller);
        if (!visibility(file, caller).allowsContent()) {
            throw new Forbidden();
        }
        return file;
    }

    private CaseFile visible(UUID id, CurrentUser caller) {
        return files.findById(id).filter(f -> visibility(f, caller).isVisible()).orElseThrow(NotFound::new);
    }

    private Visibility visibility(CaseFile file, CurrentUser caller) {
        return visibility(file, caller, defenders.find(file.defenderId()));
    }

    private Visibility visibility(CaseFile file, CurrentUser caller, Optional<DefenderRef> defender) {
        String defenderSubject = defender.map(DefenderRef::subject).orElse(null);
        return NeedToKnow.caseFile(
                caller, file.organisation(), defenderSubject, file.assignees(), breakGlass.holds(caller, file.id()));
    }

    private CaseFileView render(CaseFile file, CurrentUser caller) {
        Optional<DefenderRef> defender = defenders.find(file.defenderId());
        Visibility visibility = visibility(file, caller, defender);
        boolean erased = defender.map(DefenderRef::erased).orElse(true);
        if (visibility.allowsContent() && !erased) {
            List<CaseNote> written = notes.findByCaseFileIdOrderByWrittenAt(file.id());
            List<SealedField> fields = new ArrayList<>();
            fields.add(file.legalSummaryField());
            for (CaseNote note : written) {
                SealedField text = note.textField();
                fields.add(new SealedField("note:" + note.id(), text.value(), text.context()));
            }
            var opened = sealedFields.open(CaseFile.ENTITY, file.id(), visibility.purpose("casework"), fields);
            List<CaseFileView.NoteView> views = written.stream()
                    .map(n ->
                            new CaseFileView.NoteView(n.id(), n.author(), n.writtenAt(), opened.get("note:" + n.id())))
                    .toList();
            return CaseFileView.content(file, visibility, opened.get("legalSummary"), views);
        }
        if (caller.subject().equals(defender.map(DefenderRef::subject).orElse(null))) {
            return CaseFileView.forDefender(file);
        }
        return CaseFileView.metadata(file);
    }
}
