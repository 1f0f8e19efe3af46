package org.sanad.server.incidents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.sanad.crypto.EncryptionContext;
import org.sanad.server.access.BreakGlassGrants;
import org.sanad.server.common.Governorate;
import org.sanad.server.common.identity.CaseFileId;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.IncidentId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.defenders.DefenderWorkChanged;
import org.sanad.server.encryption.Sealed;
import org.sanad.server.encryption.SealedField;
import org.sanad.server.encryption.Sealer;
import org.sanad.server.web.ProblemException.Conflict;
import org.springframework.data.domain.AbstractAggregateRoot;

/** One incident report, from receipt through triage to a case file. */
@Entity
@Table(name = "incident_reports")
@Audited(withModifiedFlag = true)
class IncidentReport extends AbstractAggregateRoot<IncidentReport> {

    static final String ENTITY = "incident";

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private DefenderId defenderId;

    @Column(nullable = false, updatable = false)
    private OrganisationId organisation;

    @Column(nullable = false, updatable = false)
    private Subject reportedBy;

    @Column(nullable = false, updatable = false)
    private Instant reportedAt;

    @Column(nullable = false)
    private LocalDate occurredOn;

    private LocalDate occurredUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Governorate governorate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IncidentType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Severity severity;

    private Sealed perpetratorCategory;
    private Sealed narrative;
    private Sealed location;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IncidentStatus status;

    private Subject claimedBy;

    private CaseFileId caseFileId;

    @Version
    private long version;

    protected IncidentReport() {}

    static IncidentReport report(
            IncidentId id,
            DefenderId defenderId,
            OrganisationId organisation,
            Subject reportedBy,
            Instant at,
            IncidentFacts facts,
            Sealer sealer) {
        var report = new IncidentReport();
        report.id = id.value();
        report.defenderId = Objects.requireNonNull(defenderId);
        report.organisation = Objects.requireNonNull(organisation);
        report.reportedBy = Objects.requireNonNull(reportedBy);
        report.reportedAt = at;
        report.occurredOn = Objects.requireNonNull(facts.occurredOn());
        report.occurredUntil = facts.occurredUntil();
        report.governorate = Objects.requireNonNull(facts.governorate());
        report.type = Objects.requireNonNull(facts.type());
        report.severity = facts.severity() == null ? Severity.MEDIUM : facts.severity();
        report.perpetratorCategory = sealer.seal(report.context("perpetratorCategory"), facts.perpetratorCategory());
        report.narrative = sealer.seal(report.context("narrative"), facts.narrative());
        report.location = sealer.seal(report.context("location"), facts.location());
        report.status = IncidentStatus.RECEIVED;
        report.registerEvent(new BreakGlassGrants.Target(ENTITY, report.id, report.organisation, report.defenderId));
        return report;
    }

    /** Intake claims an unclaimed report: triaged (to be worked on) or closed, with a severity. */
    void triage(Subject caseworker, IncidentStatus outcome, Severity newSeverity) {
        if (status != IncidentStatus.RECEIVED || claimedBy != null) {
            throw new Conflict("incident-already-triaged", "The report was triaged already");
        }
        if (outcome != IncidentStatus.TRIAGED && outcome != IncidentStatus.CLOSED) {
            throw new Conflict("invalid-transition", "Triage ends in TRIAGED or CLOSED");
        }
        claimedBy = Objects.requireNonNull(caseworker);
        status = outcome;
        registerEvent(new DefenderWorkChanged(defenderId, id, Set.of(claimedBy), true));
        if (newSeverity != null) {
            severity = newSeverity;
        }
    }

    /** Links a triaged report to a case file; from then on it follows the case file's assignees. */
    public void linkTo(CaseFileId caseFile) {
        if (status != IncidentStatus.TRIAGED) {
            throw new Conflict("incident-not-triaged", "Only a triaged report can be linked to a case file");
        }
        caseFileId = Objects.requireNonNull(caseFile);
        status = IncidentStatus.LINKED;
    }

    EncryptionContext context(String field) {
        return new EncryptionContext(organisation.value(), ENTITY, field, id, defenderId.value());
    }

    List<SealedField> sealedFields() {
        return List.of(
                new SealedField("perpetratorCategory", perpetratorCategory, context("perpetratorCategory")),
                new SealedField("narrative", narrative, context("narrative")),
                new SealedField("location", location, context("location")));
    }

    public IncidentId id() {
        return new IncidentId(id);
    }

    public DefenderId defenderId() {
        return defenderId;
    }

    public OrganisationId organisation() {
        return organisation;
    }

    Subject reportedBy() {
        return reportedBy;
    }

    Instant reportedAt() {
        return reportedAt;
    }

    LocalDate occurredOn() {
        return occurredOn;
    }

    LocalDate occurredUntil() {
        return occurredUntil;
    }

    Governorate governorate() {
        return governorate;
    }

    IncidentType type() {
        return type;
    }

    Severity severity() {
        return severity;
    }

    public IncidentStatus status() {
        return status;
    }

    Subject claimedBy() {
        return claimedBy;
    }

    CaseFileId caseFileId() {
        return caseFileId;
    }

    long version() {
        return version;
    }

    @Override
    public String toString() {
        return "IncidentReport[" + id + "]";
    }
}
