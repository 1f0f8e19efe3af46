package org.sanad.server.incidents;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.sanad.server.access.Caller;
import org.sanad.server.common.Governorate;
import org.sanad.server.common.PageOf;
import org.sanad.server.web.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/incidents")
class IncidentController {

    private final IncidentManagement incidents;

    IncidentController(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    record Report(
            UUID defenderId,
            @NotNull @PastOrPresent LocalDate occurredOn,
            @PastOrPresent LocalDate occurredUntil,
            @NotNull Governorate governorate,
            @NotNull IncidentType type,
            Severity severity,
            @Size(max = 200) String perpetratorCategory,
            @NotNull @Size(min = 1, max = 20000) String narrative,
            @Size(max = 500) String location) {

        IncidentFacts facts() {
            return new IncidentFacts(
                    occurredOn, occurredUntil, governorate, type, severity, perpetratorCategory, narrative, location);
        }

        @Override
        public String toString() {
            return "Report[redacted]";
        }
    }

    record Triage(@NotNull IncidentStatus status, Severity severity) {}

    @PostMapping
    ResponseEntity<IncidentView> report(Caller caller, @Valid @RequestBody Report request) {
        if (request.occurredUntil() != null && request.occurredUntil().isBefore(request.occurredOn())) {
            throw new org.sanad.server.web.ProblemException.BadRequest(
                    "date-range", "occurredUntil is before occurredOn");
        }
        IncidentView view = incidents.report(caller, request.defenderId(), request.facts());
        return Versions.created("/api/incidents/" + view.id(), view);
    }

    @GetMapping
    PageOf<IncidentView> list(
            Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return incidents.list(caller, page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<IncidentView> get(Caller caller, @PathVariable UUID id) {
        return Versions.ok(incidents.view(caller, id));
    }

    @GetMapping("/{id}/history")
    java.util.List<org.sanad.server.audit.RecordHistory.Entry> history(Caller caller, @PathVariable UUID id) {
        return incidents.history(caller, id);
    }

    @PostMapping("/{id}/triage")
    ResponseEntity<IncidentView> triage(Caller caller, @PathVariable UUID id, @Valid @RequestBody Triage request) {
        return Versions.ok(incidents.triage(caller, id, request.status(), request.severity()));
    }
}
