package org.sanad.server.audit.chain;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Recomputes the audit chain from the database and names the first entry that was changed,
 * removed or reordered, and a tail cut off behind the last signed checkpoint. Plain JDBC, so that
 * it runs from the command line against a database URL as well as inside the server. It trusts
 * nothing in the database but the rows it recomputes: the checkpoint's public key comes from
 * outside.
 */
final class ChainVerifier {

    /**
     * The outcome.
     *
     * @param intact whether everything verified
     * @param entries the entries checked
     * @param firstBadEntry the sequence number of the first bad entry, or null
     * @param problem what is wrong, naming the entry and the row it stands for; null when intact
     * @param checkpointSize the size the newest valid signed checkpoint covers (0 if none)
     * @param head hex of the last entry's hash when intact: record (entries, head) outside the
     *     database, and a later verification that finds fewer entries or another hash at that size
     *     shows a roll-back
     */
    public record Result(
            boolean intact, long entries, Long firstBadEntry, String problem, long checkpointSize, String head) {

        static Result bad(long entries, long seq, String problem, long checkpointSize) {
            return new Result(false, entries, seq, problem, checkpointSize, null);
        }
    }

    private final byte[] publicKey;

    /** @param publicKey the raw 32-byte Ed25519 public key the checkpoints must be signed with */
    public ChainVerifier(byte[] publicKey) {
        this.publicKey = publicKey.clone();
    }

    /** Verifies in one read-only transaction on the given connection. */
    public Result verify(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            connection.setReadOnly(true);
            ChainFormat.prepare(connection);
            return verifyIn(connection);
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setAutoCommit(autoCommit);
        }
    }

    private Result verifyIn(Connection connection) throws SQLException {
        List<String> historyTables = ChainFormat.historyTables(connection);
        Checkpoint checkpoint = newestValidCheckpoint(connection);
        if (checkpoint != null && checkpoint.problem != null) {
            return Result.bad(0, checkpoint.size, checkpoint.problem, 0);
        }
        long checkpointSize = checkpoint == null ? 0 : checkpoint.size;
        String sql = ChainFormat.chainWithContentSql(historyTables);
        byte[] previous = ChainFormat.GENESIS;
        MessageDigest sha = ChainFormat.sha256();
        long expected = 1;
        try (var statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(10_000);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    String kind = rows.getString(2);
                    long ref = rows.getLong(3);
                    byte[] storedDigest = rows.getBytes(4);
                    byte[] storedHash = rows.getBytes(5);
                    byte[] recomputed = rows.getBytes(6);
                    if (seq != expected) {
                        return Result.bad(
                                expected - 1,
                                expected,
                                "entry " + expected + " is missing from the chain",
                                checkpointSize);
                    }
                    if (recomputed == null) {
                        return Result.bad(
                                seq, seq, "entry " + seq + ": " + row(kind, ref) + " was removed", checkpointSize);
                    }
                    if (!MessageDigest.isEqual(recomputed, storedDigest)) {
                        return Result.bad(
                                seq, seq, "entry " + seq + ": " + row(kind, ref) + " was changed", checkpointSize);
                    }
                    byte[] hash = ChainFormat.entryHash(sha, previous, seq, kind, ref, storedDigest);
                    if (!MessageDigest.isEqual(hash, storedHash)) {
                        return Result.bad(
                                seq,
                                seq,
                                "entry " + seq + " does not follow entry " + (seq - 1)
                                        + " (reordered or rewritten chain)",
                                checkpointSize);
                    }
                    if (checkpoint != null && seq == checkpoint.size && !MessageDigest.isEqual(hash, checkpoint.head)) {
                        return Result.bad(
                                seq, seq, "entry " + seq + " differs from the signed checkpoint", checkpointSize);
                    }
                    previous = hash;
                    expected++;
                }
            }
        }
        long entries = expected - 1;
        if (entries < checkpointSize) {
            return Result.bad(
                    entries,
                    entries + 1,
                    "the chain ends at entry " + entries + " but a signed checkpoint covers " + checkpointSize
                            + " entries: entries " + (entries + 1) + " to " + checkpointSize + " were removed",
                    checkpointSize);
        }
        return new Result(
                true, entries, null, null, checkpointSize, HexFormat.of().formatHex(previous));
    }

    private static String row(String kind, long ref) {
        return switch (kind) {
            case "ACCESS" -> "access_log row " + ref;
            case "REVISION" -> "revision " + ref;
            case "TOMBSTONE" -> "tombstone " + ref;
            default -> kind + " " + ref;
        };
    }

    private record Checkpoint(long size, byte[] head, String problem) {}

    /** The newest checkpoint; a bad signature on it is itself a finding. */
    private Checkpoint newestValidCheckpoint(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement(
                        "select size, head, signed_at, signature from sanad.audit_checkpoints order by size desc limit 1");
                var rows = statement.executeQuery()) {
            if (!rows.next()) {
                return null;
            }
            long size = rows.getLong(1);
            byte[] head = rows.getBytes(2);
            long signedAt = rows.getTimestamp(3).getTime();
            byte[] signature = rows.getBytes(4);
            var verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            byte[] message = ChainFormat.checkpointMessage(size, head, signedAt);
            verifier.update(message, 0, message.length);
            if (head.length != 32 || !verifier.verifySignature(signature)) {
                return new Checkpoint(size, head, "the checkpoint at " + size + " entries has an invalid signature");
            }
            return new Checkpoint(size, head, null);
        }
    }

    static String fingerprint(byte[] publicKey) {
        return HexFormat.of().formatHex(ChainFormat.sha256().digest(publicKey), 0, 8);
    }
}
