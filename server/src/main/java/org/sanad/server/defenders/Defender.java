package org.sanad.server.defenders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.sanad.crypto.EncryptionContext;
import org.sanad.server.access.BreakGlassGrants;
import org.sanad.server.common.Governorate;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.encryption.Sealed;
import org.sanad.server.encryption.SealedField;
import org.sanad.server.encryption.Sealer;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A defender's profile. Identifying fields are sealed under the defender's own key, bound to
 * this row; plaintext columns are coarse enough for statistics (governorate, activity, risk).
 */
@Entity
@Table(name = "defenders")
@Audited(withModifiedFlag = true)
class Defender extends AbstractAggregateRoot<Defender> {

    static final String ENTITY = "defender";

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String pseudonym;

    @Column(nullable = false, updatable = false)
    private OrganisationId organisation;

    private Sealed legalName;
    private Sealed otherNames;
    private Sealed phone;
    private Sealed email;
    private Sealed address;
    private Sealed gender;
    private Sealed protectionNeeds;
    private Sealed emergencyContact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Governorate governorate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Activity activity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RiskLevel riskLevel;

    // Not in the history: after an erasure nothing may link the pseudonym to the person's account.
    @NotAudited
    private Subject keycloakSubject;

    @Column(nullable = false, updatable = false)
    private Subject registeredBy;

    @Column(nullable = false, updatable = false)
    private Instant registeredAt;

    private Instant erasedAt;

    @Version
    private long version;

    protected Defender() {}

    static Defender register(
            DefenderId id,
            OrganisationId organisation,
            String pseudonym,
            Subject registeredBy,
            Subject keycloakSubject,
            Instant at,
            DefenderProfile profile,
            Sealer sealer) {
        var defender = new Defender();
        defender.id = id.value();
        defender.organisation = Objects.requireNonNull(organisation);
        defender.pseudonym = Objects.requireNonNull(pseudonym);
        defender.registeredBy = Objects.requireNonNull(registeredBy);
        defender.keycloakSubject = keycloakSubject;
        defender.registeredAt = at;
        defender.governorate = Objects.requireNonNull(profile.governorate());
        defender.activity = Objects.requireNonNull(profile.activity());
        defender.riskLevel = Objects.requireNonNull(profile.riskLevel());
        defender.legalName = sealer.seal(defender.context("legalName"), Objects.requireNonNull(profile.legalName()));
        defender.otherNames =
                sealer.seal(defender.context("otherNames"), DefenderProfile.joinNames(profile.otherNames()));
        defender.phone = sealer.seal(defender.context("phone"), profile.phone());
        defender.email = sealer.seal(defender.context("email"), profile.email());
        defender.address = sealer.seal(defender.context("address"), profile.address());
        defender.gender = sealer.seal(defender.context("gender"), profile.gender());
        defender.protectionNeeds = sealer.seal(defender.context("protectionNeeds"), profile.protectionNeeds());
        defender.emergencyContact = sealer.seal(defender.context("emergencyContact"), profile.emergencyContact());
        defender.registerEvent(new BreakGlassGrants.Target(ENTITY, defender.id, defender.organisation, id));
        return defender;
    }

    /**
     * Applies the fields present in a change; absent (null) fields keep their value. Sealed values
     * are sealed anew only when given, so an untouched field keeps its exact ciphertext.
     */
    void change(DefenderProfile change, Sealer sealer) {
        requireNotErased();
        if (change.legalName() != null) {
            legalName = sealer.seal(context("legalName"), change.legalName());
        }
        if (change.otherNames() != null) {
            otherNames = sealer.seal(context("otherNames"), DefenderProfile.joinNames(change.otherNames()));
        }
        if (change.phone() != null) {
            phone = sealer.seal(context("phone"), change.phone());
        }
        if (change.email() != null) {
            email = sealer.seal(context("email"), change.email());
        }
        if (change.address() != null) {
            address = sealer.seal(context("address"), change.address());
        }
        if (change.gender() != null) {
            gender = sealer.seal(context("gender"), change.gender());
        }
        if (change.protectionNeeds() != null) {
            protectionNeeds = sealer.seal(context("protectionNeeds"), change.protectionNeeds());
        }
        if (change.emergencyContact() != null) {
            emergencyContact = sealer.seal(context("emergencyContact"), change.emergencyContact());
        }
        if (change.governorate() != null) {
            governorate = change.governorate();
        }
        if (change.activity() != null) {
            activity = change.activity();
        }
        if (change.riskLevel() != null) {
            riskLevel = change.riskLevel();
        }
    }

    /**
     * Marks the profile as erased after the defender's key was destroyed: the ciphertexts stay in
     * place as noise, and the link to the defender's account is cut.
     */
    void markErased(Instant at) {
        requireNotErased();
        erasedAt = at;
        keycloakSubject = null;
        registerEvent(new BreakGlassGrants.TargetsErased(id()));
    }

    private void requireNotErased() {
        if (erasedAt != null) {
            throw new DefenderErased();
        }
    }

    EncryptionContext context(String field) {
        return new EncryptionContext(organisation.value(), ENTITY, field, id, id);
    }

    List<SealedField> sealedFields() {
        return List.of(
                new SealedField("legalName", legalName, context("legalName")),
                new SealedField("otherNames", otherNames, context("otherNames")),
                new SealedField("phone", phone, context("phone")),
                new SealedField("email", email, context("email")),
                new SealedField("address", address, context("address")),
                new SealedField("gender", gender, context("gender")),
                new SealedField("protectionNeeds", protectionNeeds, context("protectionNeeds")),
                new SealedField("emergencyContact", emergencyContact, context("emergencyContact")));
    }

    public DefenderId id() {
        return new DefenderId(id);
    }

    public String pseudonym() {
        return pseudonym;
    }

    public OrganisationId organisation() {
        return organisation;
    }

    public Governorate governorate() {
        return governorate;
    }

    public Activity activity() {
        return activity;
    }

    public RiskLevel riskLevel() {
        return riskLevel;
    }

    public Subject keycloakSubject() {
        return keycloakSubject;
    }

    Subject registeredBy() {
        return registeredBy;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    long version() {
        return version;
    }

    @Override
    public String toString() {
        return "Defender[" + id + "]";
    }
}
