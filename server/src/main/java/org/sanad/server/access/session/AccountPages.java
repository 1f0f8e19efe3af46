package org.sanad.server.access.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import org.sanad.server.access.Caller;
import org.sanad.server.access.Callers;
import org.sanad.server.access.Role;
import org.sanad.server.access.accounts.AccountLockdowns;
import org.sanad.server.web.PageController;
import org.sanad.server.web.ProblemException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages every user has: the front door, signed out, quick exit and "lock my account now". */
@PageController
class AccountPages {

    private static final Set<String> ENDINGS = Set.of("locked", "expired", "refused", "exit");

    private final AccountLockdowns lockdowns;
    private final SessionProperties properties;

    AccountPages(AccountLockdowns lockdowns, SessionProperties properties) {
        this.lockdowns = lockdowns;
        this.properties = properties;
    }

    /** Signed out: the sign-in button. Signed in: the user's own start page. */
    @GetMapping("/")
    String home() {
        Caller caller = Callers.find().orElse(null);
        if (caller == null) {
            return "account/welcome";
        }
        if (caller.has(Role.DEFENDER)) {
            return "redirect:/me";
        }
        if (caller.has(Role.CASEWORKER) || caller.has(Role.SUPERVISOR)) {
            return "redirect:/staff/reports";
        }
        return "account/no-pages";
    }

    @GetMapping("/signed-out")
    String signedOut(@RequestParam(required = false) String reason, Model model) {
        model.addAttribute("reason", reason != null && ENDINGS.contains(reason) ? reason : "signed-out");
        return "account/signed-out";
    }

    /**
     * Quick exit: ends the session here and leaves for the neutral page. Reached by a plain link
     * (which the script replaces in the history), so it works without JavaScript; a GET on
     * purpose, since at worst a forged one signs someone out.
     */
    @GetMapping("/exit")
    String exit(HttpServletRequest request) {
        end(request);
        return "redirect:" + properties.quickExit();
    }

    @GetMapping("/account/lockdown")
    String confirmLockdown() {
        return "account/lockdown";
    }

    /** Emergency lockdown of one's own account, after one confirmation: the session ends with it. */
    @PostMapping("/account/lockdown")
    String lockDown(Caller caller, HttpServletRequest request) {
        try {
            lockdowns.lockDownSelf(caller);
        } catch (ProblemException e) {
            // Recorded in Sanad, which refuses the account from now on, but Keycloak could not be
            // told: the lock holds for Sanad either way, so the session ends as for any lockdown.
            if (e.problem().getStatus() < 500) {
                throw e;
            }
        }
        end(request);
        return "redirect:/signed-out?reason=locked";
    }

    private static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }
}
