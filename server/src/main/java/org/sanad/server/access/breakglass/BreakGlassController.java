package org.sanad.server.access.breakglass;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.sanad.server.access.Caller;
import org.sanad.server.common.PageOf;
import org.sanad.server.web.ProblemException.BadRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/break-glass")
class BreakGlassController {

    private final BreakGlass breakGlass;

    BreakGlassController(BreakGlass breakGlass) {
        this.breakGlass = breakGlass;
    }

    /**
     * A request for break-glass access.
     *
     * @param record the one record (defender profile, incident report, case file or referral)
     * @param reason why, in writing: 20 to 2000 characters; sealed, never logged
     * @param minutes how long, 1 to 60; 30 when not given
     */
    record Request(@NotNull UUID record, @NotNull String reason, @Min(1) @Max(60) Integer minutes) {

        @Override
        public String toString() {
            return "Request[" + record + ", reason=[redacted]]";
        }
    }

    @PostMapping
    ResponseEntity<GrantView> grant(Caller caller, @Valid @RequestBody Request request) {
        if (!BreakGlassGrant.isWritten(request.reason())) {
            throw new BadRequest("break-glass-reason", "A break-glass reason must be written: 20 to 2000 characters");
        }
        int minutes = request.minutes() == null ? BreakGlassGrant.DEFAULT_MINUTES : request.minutes();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(breakGlass.grant(caller, request.record(), request.reason(), minutes));
    }

    @GetMapping
    PageOf<GrantView> list(
            Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return breakGlass.list(caller, page, size);
    }
}
