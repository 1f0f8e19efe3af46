package org.sanad.server.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.sanad.crypto.EncryptionContext;
import org.sanad.server.common.identity.CaseFileId;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.encryption.Sealed;
import org.sanad.server.encryption.SealedField;
import org.sanad.server.encryption.Sealer;

/** A staff note on a case file: sealed, never shown to the defender, never edited. */
@Entity
@Table(name = "case_notes")
@Audited(withModifiedFlag = true)
class CaseNote {

    static final String ENTITY = "case-note";

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private CaseFileId caseFileId;

    @Column(nullable = false, updatable = false)
    private DefenderId defenderId;

    @Column(nullable = false, updatable = false)
    private OrganisationId organisation;

    @Column(nullable = false, updatable = false)
    private Subject author;

    @Column(nullable = false, updatable = false)
    private Instant writtenAt;

    @Column(nullable = false, updatable = false)
    private Sealed text;

    protected CaseNote() {}

    static CaseNote write(UUID id, CaseFile file, Subject author, Instant at, String text, Sealer sealer) {
        var note = new CaseNote();
        note.id = Objects.requireNonNull(id);
        note.caseFileId = file.id();
        note.defenderId = file.defenderId();
        note.organisation = file.organisation();
        note.author = Objects.requireNonNull(author);
        note.writtenAt = at;
        note.text = sealer.seal(note.context(), Objects.requireNonNull(text));
        return note;
    }

    private EncryptionContext context() {
        return new EncryptionContext(organisation.value(), ENTITY, "text", id, defenderId.value());
    }

    SealedField textField() {
        return new SealedField("text", text, context());
    }

    UUID id() {
        return id;
    }

    Subject author() {
        return author;
    }

    Instant writtenAt() {
        return writtenAt;
    }

    @Override
    public String toString() {
        return "CaseNote[" + id + "]";
    }
}
