package org.sanad.server.access.accounts;

import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface AccountLocks extends Repository<AccountLock, String> {

    Optional<AccountLock> findById(String subject);

    AccountLock save(AccountLock lock);

    /** What token validation needs, in one primary-key read and without loading the history. */
    @Query("select new org.sanad.server.access.accounts.TokenCutoff(l.notBefore, l.locked)"
            + " from AccountLock l where l.subject = :subject")
    Optional<TokenCutoff> findCutoff(@Param("subject") String subject);
}
