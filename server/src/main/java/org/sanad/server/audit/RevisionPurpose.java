package org.sanad.server.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.sanad.server.common.identity.GrantId;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Why the changes of the current transaction are made, when it is not ordinary casework: the
 * revision Envers writes for them carries it. Bound to the transaction, and gone
 * when it completes, so that it can never leak into another request served by the same thread.
 */
public final class RevisionPurpose {

    private static final Object KEY = new Object();

    private RevisionPurpose() {}

    /**
     * The transaction acts through the break-glass grant: its revision names the grant, whose
     * sealed reason says why (the reason itself never enters the revisions table). Outside a
     * transaction nothing can be changed, so nothing is bound.
     */
    public static void breakGlass(GrantId grant) {
        Objects.requireNonNull(grant, "grant");
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        if (TransactionSynchronizationManager.hasResource(KEY)) {
            TransactionSynchronizationManager.unbindResource(KEY);
        } else {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
        }
        TransactionSynchronizationManager.bindResource(KEY, grant.value());
    }

    /** The break-glass grant the current transaction acts through, if any. */
    static Optional<UUID> breakGlassGrant() {
        return Optional.ofNullable((UUID) TransactionSynchronizationManager.getResource(KEY));
    }
}
