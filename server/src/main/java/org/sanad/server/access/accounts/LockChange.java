package org.sanad.server.access.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One lockdown or unlock of an account: who, when and, for an unlock, why. Insert-only: the
 * application's database role may not change or delete these rows.
 */
@Entity
@Immutable
@Table(name = "account_lock_change")
class LockChange {

    enum Kind {
        LOCKDOWN,
        UNLOCK
    }

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private Instant at;

    /** Free text that may name people: kept in the database, never logged or printed. */
    @Column(updatable = false)
    private String reason;

    protected LockChange() {}

    private LockChange(Kind kind, String actor, Instant at, String reason) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.actor = actor;
        this.at = at;
        this.reason = reason;
    }

    static LockChange lockdown(String actor, Instant at) {
        return new LockChange(Kind.LOCKDOWN, actor, at, null);
    }

    static LockChange unlock(String actor, Instant at, String reason) {
        return new LockChange(Kind.UNLOCK, actor, at, reason);
    }

    Kind kind() {
        return kind;
    }

    String actor() {
        return actor;
    }

    Instant at() {
        return at;
    }

    String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "LockChange[" + id + ", " + kind + "]";
    }
}
