package org.sanad.server.audit.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical form of chain entries, shared by the writer and the verifiers so that both compute
 * exactly the same bytes. An entry's content is the database row it stands for, rendered by
 * PostgreSQL as its record text (in UTC, so the rendering does not depend on the session), and for a
 * revision also every history row of that revision in every {@code *_aud} table.
 *
 * <pre>
 * content digest = SHA-256(kind || "\n" || content)
 * entry hash     = SHA-256(previous hash || "sanad-chain-v1" || seq || kind || ref || content digest)
 * </pre>
 *
 * The first entry's previous hash is 32 zero bytes.
 */
final class ChainFormat {

    static final byte[] GENESIS = new byte[32];
    private static final byte[] DOMAIN = "sanad-chain-v1".getBytes(StandardCharsets.UTF_8);

    private ChainFormat() {}

    /** Session settings under which record text renders deterministically. */
    static void prepare(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("SET LOCAL TimeZone = 'UTC'");
            statement.execute("SET LOCAL DateStyle = 'ISO, YMD'");
            statement.execute("SET LOCAL IntervalStyle = 'iso_8601'");
            statement.execute("SET LOCAL bytea_output = 'hex'");
            statement.execute("SET LOCAL extra_float_digits = 3");
        }
    }

    /** The history tables, found anew each time: a dropped table then shows as changed entries. */
    static List<String> historyTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (var statement = connection.prepareStatement(
                        "select table_name from information_schema.tables where table_schema = 'sanad' and table_name like '%\\_aud' order by table_name");
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** SQL for the content of the entry named by the two column expressions. */
    static String contentSql(String kind, String ref, List<String> historyTables) {
        return "case " + kind
                + " when 'ACCESS' then (select a::text from sanad.access_log a where a.id = " + ref + ")"
                + " when 'REVISION' then (select " + revisionContent(historyTables)
                + " from sanad.revisions r where r.id = "
                + ref + ")"
                + " when 'TOMBSTONE' then (select t::text from sanad.tombstones t where t.id = " + ref
                + ") end";
    }

    /**
     * SQL listing the whole chain in order with each entry's content: the same content as {@link
     * #contentSql}, computed with joins so that PostgreSQL reads each table once.
     */
    static String chainWithContentSql(List<String> historyTables) {
        String revision = revisionContent(historyTables);
        String content = "case c.kind when 'ACCESS' then a::text"
                + " when 'REVISION' then (case when r.id is null then null else " + revision + " end)"
                + " when 'TOMBSTONE' then t::text end";
        // The content digest is recomputed by PostgreSQL (the same bytes as contentDigest), so
        // only 32 bytes per entry cross the wire.
        return "select c.seq, c.kind, c.ref, c.content_digest, c.hash,"
                + " sha256(convert_to(c.kind || E'\\n' || x.content, 'UTF8')) as recomputed"
                + " from sanad.audit_chain c"
                + " left join sanad.access_log a on c.kind = 'ACCESS' and a.id = c.ref"
                + " left join sanad.revisions r on c.kind = 'REVISION' and r.id = c.ref"
                + " left join sanad.tombstones t on c.kind = 'TOMBSTONE' and t.id = c.ref"
                + " cross join lateral (select " + content + " as content) x"
                + " order by c.seq";
    }

    private static String revisionContent(List<String> historyTables) {
        var history = new StringBuilder();
        for (String table : historyTables) {
            if (!history.isEmpty()) {
                history.append(" union all ");
            }
            history.append("select '")
                    .append(table)
                    .append(" ' || h::text as x from sanad.")
                    .append(table)
                    .append(" h where h.rev = r.id");
        }
        return historyTables.isEmpty()
                ? "r::text"
                : "r::text || E'\\n' || coalesce((select string_agg(x, E'\\n' order by x) from (" + history
                        + ") u), '')";
    }

    static byte[] contentDigest(String kind, String content) {
        MessageDigest sha = sha256();
        sha.update(kind.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(content.getBytes(StandardCharsets.UTF_8));
        return sha.digest();
    }

    static byte[] entryHash(byte[] previous, long seq, String kind, long ref, byte[] contentDigest) {
        return entryHash(sha256(), previous, seq, kind, ref, contentDigest);
    }

    /** As above, with a digest instance the caller reuses (the verifier's hot loop). */
    static byte[] entryHash(MessageDigest sha, byte[] previous, long seq, String kind, long ref, byte[] contentDigest) {
        sha.reset();
        sha.update(previous);
        sha.update(DOMAIN);
        sha.update(ByteBuffer.allocate(8).putLong(seq).array());
        sha.update(kind.getBytes(StandardCharsets.UTF_8));
        sha.update(ByteBuffer.allocate(8).putLong(ref).array());
        sha.update(contentDigest);
        return sha.digest();
    }

    /** The bytes a checkpoint signature covers. */
    static byte[] checkpointMessage(long size, byte[] head, long signedAtMillis) {
        return ByteBuffer.allocate(14 + 8 + 32 + 8)
                .put("sanad-ckpt-v1|".getBytes(StandardCharsets.US_ASCII))
                .putLong(size)
                .put(head)
                .putLong(signedAtMillis)
                .array();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
