package org.sanad.server.referrals;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.sanad.crypto.EncryptionContext;
import org.sanad.server.encryption.Sealed;
import org.sanad.server.encryption.SealedField;
import org.sanad.server.encryption.Sealer;
import org.sanad.server.web.Conflict;

/** A referral to another organisation, and the rules of its life. */
@Entity
@Table(name = "referrals")
@Audited(withModifiedFlag = true)
public class Referral {

    static final String ENTITY = "referral";

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private UUID caseFileId;

    @Column(nullable = false, updatable = false)
    private UUID defenderId;

    @Column(nullable = false, updatable = false)
    private String fromOrganisation;

    @Column(nullable = false, updatable = false)
    private String toOrganisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReferralService service;

    @Column(nullable = false, updatable = false)
    private LocalDate consentGivenOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ConsentMethod consentHow;

    @Column(nullable = false, updatable = false)
    private String consentRecordedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "referral_shared_fields", joinColumns = @JoinColumn(name = "referral_id"))
    @Column(name = "field", nullable = false)
    @Enumerated(EnumType.STRING)
    private Set<SharedField> sharedFields = new HashSet<>();

    private Sealed reason;

    @Column(nullable = false, updatable = false)
    private LocalDate expiresOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferralStatus status;

    @Column(nullable = false, updatable = false)
    private String createdBy;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private String decidedBy;

    private Instant decidedAt;

    @Version
    private long version;

    protected Referral() {}

    /** A new referral, pending; the defender's consent is part of it or it does not exist. */
    static Referral refer(
            UUID id,
            UUID caseFileId,
            UUID defenderId,
            String fromOrganisation,
            String toOrganisation,
            ReferralService service,
            Consent consent,
            Set<SharedField> shared,
            String reason,
            LocalDate expiresOn,
            String by,
            Instant at,
            Sealer sealer) {
        if (fromOrganisation.equals(toOrganisation)) {
            throw new Conflict("same-organisation", "A referral goes to another organisation");
        }
        if (shared.isEmpty()) {
            throw new Conflict("nothing-shared", "A referral shares at least one field");
        }
        var referral = new Referral();
        referral.id = Objects.requireNonNull(id);
        referral.caseFileId = Objects.requireNonNull(caseFileId);
        referral.defenderId = Objects.requireNonNull(defenderId);
        referral.fromOrganisation = fromOrganisation;
        referral.toOrganisation = toOrganisation;
        referral.service = Objects.requireNonNull(service);
        referral.consentGivenOn = Objects.requireNonNull(consent.givenOn());
        referral.consentHow = Objects.requireNonNull(consent.how());
        referral.consentRecordedBy = by;
        referral.sharedFields = EnumSet.copyOf(shared);
        referral.reason = sealer.seal(referral.context("reason"), reason);
        referral.expiresOn = Objects.requireNonNull(expiresOn);
        referral.status = ReferralStatus.PENDING;
        referral.createdBy = by;
        referral.createdAt = at;
        return referral;
    }

    record Consent(LocalDate givenOn, ConsentMethod how) {}

    /** The status as of today: a live referral past its expiry date is expired. */
    ReferralStatus statusOn(LocalDate today) {
        boolean live = status == ReferralStatus.PENDING || status == ReferralStatus.ACCEPTED;
        return live && today.isAfter(expiresOn) ? ReferralStatus.EXPIRED : status;
    }

    boolean isLiveOn(LocalDate today) {
        ReferralStatus current = statusOn(today);
        return current == ReferralStatus.PENDING || current == ReferralStatus.ACCEPTED;
    }

    void accept(String by, Instant at, LocalDate today) {
        move(today, ReferralStatus.ACCEPTED, by, at, ReferralStatus.PENDING);
    }

    void decline(String by, Instant at, LocalDate today) {
        move(today, ReferralStatus.DECLINED, by, at, ReferralStatus.PENDING);
    }

    void withdraw(String by, Instant at, LocalDate today) {
        move(today, ReferralStatus.WITHDRAWN, by, at, ReferralStatus.PENDING, ReferralStatus.ACCEPTED);
    }

    void close(String by, Instant at, LocalDate today) {
        move(today, ReferralStatus.CLOSED, by, at, ReferralStatus.ACCEPTED, ReferralStatus.DECLINED);
    }

    private void move(LocalDate today, ReferralStatus next, String by, Instant at, ReferralStatus... from) {
        ReferralStatus current = statusOn(today);
        if (!Set.of(from).contains(current)) {
            throw new Conflict("invalid-transition", "The referral cannot make that move from its current status");
        }
        status = next;
        decidedBy = by;
        decidedAt = at;
    }

    private EncryptionContext context(String field) {
        return new EncryptionContext(fromOrganisation, ENTITY, field, id, defenderId);
    }

    SealedField reasonField() {
        return new SealedField("reason", reason, context("reason"));
    }

    public UUID id() {
        return id;
    }

    UUID caseFileId() {
        return caseFileId;
    }

    UUID defenderId() {
        return defenderId;
    }

    String fromOrganisation() {
        return fromOrganisation;
    }

    String toOrganisation() {
        return toOrganisation;
    }

    ReferralService service() {
        return service;
    }

    LocalDate consentGivenOn() {
        return consentGivenOn;
    }

    ConsentMethod consentHow() {
        return consentHow;
    }

    Set<SharedField> sharedFields() {
        return Set.copyOf(sharedFields);
    }

    LocalDate expiresOn() {
        return expiresOn;
    }

    Instant createdAt() {
        return createdAt;
    }

    long version() {
        return version;
    }

    @Override
    public String toString() {
        return "Referral[" + id + "]";
    }
}
