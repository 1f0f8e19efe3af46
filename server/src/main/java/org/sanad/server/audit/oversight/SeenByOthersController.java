package org.sanad.server.audit.oversight;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.sanad.server.access.Caller;
import org.sanad.server.common.PageOf;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "Who has seen my file", for the defender's own client: {@code GET /api/me/access-log}. */
@RestController
class SeenByOthersController {

    private final SeenByOthers seen;

    SeenByOthersController(SeenByOthers seen) {
        this.seen = seen;
    }

    @GetMapping("/api/me/access-log")
    PageOf<SeenByOthers.Seen> seen(
            Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return seen.of(caller, page, size);
    }
}
