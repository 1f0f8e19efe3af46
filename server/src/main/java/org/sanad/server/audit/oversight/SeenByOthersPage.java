package org.sanad.server.audit.oversight;

import org.sanad.server.access.Caller;
import org.sanad.server.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Who has seen my file", the page: the same entries as {@code GET /api/me/access-log}. */
@PageController
class SeenByOthersPage {

    private final SeenByOthers seen;

    SeenByOthersPage(SeenByOthers seen) {
        this.seen = seen;
    }

    @GetMapping("/me/seen")
    String seen(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("seen", seen.of(caller, Math.clamp(page, 0, 100_000), 20));
        return "me/seen";
    }
}
