package org.sanad.server.referrals;

import java.util.List;
import java.util.UUID;
import org.sanad.server.common.identity.DefenderId;
import org.springframework.data.jpa.repository.JpaRepository;

interface Referrals extends JpaRepository<Referral, UUID> {

    List<Referral> findByDefenderIdOrderByCreatedAtDesc(DefenderId defenderId);
}
