package org.sanad.server.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sanad.server.access.Caller;
import org.sanad.server.access.NeedToKnow;
import org.sanad.server.access.StaffDirectory;
import org.sanad.server.audit.RecordHistory;
import org.sanad.server.common.identity.CaseFileId;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.Ids;
import org.sanad.server.common.identity.IncidentId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.defenders.DefenderDirectory;
import org.sanad.server.defenders.DefenderDirectory.DefenderRef;
import org.sanad.server.encryption.SealedField;
import org.sanad.server.encryption.SealedFields;
import org.sanad.server.incidents.IncidentDirectory;
import org.sanad.server.web.ProblemException.Conflict;
import org.sanad.server.web.ProblemException.Forbidden;
import org.sanad.server.web.ProblemException.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens case files from triaged reports, assigns them, and keeps their notes and status. */
@Service
class CaseFileManagement implements CaseFileDirectory {

    private final CaseFiles files;
    private final CaseNotes notes;
    private final DefenderDirectory defenders;
    private final IncidentDirectory incidents;
    private final SealedFields sealedFields;
    private final Clock clock;
    private final RecordHistory history;
    private final StaffDirectory staff;
    private final CaseFileGuard guard;

    CaseFileManagement(
            CaseFiles files,
            CaseNotes notes,
            DefenderDirectory defenders,
            IncidentDirectory incidents,
            SealedFields sealedFields,
            Clock clock,
            RecordHistory history,
            StaffDirectory staff,
            CaseFileGuard guard) {
        this.history = history;
        this.guard = guard;
        this.staff = staff;
        this.files = files;
        this.notes = notes;
        this.defenders = defenders;
        this.incidents = incidents;
        this.sealedFields = sealedFields;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CaseFileRef> find(CaseFileId id) {
        return files.findById(id.value())
                .map(f -> new CaseFileRef(f.id(), f.defenderId(), f.organisation(), f.assignees(), f.status()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SealedField> legalSummaryOf(CaseFileId caseFileId) {
        return files.findById(caseFileId.value()).map(CaseFile::legalSummaryField);
    }

    @Transactional
    CaseFileView open(
            Caller caller,
            DefenderId defenderId,
            List<IncidentId> incidentIds,
            String legalSummary,
            LocalDate nextActionOn) {
        DefenderRef defender = defenders
                .find(defenderId)
                .filter(d -> d.organisation().equals(caller.organisation()))
                .orElseThrow(NotFound::new);
        if (defender.erased()) {
            throw new Conflict("defender-erased", "The defender's personal data was erased");
        }
        CaseFileId id = Ids.next(CaseFileId::new);
        String reference = "SAN-%d-%06d".formatted(Year.now(clock).getValue(), files.nextReferenceNumber());
        var file = CaseFile.open(
                id,
                reference,
                defender.id(),
                defender.organisation(),
                caller.subject(),
                clock.instant(),
                legalSummary,
                nextActionOn,
                sealedFields);
        files.save(file);
        incidents.linkToCaseFile(incidentIds, defender.id(), defender.organisation(), caller.subject(), id);
        return render(caller, guard.decide(file, Optional.of(defender), caller));
    }

    /** A defender's own case files, newest first, as the defender sees them: their status. */
    @Transactional(readOnly = true)
    List<CaseFileView> mine(Caller caller) {
        return defenders.findBySubject(caller.subject()).stream()
                .flatMap(self -> files.findByDefenderIdOrderByOpenedAtDesc(self.id()).stream()
                        .map(file -> guard.decide(file, Optional.of(self), caller)))
                .filter(guarded -> guarded.isDefender(caller))
                .map(guarded -> render(caller, guarded))
                .toList();
    }

    @Transactional
    CaseFileView view(Caller caller, UUID id) {
        return render(caller, guard.visible(id, caller));
    }

    @Transactional
    CaseFileView assign(Caller caller, UUID id, Subject subject) {
        CaseFileGuard.Guarded guarded = guard.visible(id, caller);
        if (!NeedToKnow.mayAssign(caller, guarded.facts(), subject, () -> staff.isSupervisor(subject))) {
            throw new Forbidden();
        }
        CaseFile file = guarded.file();
        if (!staff.isStaffOf(subject, file.organisation())) {
            throw new Conflict("not-staff", "Only caseworkers and supervisors of the organisation can be assigned");
        }
        file.assign(subject);
        files.saveAndFlush(file);
        // Nobody assigns themselves, so the caller's decision is the one made before the change.
        return render(caller, guarded);
    }

    @Transactional
    CaseFileView.NoteView addNote(Caller caller, UUID id, String text) {
        CaseFileGuard.Guarded guarded = guard.visible(id, caller);
        if (!guarded.decision().allowsContent()) {
            throw new Forbidden();
        }
        CaseNote note = guarded.file().writeNote(Ids.newId(), caller.subject(), clock.instant(), text, sealedFields);
        notes.save(note);
        String opened = sealedFields
                .open(
                        caller,
                        CaseNote.ENTITY,
                        note.id(),
                        guarded.decision().purpose("casework"),
                        List.of(note.textField()))
                .get("text");
        return new CaseFileView.NoteView(note.id(), note.author(), note.writtenAt(), opened);
    }

    @Transactional
    CaseFileView changeStatus(Caller caller, UUID id, CaseStatus status) {
        CaseFileGuard.Guarded guarded = guard.visible(id, caller);
        if (!NeedToKnow.mayChangeStatus(caller, guarded.facts(), guarded.decision())) {
            throw new Forbidden();
        }
        guarded.file().changeStatus(status);
        files.saveAndFlush(guarded.file());
        return render(caller, guarded);
    }

    /**
     * The change history of a case file: for its organisation's staff who may see it (assignees and
     * supervisors). The defender sees their case file's status, not its working history (which
     * staff changed what and when), as for referrals.
     */
    @Transactional
    List<RecordHistory.Entry> history(Caller caller, UUID id) {
        CaseFileGuard.Guarded guarded = guard.visible(id, caller);
        if (!NeedToKnow.mayReadCaseFileHistory(caller, guarded.facts(), guarded.decision())) {
            throw new NotFound();
        }
        return history.of(caller, CaseFile.class, CaseFile.ENTITY, id);
    }

    long version(UUID id) {
        return files.findById(id).map(CaseFile::version).orElseThrow(NotFound::new);
    }

    private CaseFileView render(Caller caller, CaseFileGuard.Guarded guarded) {
        CaseFile file = guarded.file();
        if (guarded.decision().allowsContent() && !guarded.defenderErased()) {
            List<CaseNote> written = notes.findByCaseFileIdOrderByWrittenAt(file.id());
            List<SealedField> fields = new ArrayList<>();
            fields.add(file.legalSummaryField());
            for (CaseNote note : written) {
                SealedField text = note.textField();
                fields.add(new SealedField("note:" + note.id(), text.value(), text.context()));
            }
            var opened = sealedFields.open(
                    caller,
                    CaseFile.ENTITY,
                    file.id().value(),
                    guarded.decision().purpose("casework"),
                    fields);
            List<CaseFileView.NoteView> views = written.stream()
                    .map(n ->
                            new CaseFileView.NoteView(n.id(), n.author(), n.writtenAt(), opened.get("note:" + n.id())))
                    .toList();
            return CaseFileView.content(
                    file,
                    incidents.linkedTo(file.id()),
                    guarded.decision().visibility(),
                    opened.get("legalSummary"),
                    views);
        }
        if (guarded.isDefender(caller)) {
            return CaseFileView.forDefender(file);
        }
        return CaseFileView.metadata(file, incidents.linkedTo(file.id()));
    }
}
