package org.sanad.server.defenders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.sanad.server.access.Caller;
import org.sanad.server.web.ProblemException.BadRequest;
import org.sanad.server.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/defenders")
class DefenderController {

    private final DefenderManagement defenders;

    DefenderController(DefenderManagement defenders) {
        this.defenders = defenders;
    }

    @PostMapping
    ResponseEntity<DefenderView> create(Caller caller, @Valid @RequestBody DefenderRequests.Create request) {
        DefenderView view = defenders.register(caller, request.profile());
        return Versions.created("/api/defenders/" + view.id(), view);
    }

    @GetMapping("/{id}")
    ResponseEntity<DefenderView> get(Caller caller, @PathVariable UUID id) {
        return Versions.ok(defenders.view(caller, id));
    }

    @PatchMapping("/{id}")
    ResponseEntity<DefenderView> change(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DefenderRequests.Change request) {
        long expected = Versions.required(ifMatch);
        return Versions.ok(defenders.change(caller, id, expected, request.profile()));
    }

    @GetMapping
    List<DefenderManagement.DefenderHit> search(
            Caller caller,
            @RequestParam(required = false) @Size(max = 254) String name,
            @RequestParam(required = false) @Size(max = 40) @Pattern(regexp = DefenderRequests.PHONE) @PhoneNumber
                    String phone,
            @RequestParam(required = false) @Size(max = 254) String email) {
        int given = (name == null ? 0 : 1) + (phone == null ? 0 : 1) + (email == null ? 0 : 1);
        if (given != 1) {
            throw new BadRequest("search-parameter", "Give exactly one of name, phone or email");
        }
        if (name != null) {
            return defenders.search(caller, "legalName", name);
        }
        return phone != null ? defenders.search(caller, "phone", phone) : defenders.search(caller, "email", email);
    }

    @GetMapping("/{id}/history")
    List<org.sanad.server.audit.RecordHistory.Entry> history(Caller caller, @PathVariable UUID id) {
        return defenders.history(caller, id);
    }

    /** How the defender asked for their data to be erased. */
    enum RequestChannel {
        IN_PERSON,
        PHONE,
        VIDEO_CALL,
        WRITTEN,
        SECURE_MESSAGE
    }

    /**
     * Erasure happens only after the defender asked: the supervisor states when and how, and that
     * statement is recorded with the erasure.
     */
    @DeleteMapping("/{id}/personal-data")
    ResponseEntity<Void> erase(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam LocalDate requestedOn,
            @RequestParam RequestChannel how) {
        if (requestedOn.isAfter(LocalDate.now())) {
            throw new BadRequest("request-in-future", "requestedOn cannot be in the future");
        }
        defenders.erase(caller, id, "erasure requested by the defender on " + requestedOn + " (" + how + ")");
        return ResponseEntity.noContent().build();
    }
}
