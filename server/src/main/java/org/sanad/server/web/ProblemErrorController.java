package org.sanad.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers errors raised outside Spring MVC (the servlet container, filters) and those of pages:
 * the API's paths get the same fixed problems as everywhere in the API, every other path a calm
 * page in the user's language that names no value, exception or record.
 */
@PageController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatusCode status = HttpStatus.INTERNAL_SERVER_ERROR;
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400) {
            status = HttpStatusCode.valueOf(code);
        }
        if (!(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) || isApi(path)) {
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(status));
        }
        var page = new ModelAndView("error", status);
        page.addObject("status", known(status.value()));
        page.addObject("requestId", RequestIds.current().orElse(""));
        return page;
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator");
    }

    /** The statuses the error page has words for; any other is shown as the generic one. */
    private static int known(int status) {
        return switch (status) {
            case 400, 401, 403, 404, 405, 409, 413, 429 -> status;
            default -> 500;
        };
    }
}
