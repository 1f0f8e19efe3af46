package org.sanad.server.access.breakglass;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.sanad.crypto.EncryptionContext;
import org.sanad.server.access.BreakGlassGrants;
import org.sanad.server.access.Caller;
import org.sanad.server.access.Role;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.GrantId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.encryption.Sealed;
import org.sanad.server.encryption.SealedField;
import org.sanad.server.encryption.Sealer;

/**
 * One break-glass grant: one supervisor, one record, a sealed written reason, and an end. A grant
 * is never changed or deleted; it is active while {@code expiresAt} is in the future and ends by
 * itself, with no job to run.
 */
@Entity
@Table(name = "break_glass_grants")
class BreakGlassGrant {

    static final String ENTITY = "break-glass-grant";

    /** A reason is written: at least this many characters, not counting surrounding blanks. */
    static final int MIN_REASON = 20;

    static final int MAX_REASON = 2000;
    static final int MAX_MINUTES = 60;

    /** When a request gives no duration: half of the maximum, the default a supervisor gets when they name none. */
    static final int DEFAULT_MINUTES = 30;

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private OrganisationId organisation;

    @Column(nullable = false, updatable = false)
    private Subject supervisor;

    @Column(nullable = false, updatable = false)
    private String recordType;

    @Column(nullable = false, updatable = false)
    private UUID recordId;

    @Column(nullable = false, updatable = false)
    private DefenderId defenderId;

    @Column(nullable = false, updatable = false)
    private Sealed reason;

    @Column(nullable = false, updatable = false)
    private Instant grantedAt;

    @Column(nullable = false, updatable = false)
    private Instant expiresAt;

    protected BreakGlassGrant() {}

    /**
     * Grants a supervisor the content of one record of their own organisation, from now for the
     * given duration, with the reason sealed under the record's defender's key.
     *
     * @throws IllegalArgumentException if the caller is not a supervisor of the record's
     *     organisation, the reason is not written, or the duration is outside 1 to 60 minutes
     *     (the service checks all of these first and answers with a problem)
     */
    static BreakGlassGrant grant(
            GrantId id,
            Caller supervisor,
            BreakGlassGrants.Target target,
            String reason,
            Duration duration,
            Instant now,
            Sealer sealer) {
        if (!supervisor.has(Role.SUPERVISOR) || !supervisor.organisation().equals(target.organisation())) {
            throw new IllegalArgumentException("only a supervisor of the record's organisation breaks glass");
        }
        if (!isWritten(reason)) {
            throw new IllegalArgumentException("a break-glass reason must be written");
        }
        if (duration.compareTo(Duration.ofMinutes(1)) < 0 || duration.compareTo(Duration.ofMinutes(MAX_MINUTES)) > 0) {
            throw new IllegalArgumentException("a break-glass grant lasts 1 to 60 minutes");
        }
        var grant = new BreakGlassGrant();
        grant.id = id.value();
        grant.organisation = target.organisation();
        grant.supervisor = supervisor.subject();
        grant.recordType = target.recordType();
        grant.recordId = target.recordId();
        grant.defenderId = target.defenderId();
        grant.grantedAt = now;
        grant.expiresAt = now.plus(duration);
        grant.reason = sealer.seal(grant.reasonContext(), reason.strip());
        return grant;
    }

    /** Whether a reason is written: 20 to 2000 characters once surrounding blanks are removed. */
    static boolean isWritten(String reason) {
        if (reason == null) {
            return false;
        }
        String stripped = reason.strip();
        int length = stripped.codePointCount(0, stripped.length());
        return length >= MIN_REASON && length <= MAX_REASON;
    }

    boolean isActiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    /** The sealed reason, for opening by a supervisor of the organisation. */
    SealedField reasonField() {
        return new SealedField("reason", reason, reasonContext());
    }

    private EncryptionContext reasonContext() {
        return new EncryptionContext(organisation.value(), ENTITY, "reason", id, defenderId.value());
    }

    GrantId id() {
        return new GrantId(id);
    }

    OrganisationId organisation() {
        return organisation;
    }

    Subject supervisor() {
        return supervisor;
    }

    String recordType() {
        return recordType;
    }

    UUID recordId() {
        return recordId;
    }

    DefenderId defenderId() {
        return defenderId;
    }

    Instant grantedAt() {
        return grantedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "BreakGlassGrant[" + id + "]";
    }
}
