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
import org.sanad.server.access.BreakGlassGrants;
import org.sanad.server.common.identity.CaseFileId;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.ReferralId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.encryption.Sealed;
import org.sanad.server.encryption.SealedField;
import org.sanad.server.encryption.Sealer;
import org.sanad.server.web.ProblemException.Conflict;
import org.springframework.data.domain.AbstractAggregateRoot;

/** A referral to another organisation, and the rules of its life. */
@Entity
@Table(name = "referrals")
@Audited(withModifiedFlag = true)
class Referral extends AbstractAggregateRoot<Referral> {

    static final String ENTITY = "referral";

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private CaseFileId caseFileId;

    @Column(nullable = false, updatable = false)
    private DefenderId defenderId;

    @Column(nullable = false, updatable = false)
    private OrganisationId fromOrganisation;

    @Column(nullable = false, updatable = false)
    private OrganisationId toOrganisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReferralService service;

    @Column(nullable = false, updatable = false)
    private LocalDate consentGivenOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ConsentMethod consentHow;

    @Column(nullable = false, updatable = false)
    private Subject consentRecordedBy;

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
    private Subject createdBy;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private Subject decidedBy;

    private Instant decidedAt;

    @Version
    private long version;

    protected Referral() {}

    /** A new referral, pending; the defender's consent is part of it or it does not exist. */
    static Referral refer(
            ReferralId id,
            CaseFileId caseFileId,
            DefenderId defenderId,
            OrganisationId fromOrganisation,
            OrganisationId toOrganisation,
            ReferralService service,
            Consent consent,
            Set<SharedField> shared,
            String reason,
            LocalDate expiresOn,
            Subject by,
            Instant at,
            Sealer sealer) {
        if (fromOrganisation.equals(toOrganisation)) {
            throw new Conflict("same-organisation", "A referral goes to another organisation");
        }
        if (shared.isEmpty()) {
            throw new Conflict("nothing-shared", "A referral shares at least one field");
        }
        var referral = new Referral();
        referral.id = id.value();
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
        referral.registerEvent(
                new BreakGlassGrants.Target(ENTITY, referral.id, referral.fromOrganisation, referral.defenderId));
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

    void accept(Subject by, Instant at, LocalDate today) {
        move(today, ReferralStatus.ACCEPTED, by, at, ReferralStatus.PENDING);
    }

    void decline(Subject by, Instant at, LocalDate today) {
        move(today, ReferralStatus.DECLINED, by, at, ReferralStatus.PENDING);
    }

    void withdraw(Subject by, Instant at, LocalDate today) {
        move(today, ReferralStatus.WITHDRAWN, by, at, ReferralStatus.PENDING, ReferralStatus.ACCEPTED);
    }

    void close(Subject by, Instant at, LocalDate today) {
        move(today, ReferralStatus.CLOSED, by, at, ReferralStatus.ACCEPTED, ReferralStatus.DECLINED);
    }

    private void move(LocalDate today, ReferralStatus next, Subject by, Instant at, ReferralStatus... from) {
        ReferralStatus current = statusOn(today);
        if (!Set.of(from).contains(current)) {
            throw new Conflict("invalid-transition", "The referral cannot make that move from its current status");
        }
        status = next;
        decidedBy = by;
        decidedAt = at;
    }

    private EncryptionContext context(String field) {
        return new EncryptionContext(fromOrganisation.value(), ENTITY, field, id, defenderId.value());
    }

    SealedField reasonField() {
        return new SealedField("reason", reason, context("reason"));
    }

    public ReferralId id() {
        return new ReferralId(id);
    }

    CaseFileId caseFileId() {
        return caseFileId;
    }

    DefenderId defenderId() {
        return defenderId;
    }

    OrganisationId fromOrganisation() {
        return fromOrganisation;
    }

    OrganisationId toOrganisation() {
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
