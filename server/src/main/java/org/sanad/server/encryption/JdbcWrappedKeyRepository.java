package org.sanad.server.encryption;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.sanad.crypto.WrappedKeyRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wrapped data keys in PostgreSQL. The table is not audited and rows are really deleted on
 * shredding: a key that lingered in a history table would undo the erasure.
 */
class JdbcWrappedKeyRepository implements WrappedKeyRepository {

    private static final String COLUMNS =
            "purpose, organisation, owner, version, state, kek_id, kek_version, wrapped, created_at";

    private final JdbcTemplate jdbc;

    JdbcWrappedKeyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WrappedKey> versions(Purpose purpose, String organisation, UUID owner) {
        return jdbc.query(
                "select " + COLUMNS
                        + " from wrapped_keys where purpose = ? and organisation = ? and owner = ? order by version",
                JdbcWrappedKeyRepository::row,
                purpose.name(),
                organisation,
                owner);
    }

    @Override
    public void insert(WrappedKey key) {
        jdbc.update(
                "insert into wrapped_keys (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key.purpose().name(),
                key.organisation(),
                key.owner(),
                key.version(),
                key.state().name(),
                key.kekId(),
                key.kekVersion(),
                key.wrapped(),
                Timestamp.from(key.createdAt()));
    }

    @Override
    public void update(WrappedKey key) {
        jdbc.update(
                """
                update wrapped_keys set state = ?, kek_id = ?, kek_version = ?, wrapped = ?
                where purpose = ? and organisation = ? and owner = ? and version = ?
                """,
                key.state().name(),
                key.kekId(),
                key.kekVersion(),
                key.wrapped(),
                key.purpose().name(),
                key.organisation(),
                key.owner(),
                key.version());
    }

    @Override
    public int deleteAll(Purpose purpose, String organisation, UUID owner) {
        return jdbc.update(
                "delete from wrapped_keys where purpose = ? and organisation = ? and owner = ?",
                purpose.name(),
                organisation,
                owner);
    }

    @Override
    public List<WrappedKey> wrappedOtherThan(String kekId, int kekVersion, int limit) {
        return jdbc.query(
                "select " + COLUMNS
                        + " from wrapped_keys where not (kek_id = ? and kek_version = ?) order by purpose, organisation, owner, version limit ?",
                JdbcWrappedKeyRepository::row,
                kekId,
                kekVersion,
                limit);
    }

    private static WrappedKey row(ResultSet rs, int rowNum) throws SQLException {
        return new WrappedKey(
                Purpose.valueOf(rs.getString("purpose")),
                rs.getString("organisation"),
                rs.getObject("owner", UUID.class),
                rs.getInt("version"),
                State.valueOf(rs.getString("state")),
                rs.getString("kek_id"),
                rs.getInt("kek_version"),
                rs.getBytes("wrapped"),
                rs.getTimestamp("created_at").toInstant());
    }
}
