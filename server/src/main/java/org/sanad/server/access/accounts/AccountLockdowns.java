package org.sanad.server.access.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.sanad.server.access.Caller;
import org.sanad.server.access.Role;
import org.sanad.server.web.ProblemException;
import org.sanad.server.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emergency lockdown: one call makes Sanad refuse every token of an account issued
 * until now, disables the account in Keycloak and ends all its sessions.
 *
 * <p>The order is chosen so that every failure leaves the account locked rather than open. A
 * lockdown is recorded in PostgreSQL first, so that the server refuses the account's tokens even
 * when Keycloak cannot be reached; only then is Keycloak told. An unlock re-enables the Keycloak
 * user first and records the unlock last, so that a failed unlock leaves Sanad refusing the
 * account's tokens.
 */
public class AccountLockdowns {

    private static final Logger log = LoggerFactory.getLogger(AccountLockdowns.class);
    private static final Pattern KEYCLOAK_SUBJECT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int ATTEMPTS = 3;

    private final AccountLocks locks;
    private final KeycloakAccounts keycloak;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AccountLockdowns(AccountLocks locks, KeycloakAccounts keycloak, TransactionTemplate transactions, Clock clock) {
        this.locks = locks;
        this.keycloak = keycloak;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The caller locks their own account. Any authenticated caller may. */
    public Instant lockDownSelf(Caller caller) {
        return lockDown(caller.subject().value(), caller.subject().value());
    }

    /**
     * A supervisor locks an account of their own organisation.
     *
     * @throws ProblemException 404 when the account does not exist or belongs to another
     *     organisation, 403 when the caller is not a supervisor
     */
    public Instant lockDown(String subject, Caller supervisor) {
        requireSupervisorOfSameOrganisation(subject, supervisor);
        return lockDown(subject, supervisor.subject().value());
    }

    /**
     * A supervisor unlocks a locked account of their own organisation, with a written reason. The
     * account's tokens issued before the lockdown stay refused; the user logs in again.
     *
     * @throws ProblemException 404 as for a lockdown, 409 when the account is not locked, 403 when
     *     supervisors try to unlock themselves
     */
    public Instant unlock(String subject, Caller supervisor, String reason) {
        requireSupervisorOfSameOrganisation(subject, supervisor);
        if (subject.equals(supervisor.subject().value())) {
            throw new Forbidden();
        }
        AccountLock current = locks.findById(subject).orElseThrow(NotLocked::new);
        if (!current.locked()) {
            throw new NotLocked();
        }
        Instant lockedSince = current.notBefore();
        if (!keycloak.enable(subject)) {
            throw new NoSuchAccount();
        }
        Instant at = retried(() -> transactions.execute(status -> {
            AccountLock lock = locks.findById(subject).orElseThrow(NotLocked::new);
            if (!lock.locked() || !lockedSince.equals(lock.notBefore())) {
                // A new lockdown landed while Keycloak was being re-enabled: it wins.
                return null;
            }
            lock.unlock(supervisor.subject().value(), reason, clock);
            locks.save(lock);
            return clock.instant();
        }));
        if (at == null) {
            keycloak.disableAndEndSessions(subject);
            throw new NotLocked();
        }
        log.info("account {} unlocked by {}", subject, supervisor.subject());
        return at;
    }

    /**
     * Whether a token of the subject, issued at the instant, must be refused because of a lockdown.
     * Read from PostgreSQL on every call, so that a lockdown through one server replica holds on
     * every other at once.
     */
    public boolean refuses(String subject, Instant issuedAt) {
        Optional<TokenCutoff> cutoff = locks.findCutoff(subject);
        return cutoff.isPresent() && cutoff.get().refuses(issuedAt);
    }

    private Instant lockDown(String subject, String by) {
        Instant notBefore = retried(() -> transactions.execute(status -> {
            AccountLock lock = locks.findById(subject).orElseGet(() -> AccountLock.of(subject));
            lock.lockDown(by, clock);
            locks.save(lock);
            return lock.notBefore();
        }));
        log.info("account {} locked down by {}", subject, by);
        try {
            keycloak.disableAndEndSessions(subject);
        } catch (IdentityProviderUnavailable e) {
            log.warn("account {} is locked in Sanad but Keycloak was not updated", subject);
            throw new LockdownIncomplete();
        }
        return notBefore;
    }

    private void requireSupervisorOfSameOrganisation(String subject, Caller caller) {
        if (!caller.has(Role.SUPERVISOR)) {
            throw new Forbidden();
        }
        if (subject == null || !KEYCLOAK_SUBJECT.matcher(subject).matches()) {
            throw new NoSuchAccount();
        }
        // An account of another organisation answers exactly like one that does not exist.
        Optional<String> organisation = keycloak.organisationOf(subject);
        if (organisation.isEmpty()
                || !organisation.get().equals(caller.organisation().value())) {
            throw new NoSuchAccount();
        }
    }

    /** Concurrent lockdowns of one account race on its row; the loser simply tries again. */
    private static <T> T retried(Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    static final class NoSuchAccount extends ProblemException {
        NoSuchAccount() {
            super(Problems.of(HttpStatus.NOT_FOUND));
        }
    }

    static final class Forbidden extends ProblemException {
        Forbidden() {
            super(Problems.of(HttpStatus.FORBIDDEN));
        }
    }

    /** The lockdown holds in Sanad, but Keycloak could not be told: the caller should try again. */
    static final class LockdownIncomplete extends ProblemException {
        LockdownIncomplete() {
            super(Problems.of(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "lockdown-incomplete",
                    "Sanad now refuses the account's tokens, but the identity provider could not be"
                            + " reached to disable the account; try again"));
        }
    }
}
