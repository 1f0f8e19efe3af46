package org.sanad.server.cases;

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
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.sanad.crypto.EncryptionContext;
import org.sanad.server.defenders.DefenderWorkChanged;
import org.sanad.server.encryption.Sealed;
import org.sanad.server.encryption.SealedField;
import org.sanad.server.encryption.Sealer;
import org.sanad.server.web.Conflict;
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
    private UUID defenderId;

    @Column(nullable = false, updatable = false)
    private String organisation;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_file_assignees", joinColumns = @JoinColumn(name = "case_file_id"))
    @Column(name = "subject", nullable = false)
    private Set<String> assignees = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;

    private Sealed legalSummary;

    private LocalDate nextActionOn;

    @Column(nullable = false, updatable = false)
    private String openedBy;

    @Column(nullable = false, updatable = false)
    private Instant openedAt;

    @Version
    private long version;

    protected CaseFile() {}

    static CaseFile open(
            UUID id,
            String reference,
            UUID defenderId,
            String organisation,
            String openedBy,
            Instant at,
            String legalSummary,
            LocalDate nextActionOn,
            Sealer sealer) {
        var file = new CaseFile();
        file.id = Objects.requireNonNull(id);
        file.reference = Objects.requireNonNull(reference);
        file.defenderId = Objects.requireNonNull(defenderId);
        file.organisation = Objects.requireNonNull(organisation);
        file.openedBy = Objects.requireNonNull(openedBy);
        file.openedAt = at;
        file.assignees.add(openedBy);
        file.status = CaseStatus.OPEN;
        file.legalSummary = sealer.seal(file.context("legalSummary"), legalSummary);
        file.nextActionOn = nextActionOn;
        file.staffChanged();
        return file;
    }

    void assign(String subject) {
        requireNotClosed();
        assignees.add(Objects.requireNonNull(subject));
        staffChanged();
    }

    /** Writes a note; the caller must be an assignee (checked by need-to-know before). */
    CaseNote writeNote(UUID noteId, String author, Instant at, String text, Sealer sealer) {
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
        return new EncryptionContext(organisation, ENTITY, field, id, defenderId);
    }

    SealedField legalSummaryField() {
        return new SealedField("legalSummary", legalSummary, context("legalSummary"));
    }

    public UUID id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public UUID defenderId() {
        return defenderId;
    }

    public String organisation() {
        return organisation;
    }

    public Set<String> assignees() {
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

    List<String> sortedAssignees() {
        return assignees.stream().sorted().toList();
    }

    @Override
    public String toString() {
        return "CaseFile[" + id + "]";
    }
}
