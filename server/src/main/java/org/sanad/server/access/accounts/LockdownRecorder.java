package org.sanad.server.access.accounts;

import java.util.List;
import java.util.UUID;
import org.sanad.server.access.Callers;
import org.sanad.server.audit.AccessEvent;
import org.sanad.server.audit.AccessLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Puts lockdowns and unlocks into the access log, in the transaction that records them (the
 * events are published when the lock is saved), so that they are on the tamper-evident chain.
 * The actor is the one the event names; the unlock reason is free text and is not copied.
 */
@Component
class LockdownRecorder {

    private final AccessLog accessLog;

    LockdownRecorder(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @EventListener
    void on(AccountLockedDown event) {
        String purpose = event.subject().equals(event.by()) ? "self-lockdown" : "lockdown";
        accessLog.recordAs(
                event.by(),
                organisationOfCaller(),
                new AccessEvent(AccessEvent.Action.LOCKDOWN, "account", account(event.subject()), List.of(), purpose));
    }

    @EventListener
    void on(AccountUnlocked event) {
        accessLog.recordAs(
                event.by(),
                organisationOfCaller(),
                new AccessEvent(AccessEvent.Action.LOCKDOWN, "account", account(event.subject()), List.of(), "unlock"));
    }

    /** Lockdowns come from requests; one made outside a request names no organisation. */
    private static String organisationOfCaller() {
        try {
            return Callers.current().organisation().value();
        } catch (AuthenticationCredentialsNotFoundException e) {
            return "system";
        }
    }

    /** Keycloak subjects are UUIDs; anything else is not logged under a record id. */
    private static UUID account(String subject) {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
