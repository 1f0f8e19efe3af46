package org.sanad.server.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * One Envers revision: who (token subject, organisation, client), which request and why. It
 * holds no names, emails or IP addresses.
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

    protected Revision() {}

    void stamp(String subject, String organisation, String clientId, String requestId, String purpose) {
        this.subject = subject;
        this.organisation = organisation;
        this.clientId = clientId;
        this.requestId = requestId;
        this.purpose = purpose;
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

    public String purpose() {
        return purpose;
    }
}
