package org.sanad.server.defenders;

import java.util.Optional;
import java.util.UUID;
import org.sanad.server.common.identity.Subject;
import org.springframework.data.jpa.repository.JpaRepository;

interface Defenders extends JpaRepository<Defender, UUID> {

    boolean existsByPseudonym(String pseudonym);

    Optional<Defender> findByKeycloakSubject(Subject keycloakSubject);
}
