package org.sanad.server.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records what a crypto-shredding destroyed, in the erasing transaction; the chain then covers it. */
@Service
public class Tombstones {

    private final JdbcTemplate jdbc;

    Tombstones(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            UUID defenderId, String organisation, List<Integer> destroyedVersions, String digest, Instant at) {
        jdbc.update(
                "insert into tombstones (defender_id, organisation, destroyed_versions, digest, destroyed_at) values (?, ?, ?, ?, ?)",
                defenderId,
                organisation,
                destroyedVersions.toArray(Integer[]::new),
                digest,
                Timestamp.from(at));
    }
}
