package org.sanad.server.referrals;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Referrals extends JpaRepository<Referral, UUID> {}
