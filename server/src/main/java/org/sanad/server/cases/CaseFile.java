package org.sanad.server.cases;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.sanad.crypto.EncryptionContext;
import org.sanad.server.access.BreakGlassGrants;
import org.sanad.server.common.identity.CaseFileId;
import org.sanad.server.common.identity.Columns;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.defenders.DefenderWorkChanged;
import org.sanad.server.encryption.Sealed;
import org.sanad.server.encryption.SealedField;
import org.sanad.server.encryption.Sealer;
import org.sanad.server.web.ProblemException.Conflict;
import org.springframework.data.domain.AbstractAggregateRoot;

/** A case file and the rules of its life: who works on it, what state it is in. */
@Entity
@Table(name = "case_files")
@Audited(withModifiedFlag = true)
class CaseFile extends AbstractAggregateRoot<CaseFile> {

    static final String ENTITY = "case-file";

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false, unique = true)
    private String reference;

    @Column(nullable = false, updatable = false)
    private DefenderId defenderId;

    @Column(nullable = false, updatable = false)
    private OrganisationId organisation;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_file_assignees", joinColumns = @JoinColumn(name = "case_file_id"))
    @Column(name = "subject", nullable = false)
    @Convert(converter = Columns.Subjects.class)
    private Set<Subject> assignees = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;

    private Sealed legalSummary;

    private LocalDate nextActionOn;

    @Column(nullable = false, updatable = false)
    private Subject openedBy;

    @Column(nullable = false, updatable = false)
    private Instant openedAt;

    @Version
    private long version;

    protected CaseFile() {}

    static CaseFile open(
            CaseFileId id,
            String reference,
            DefenderId defenderId,
            OrganisationId organisation,
            Subject openedBy,
            Instant at,
            String legalSummary,
            LocalDate nextActionOn,
            Sealer sealer) {
        var file = new CaseFile();
        file.id = id.value();
        file.reference = Objects.requireNonNull(reference);
        file.defenderId = Objects.requireNonNull(defenderId);
        file.organisation = Objects.requireNonNull(organisation);
        file.openedBy = Objects.requireNonNull(openedBy);
        file.openedAt = at;
        file.assignees.add(openedBy);
        file.status = CaseStatus.OPEN;
        file.legalSummary = sealer.seal(file.context("legalSummary"), legalSummary);
        file.nextActionOn = nextActionOn;
        file.registerEvent(new BreakGlassGrants.Target(ENTITY, file.id, file.organisation, file.defenderId));
        file.staffChanged();
        return file;
    }

    void assign(Subject subject) {
        requireNotClosed();
        assignees.add(Objects.requireNonNull(subject));
        staffChanged();
    }

    /** Writes a note; the caller must be an assignee (checked by need-to-know before). */
    CaseNote writeNote(UUID noteId, Subject author, Instant at, String text, Sealer sealer) {
        requireNotClosed();
        return CaseNote.write(noteId, this, author, at, text, sealer);
    }

    void changeStatus(CaseStatus next) {
        boolean allowed =
                switch (status) {
                    case OPEN -> next == CaseStatus.ACTIVE || next == CaseStatus.CLOSED;
                    case ACTIVE -> next == CaseStatus.CLOSED;
                    case CLOSED -> next == CaseStatus.OPEN;
                };
        if (!allowed) {
            throw new Conflict("invalid-transition", "The case file cannot move to that status from its current one");
        }
        status = next;
        staffChanged();
    }

    /** Its assignees work with the defender while it is not closed, and on its reports always. */
    private void staffChanged() {
        registerEvent(new DefenderWorkChanged(defenderId, id, assignees, status != CaseStatus.CLOSED));
    }

    void reschedule(LocalDate next) {
        requireNotClosed();
        nextActionOn = next;
    }

    private void requireNotClosed() {
        if (status == CaseStatus.CLOSED) {
            throw new Conflict("case-closed", "The case file is closed");
        }
    }

    EncryptionContext context(String field) {
        return new EncryptionContext(organisation.value(), ENTITY, field, id, defenderId.value());
    }

    SealedField legalSummaryField() {
        return new SealedField("legalSummary", legalSummary, context("legalSummary"));
    }

    public CaseFileId id() {
        return new CaseFileId(id);
    }

    public String reference() {
        return reference;
    }

    public DefenderId defenderId() {
        return defenderId;
    }

    public OrganisationId organisation() {
        return organisation;
    }

    public Set<Subject> assignees() {
        return Set.copyOf(assignees);
    }

    public CaseStatus status() {
        return status;
    }

    LocalDate nextActionOn() {
        return nextActionOn;
    }

    Instant openedAt() {
        return openedAt;
    }

    long version() {
        return version;
    }

    List<Subject> sortedAssignees() {
        return assignees.stream().sorted(Comparator.comparing(Subject::value)).toList();
    }

    @Override
    public String toString() {
        return "CaseFile[" + id + "]";
    }
}
