package org.sanad.server.referrals;

import org.sanad.server.access.Caller;
import org.sanad.server.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The defender's view of their referrals: to whom, for what, since when, and where each stands. */
@PageController
class ReferralPages {

    private final ReferralManagement referrals;

    ReferralPages(ReferralManagement referrals) {
        this.referrals = referrals;
    }

    @GetMapping("/me/referrals")
    String myReferrals(Caller caller, Model model) {
        model.addAttribute("referrals", referrals.mine(caller));
        return "me/referrals";
    }
}
