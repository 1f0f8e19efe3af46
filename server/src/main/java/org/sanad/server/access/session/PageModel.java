package org.sanad.server.access.session;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.sanad.server.access.Caller;
import org.sanad.server.access.Callers;
import org.sanad.server.access.Role;
import org.sanad.server.web.PageController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout of every page needs: who is signed in (roles only), this page's path, the quick exit. */
@ControllerAdvice(annotations = PageController.class)
class PageModel {

    /**
     * The signed-in user as the layout shows them: which menu, never a name.
     *
     * @param signedIn whether anyone is signed in
     * @param defender a defender (their own pages)
     * @param staff a caseworker or supervisor
     * @param supervisor a supervisor
     */
    record Viewer(boolean signedIn, boolean defender, boolean staff, boolean supervisor) {

        static Viewer of(Caller caller) {
            if (caller == null) {
                return new Viewer(false, false, false, false);
            }
            return new Viewer(
                    true,
                    caller.has(Role.DEFENDER),
                    caller.has(Role.CASEWORKER) || caller.has(Role.SUPERVISOR),
                    caller.has(Role.SUPERVISOR));
        }
    }

    private final SessionProperties properties;

    PageModel(SessionProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        return Viewer.of(Callers.find().orElse(null));
    }

    /** The path of this page (ids only, never a query), for the language switch. */
    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        // An error page switches the language of the page that failed, not of /error.
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
                ? failed
                : request.getRequestURI();
        return uri.substring(Math.min(request.getContextPath().length(), uri.length()));
    }

    @ModelAttribute("quickExit")
    URI quickExit() {
        return properties.quickExit();
    }
}
