package org.sanad.server.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.sanad.server.access.Caller;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.IncidentId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.web.Versions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
class CaseFileController {

    private final CaseFileManagement cases;

    CaseFileController(CaseFileManagement cases) {
        this.cases = cases;
    }

    record Open(
            @NotNull UUID defenderId,
            @NotNull @Size(min = 1, max = 50) List<@NotNull UUID> incidentIds,
            @Size(max = 20000) String legalSummary,
            LocalDate nextActionOn) {

        @Override
        public String toString() {
            return "Open[redacted]";
        }
    }

    record Assign(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+") String subject) {}

    record Note(@NotBlank @Size(max = 20000) String text) {

        @Override
        public String toString() {
            return "Note[redacted]";
        }
    }

    record StatusChange(@NotNull CaseStatus status) {}

    @PostMapping
    ResponseEntity<CaseFileView> open(Caller caller, @Valid @RequestBody Open request) {
        CaseFileView view = cases.open(
                caller,
                new DefenderId(request.defenderId()),
                request.incidentIds().stream().map(IncidentId::new).toList(),
                request.legalSummary(),
                request.nextActionOn());
        return Versions.created("/api/cases/" + view.id(), view);
    }

    @GetMapping("/{id}")
    ResponseEntity<CaseFileView> get(Caller caller, @PathVariable UUID id) {
        return Versions.ok(cases.view(caller, id));
    }

    @GetMapping("/{id}/history")
    List<org.sanad.server.audit.RecordHistory.Entry> history(Caller caller, @PathVariable UUID id) {
        return cases.history(caller, id);
    }

    @PostMapping("/{id}/assignees")
    ResponseEntity<CaseFileView> assign(Caller caller, @PathVariable UUID id, @Valid @RequestBody Assign request) {
        return Versions.ok(cases.assign(caller, id, new Subject(request.subject())));
    }

    @PostMapping("/{id}/notes")
    ResponseEntity<CaseFileView.NoteView> note(Caller caller, @PathVariable UUID id, @Valid @RequestBody Note request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(cases.addNote(caller, id, request.text()));
    }

    @PostMapping("/{id}/status")
    ResponseEntity<CaseFileView> status(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody StatusChange request) {
        return Versions.ok(cases.changeStatus(caller, id, request.status()));
    }
}
