package org.sanad.server.cases;

import org.sanad.server.access.Caller;
import org.sanad.server.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The defender's view of their case files: reference, status and next step, never the notes. */
@PageController
class CaseFilePages {

    private final CaseFileManagement files;

    CaseFilePages(CaseFileManagement files) {
        this.files = files;
    }

    @GetMapping("/me/cases")
    String myCases(Caller caller, Model model) {
        model.addAttribute("cases", files.mine(caller));
        return "me/cases";
    }
}
