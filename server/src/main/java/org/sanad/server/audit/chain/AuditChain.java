package org.sanad.server.audit.chain;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The single writer of the audit chain. Pending entries (enqueued by triggers in the transactions
 * that wrote them) are appended in commit order; one writer at a time across all server replicas
 * (a PostgreSQL advisory lock). Every so often the head is signed as a checkpoint.
 */
@Service
class AuditChain {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private final int batch;

    private final DataSource dataSource;
    private final AuditSigningKey signingKey;
    private final AuditProperties properties;
    private final Clock clock;

    @Autowired
    AuditChain(DataSource dataSource, AuditSigningKey signingKey, AuditProperties properties, Clock clock) {
        this(dataSource, signingKey, properties, clock, 5_000);
    }

    /** For bulk loads (the verification benchmark): larger batches of pending entries. */
    AuditChain(DataSource dataSource, AuditSigningKey signingKey, AuditProperties properties, Clock clock, int batch) {
        this.batch = batch;
        this.dataSource = dataSource;
        this.signingKey = signingKey;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Appends every pending entry committed at least {@code commitLag} ago.
     *
     * @return the number of entries appended (0 when another writer holds the lock)
     */
    @Transactional
    public int appendPending() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (!tryLock(connection)) {
                return 0;
            }
            ChainFormat.prepare(connection);
            List<String> historyTables = ChainFormat.historyTables(connection);
            int total = 0;
            int appended;
            do {
                appended = appendBatch(connection, historyTables);
                total += appended;
            } while (appended == batch);
            return total;
        } catch (SQLException e) {
            throw new IllegalStateException("audit chain append failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private int appendBatch(Connection connection, List<String> historyTables) throws SQLException {
        String sql = "select p.kind, p.ref, " + ChainFormat.contentSql("p.kind", "p.ref", historyTables)
                + " as content from sanad.audit_pending p"
                + " where pg_xact_commit_timestamp(p.xmin) < clock_timestamp() - ?::interval"
                + " order by pg_xact_commit_timestamp(p.xmin), p.kind, p.ref limit " + batch;
        record Pending(String kind, long ref, String content) {}
        List<Pending> pending = new ArrayList<>();
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, properties.commitLag().toMillis() + " milliseconds");
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    pending.add(new Pending(rows.getString(1), rows.getLong(2), rows.getString(3)));
                }
            }
        }
        if (pending.isEmpty()) {
            return 0;
        }
        long seq;
        byte[] previous;
        try (var statement = connection.prepareStatement(
                        "select seq, hash from sanad.audit_chain order by seq desc limit 1");
                var rows = statement.executeQuery()) {
            if (rows.next()) {
                seq = rows.getLong(1);
                previous = rows.getBytes(2);
            } else {
                seq = 0;
                previous = ChainFormat.GENESIS;
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        try (var insert = connection.prepareStatement(
                        "insert into sanad.audit_chain (seq, kind, ref, content_digest, hash, appended_at) values (?, ?, ?, ?, ?, ?)");
                var release = connection.prepareStatement("select sanad.release_chained()")) {
            for (Pending entry : pending) {
                // An entry whose row is gone before it was chained is chained as removed content:
                // the verifier will name it. (Rows are append-only; only a superuser can do that.)
                String content = entry.content() == null ? "" : entry.content();
                byte[] digest = ChainFormat.contentDigest(entry.kind(), content);
                seq++;
                byte[] hash = ChainFormat.entryHash(previous, seq, entry.kind(), entry.ref(), digest);
                insert.setLong(1, seq);
                insert.setString(2, entry.kind());
                insert.setLong(3, entry.ref());
                insert.setBytes(4, digest);
                insert.setBytes(5, hash);
                insert.setTimestamp(6, now);
                insert.addBatch();
                previous = hash;
            }
            insert.executeBatch();
            // Only entries now in the chain leave the queue (the application cannot delete others).
            release.execute();
        }
        return pending.size();
    }

    /** Signs the current head if the newest checkpoint is older than the interval and the chain grew. */
    @Transactional
    public void checkpointIfDue() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (var statement = connection.prepareStatement(
                        "select size, signed_at from sanad.audit_checkpoints order by size desc limit 1");
                var rows = statement.executeQuery()) {
            if (rows.next()
                    && rows.getTimestamp(2)
                            .toInstant()
                            .plus(properties.checkpointInterval())
                            .isAfter(clock.instant())) {
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading checkpoints failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        checkpoint();
    }

    /** Signs the current head (size, hash, time) with the audit signing key. */
    @Transactional
    public void checkpoint() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (!tryLock(connection)) {
                return;
            }
            long size;
            byte[] head;
            try (var statement = connection.prepareStatement(
                            "select seq, hash from sanad.audit_chain order by seq desc limit 1");
                    var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return;
                }
                size = rows.getLong(1);
                head = rows.getBytes(2);
            }
            long signedAt = clock.millis();
            byte[] signature = signingKey.sign(ChainFormat.checkpointMessage(size, head, signedAt));
            try (var insert = connection.prepareStatement(
                    "insert into sanad.audit_checkpoints (size, head, signed_at, key_id, signature) values (?, ?, ?, ?, ?) on conflict (size) do nothing")) {
                insert.setLong(1, size);
                insert.setBytes(2, head);
                insert.setTimestamp(3, Timestamp.from(Instant.ofEpochMilli(signedAt)));
                insert.setString(4, signingKey.keyId());
                insert.setBytes(5, signature);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("checkpoint failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Verifies the whole chain against the server's own checkpoint key. */
    public ChainVerifier.Result verify() {
        try (Connection connection = dataSource.getConnection()) {
            return new ChainVerifier(signingKey.publicKey()).verify(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("verification failed to read the chain", e);
        }
    }

    /** The checkpoint public key, raw 32 bytes, for outside verifiers. */
    public byte[] publicKey() {
        return signingKey.publicKey();
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("select pg_try_advisory_xact_lock(7316843001)");
                var rows = statement.executeQuery()) {
            return rows.next() && rows.getBoolean(1);
        }
    }
}
