package org.sanad.server.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.sanad.server.access.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists a record's revisions: who, when, which fields changed. Values are not listed: history
 * tables hold ciphertext, and who may read a record now is decided by its module, which also
 * records the history read in the access log.
 */
@Service
public class RecordHistory {

    private final EntityManager entityManager;
    private final AccessLog accessLog;

    RecordHistory(EntityManager entityManager, AccessLog accessLog) {
        this.entityManager = entityManager;
        this.accessLog = accessLog;
    }

    /**
     * One revision of a record.
     *
     * @param revision the revision number (global, increasing)
     * @param at when it was committed
     * @param subject who made it (token subject)
     * @param organisation the organisation they acted for
     * @param requestId the request that made it
     * @param type ADD, MOD or DEL
     * @param changedFields the fields this revision changed, sorted
     * @param purpose null for ordinary work, {@code break-glass} for a change made through a grant
     * @param breakGlassGrant the grant (listed with its reason at {@code GET /api/break-glass}), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(
            long revision,
            java.time.Instant at,
            String subject,
            String organisation,
            String requestId,
            String type,
            List<String> changedFields,
            String purpose,
            UUID breakGlassGrant) {

        /** The same revision without the name of who made it (staff of another organisation). */
        public Entry withoutSubject() {
            return new Entry(
                    revision, at, null, organisation, requestId, type, changedFields, purpose, breakGlassGrant);
        }
    }

    /** The revisions of one record, oldest first; the caller must have checked need-to-know. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Entry> of(Caller caller, Class<?> entity, String recordType, UUID id) {
        accessLog.record(caller, new AccessEvent(AccessEvent.Action.HISTORY, recordType, id, List.of(), "history"));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(entityManager)
                .createQuery()
                .forRevisionsOfEntityWithChanges(entity, true)
                .add(AuditEntity.id().eq(id))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        List<Entry> entries = new ArrayList<>();
        for (Object[] row : rows) {
            Revision revision = (Revision) row[1];
            RevisionType type = (RevisionType) row[2];
            List<String> changed = new ArrayList<>();
            if (row[3] instanceof Collection<?> names) {
                names.forEach(name -> changed.add(String.valueOf(name)));
            }
            changed.sort(null);
            entries.add(new Entry(
                    revision.id(),
                    revision.at(),
                    revision.subject(),
                    revision.organisation(),
                    revision.requestId(),
                    type.name(),
                    changed,
                    revision.purpose(),
                    revision.breakGlassGrant()));
        }
        return entries;
    }
}
