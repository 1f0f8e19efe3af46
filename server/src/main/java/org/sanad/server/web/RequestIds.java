package org.sanad.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The id of the request being served, for audit records. */
public final class RequestIds {

    static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = RequestIds.class.getName();

    private RequestIds() {}

    static void set(HttpServletRequest request, String id) {
        request.setAttribute(ATTRIBUTE, id);
    }

    /** The current request's id, if this thread serves a request. */
    public static Optional<String> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null
                ? Optional.empty()
                : Optional.ofNullable((String) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }
}
