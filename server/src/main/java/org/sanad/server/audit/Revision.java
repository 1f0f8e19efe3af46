package org.sanad.server.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;
import org.sanad.server.access.Caller;
import org.sanad.server.access.NeedToKnow.Visibility;

/**
 * One Envers revision: who (token subject, organisation, client), which request and why (the
 * break-glass grant it was made through, if any). It holds no names, emails or IP addresses.
 */
@Entity
@Table(name = "revisions")
@RevisionEntity(RevisionStamp.class)
public class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    private long id;

    @RevisionTimestamp
    @Column(name = "at_millis", nullable = false)
    private long timestamp;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String organisation;

    private String clientId;

    private String requestId;

    private String purpose;

    private UUID breakGlassGrant;

    protected Revision() {}

    /** Who changed what, in which request, and through which break-glass grant if any. */
    void stamp(Caller caller, String requestId, UUID breakGlassGrant) {
        subject = caller.subject().value();
        organisation = caller.organisation().value();
        clientId = caller.clientId();
        this.requestId = requestId;
        purpose = breakGlassGrant == null ? null : Visibility.BREAK_GLASS_PURPOSE;
        this.breakGlassGrant = breakGlassGrant;
    }

    public long id() {
        return id;
    }

    public Instant at() {
        return Instant.ofEpochMilli(timestamp);
    }

    public String subject() {
        return subject;
    }

    public String organisation() {
        return organisation;
    }

    public String clientId() {
        return clientId;
    }

    public String requestId() {
        return requestId;
    }

    /** Null for ordinary work; {@code break-glass} for changes made through a break-glass grant. */
    public String purpose() {
        return purpose;
    }

    /** The break-glass grant the changes were made through, or null. */
    public UUID breakGlassGrant() {
        return breakGlassGrant;
    }
}
