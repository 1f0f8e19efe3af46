package org.sanad.server.access.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.sanad.server.access.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LockdownController {

    record Locked(String subject, String status, Instant notBefore) {
        Locked(String subject, Instant notBefore) {
            this(subject, "LOCKED", notBefore);
        }
    }

    record UnlockRequest(@NotNull @NotBlank @Size(min = 20, max = 2000) String reason) {
        @Override
        public String toString() {
            return "UnlockRequest[reason=[redacted]]";
        }
    }

    record Unlocked(String subject, String status, Instant at) {
        Unlocked(String subject, Instant at) {
            this(subject, "UNLOCKED", at);
        }
    }

    private final AccountLockdowns lockdowns;

    LockdownController(AccountLockdowns lockdowns) {
        this.lockdowns = lockdowns;
    }

    @PostMapping("/api/me/lockdown")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Locked lockDownMe(Caller caller) {
        return new Locked(caller.subject().value(), lockdowns.lockDownSelf(caller));
    }

    @PostMapping("/api/users/{subject}/lockdown")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Locked lockDown(Caller caller, @PathVariable String subject) {
        return new Locked(subject, lockdowns.lockDown(subject, caller));
    }

    @PostMapping("/api/users/{subject}/unlock")
    Unlocked unlock(Caller caller, @PathVariable String subject, @Valid @RequestBody UnlockRequest request) {
        return new Unlocked(subject, lockdowns.unlock(subject, caller, request.reason()));
    }
}
