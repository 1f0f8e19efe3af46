package org.sanad.server.access.accounts;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * The lockdown state of one account. Tokens of the account issued before {@link
 * #notBefore()} are refused, and while the account is locked every token of it is refused, whenever
 * it was issued. A lock is never deleted; every lockdown and unlock is kept as a {@link
 * LockChange}.
 */
@Entity
@Table(name = "account_lock")
class AccountLock extends AbstractAggregateRoot<AccountLock> {

    @Id
    private String subject;

    @Column(nullable = false)
    private Instant notBefore;

    @Column(nullable = false)
    private boolean locked;

    @Version
    private Long version;

    @OneToMany(
            cascade = {CascadeType.PERSIST, CascadeType.MERGE},
            fetch = FetchType.LAZY)
    @JoinColumn(name = "subject", nullable = false, updatable = false)
    @OrderBy("at")
    private List<LockChange> changes = new ArrayList<>();

    protected AccountLock() {}

    private AccountLock(String subject) {
        this.subject = Objects.requireNonNull(subject);
    }

    /** A new, not yet locked record for an account that was never locked before. */
    static AccountLock of(String subject) {
        return new AccountLock(subject);
    }

    /**
     * Locks the account now. Locking a locked account again moves {@link #notBefore()} forward, so
     * that a repeated lockdown also refuses every token issued up to the repeat.
     */
    void lockDown(String by, Clock clock) {
        Instant now = clock.instant();
        locked = true;
        notBefore = notBefore == null || now.isAfter(notBefore) ? now : notBefore;
        changes.add(LockChange.lockdown(by, now));
        registerEvent(new AccountLockedDown(subject, by, now));
    }

    /**
     * Unlocks the account. {@link #notBefore()} stays where the lockdown put it: tokens issued
     * before the lockdown stay refused for good.
     *
     * @throws NotLocked when the account is not locked
     */
    void unlock(String by, String reason, Clock clock) {
        if (!locked) {
            throw new NotLocked();
        }
        Instant now = clock.instant();
        locked = false;
        changes.add(LockChange.unlock(by, now, reason));
        registerEvent(new AccountUnlocked(subject, by, now, reason));
    }

    String subject() {
        return subject;
    }

    boolean locked() {
        return locked;
    }

    Instant notBefore() {
        return notBefore;
    }

    List<LockChange> changes() {
        return List.copyOf(changes);
    }

    /** The events registered and not yet published (Spring Data publishes them on save). */
    List<Object> events() {
        return List.copyOf(domainEvents());
    }

    @Override
    public String toString() {
        return "AccountLock[" + subject + "]";
    }
}
