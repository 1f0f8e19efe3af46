package org.sanad.server.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanad.server.testing.Api;
import org.sanad.server.testing.Database;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tamper-evident chain, attacked as the database superuser (who can switch the append-only
 * triggers off): every change, removal, reordering and truncation is found and named. Each attack
 * is undone afterwards, so the shared chain stays intact for the other tests.
 */
@IntegrationTest
class AuditChainIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditChain chain;

    @Autowired
    JdbcTemplate app;

    Api api;

    @BeforeEach
    void settle() throws InterruptedException {
        api = new Api(port);
        var scenarios = new Scenarios(api);
        String defender = scenarios.aDefenderRegisteredBy("caseworker.tigris", "Chain Person");
        api.patch(
                "/api/defenders/" + defender,
                Keycloak.accessToken("caseworker.tigris"),
                "\"0\"",
                "{\"riskLevel\": \"LOW\"}");
        api.get("/api/defenders/" + defender, Keycloak.accessToken("caseworker.tigris"));
        Thread.sleep(1_200);
        chain.appendPending();
        chain.checkpoint();
        assertThat(chain.verify().intact()).as(chain.verify().problem()).isTrue();
    }

    /** A superuser session whose statements bypass the append-only triggers. */
    static JdbcTemplate tamperer() {
        return new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                System.getenv("SANAD_DB_URL"), "postgres", System.getenv("SANAD_DB_SUPERUSER_PASSWORD"), true)) {
            {
                execute("set session_replication_role = replica");
            }
        };
    }

    long seqOf(String kind, long ref) {
        return app.queryForObject("select seq from audit_chain where kind = ? and ref = ?", Long.class, kind, ref);
    }

    @Test
    void intactChainVerifiesThroughTheApiForSupervisorsAndAdmins() {
        var supervisor = api.post("/api/audit/verify", Keycloak.accessToken("supervisor.tigris"), "");
        var admin = api.post("/api/audit/verify", Keycloak.accessToken("admin.platform"), "");
        var caseworker = api.post("/api/audit/verify", Keycloak.accessToken("caseworker.tigris"), "");

        assertThat(supervisor.status()).isEqualTo(200);
        assertThat(supervisor.json().get("intact").asBoolean()).isTrue();
        assertThat(supervisor.json().get("entries").asLong()).isPositive();
        assertThat(admin.status()).isEqualTo(200);
        assertThat(caseworker.status()).isEqualTo(403);
    }

    @Test
    void changedHistoryCellIsFoundAndNamed() {
        var row = app.queryForMap(
                "select id, rev, risk_level from defenders_aud where risk_level is not null order by rev desc limit 1");
        long rev = ((Number) row.get("rev")).longValue();
        var tamperer = tamperer();
        tamperer.update(
                "update sanad.defenders_aud set risk_level = 'CRITICAL' where id = ? and rev = ?", row.get("id"), rev);
        try {
            ChainVerifier.Result result = chain.verify();

            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadEntry()).isEqualTo(seqOf("REVISION", rev));
            assertThat(result.problem()).contains("revision " + rev + " was changed");
        } finally {
            tamperer.update(
                    "update sanad.defenders_aud set risk_level = ? where id = ? and rev = ?",
                    row.get("risk_level"),
                    row.get("id"),
                    rev);
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void deletedRevisionIsFoundAndNamed() {
        long rev = app.queryForObject("select max(rev) from defenders_aud", Long.class);
        var tamperer = tamperer();
        List<String> history = tamperer.queryForList(
                "select row_to_json(h)::text from sanad.defenders_aud h where rev = ?", String.class, rev);
        String revision = tamperer.queryForObject(
                "select row_to_json(r)::text from sanad.revisions r where id = ?", String.class, rev);
        tamperer.update("delete from sanad.defenders_aud where rev = ?", rev);
        tamperer.update("delete from sanad.revisions where id = ?", rev);
        try {
            ChainVerifier.Result result = chain.verify();

            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadEntry()).isEqualTo(seqOf("REVISION", rev));
            assertThat(result.problem()).contains("revision " + rev + " was removed");
        } finally {
            tamperer.update(
                    "insert into sanad.revisions overriding system value select * from json_populate_record(null::sanad.revisions, ?::json)",
                    revision);
            for (String row : history) {
                tamperer.update(
                        "insert into sanad.defenders_aud select * from json_populate_record(null::sanad.defenders_aud, ?::json)",
                        row);
            }
        }
        assertThat(chain.verify().intact()).as(chain.verify().problem()).isTrue();
    }

    @Test
    void swappedEntriesAreFoundAtTheFirstOfThem() {
        long last = app.queryForObject("select max(seq) from audit_chain", Long.class);
        long first = last - 1;
        var tamperer = tamperer();
        swap(tamperer, first, last);
        try {
            ChainVerifier.Result result = chain.verify();

            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadEntry()).isEqualTo(first);
            assertThat(result.problem()).contains("entry " + first + " does not follow");
        } finally {
            swap(tamperer, first, last);
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void changedAccessEntryIsFoundAndNamed() {
        long id = app.queryForObject("select max(ref) from audit_chain where kind = 'ACCESS'", Long.class);
        var tamperer = tamperer();
        String actor = tamperer.queryForObject("select actor from sanad.access_log where id = ?", String.class, id);
        tamperer.update("update sanad.access_log set actor = 'someone-else' where id = ?", id);
        try {
            ChainVerifier.Result result = chain.verify();

            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadEntry()).isEqualTo(seqOf("ACCESS", id));
            assertThat(result.problem()).contains("access_log row " + id + " was changed");
        } finally {
            tamperer.update("update sanad.access_log set actor = ? where id = ?", actor, id);
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void truncatedTailIsCaughtByTheSignedCheckpoint() {
        long size = app.queryForObject("select max(size) from audit_checkpoints", Long.class);
        var tamperer = tamperer();
        List<Map<String, Object>> tail = tamperer.queryForList(
                "select row_to_json(c)::text as row from sanad.audit_chain c where seq > ? - 2 order by seq", size);
        tamperer.update("delete from sanad.audit_chain where seq > ? - 2", size);
        try {
            ChainVerifier.Result result = chain.verify();

            assertThat(result.intact()).isFalse();
            assertThat(result.problem()).contains("a signed checkpoint covers " + size + " entries");
            assertThat(result.firstBadEntry()).isEqualTo(size - 1);
            assertThat(runCommandLineVerifier()).isEqualTo(1);
        } finally {
            for (Map<String, Object> row : tail) {
                tamperer.update(
                        "insert into sanad.audit_chain select * from json_populate_record(null::sanad.audit_chain, ?::json)",
                        row.get("row"));
            }
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void commandLineVerifierChecksADatabaseWithoutTheServer() {
        assertThat(runCommandLineVerifier()).isZero();
    }

    @Test
    void rollBackBehindWhatAWitnessSawIsCaught() {
        long entries = chain.verify().entries();

        assertThat(runCommandLineVerifier("--expect-at-least", String.valueOf(entries)))
                .isZero();
        assertThat(runCommandLineVerifier("--expect-at-least", String.valueOf(entries + 1_000_000)))
                .isEqualTo(1);
    }

    /** A witness keeps (entries, head): the same count with another entry there is a rewrite. */
    @Test
    void aChainThatNoLongerHoldsTheWitnessedEntryIsCaught() {
        var seen = chain.verify();
        String witness = seen.entries() + ":" + seen.head();
        assertThat(runCommandLineVerifier("--expect", witness)).isZero();

        String otherHead =
                (seen.head().charAt(0) == '0' ? "1" : "0") + seen.head().substring(1);
        assertThat(runCommandLineVerifier("--expect", seen.entries() + ":" + otherHead))
                .isEqualTo(1);
        assertThat(runCommandLineVerifier("--expect", (seen.entries() + 1_000_000) + ":" + seen.head()))
                .isEqualTo(1);
        assertThat(runCommandLineVerifier("--expect", "not-a-witness")).isEqualTo(2);
    }

    @Test
    void forgedCheckpointSignatureIsFound() {
        long size = app.queryForObject("select max(size) from audit_checkpoints", Long.class);
        var tamperer = tamperer();
        byte[] signature = tamperer.queryForObject(
                "select signature from sanad.audit_checkpoints where size = ?", byte[].class, size);
        byte[] forged = signature.clone();
        forged[0] ^= 1;
        tamperer.update("update sanad.audit_checkpoints set signature = ? where size = ?", forged, size);
        try {
            assertThat(chain.verify().problem()).contains("invalid signature");
        } finally {
            tamperer.update("update sanad.audit_checkpoints set signature = ? where size = ?", signature, size);
        }
    }

    /**
     * A history table added by a later migration is append-only without that migration saying
     * so: the after-migrate callback gives every {@code *_aud} table the triggers.
     */
    @Test
    void aHistoryTableAddedLaterIsAppendOnlyToo(@Autowired org.flywaydb.core.Flyway flyway) {
        var superuser = Database.asSuperuser();
        superuser.execute("create table sanad.later_probe_aud (id int primary key, rev integer)");
        try {
            superuser.execute("alter table sanad.later_probe_aud owner to sanad_owner");
            superuser.update("insert into sanad.later_probe_aud values (1, 1)");
            flyway.migrate();
            assertThatThrownBy(() -> superuser.update("update sanad.later_probe_aud set rev = 2"))
                    .rootCause()
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> superuser.update("delete from sanad.later_probe_aud"))
                    .rootCause()
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> superuser.execute("truncate sanad.later_probe_aud"))
                    .rootCause()
                    .hasMessageContaining("append-only");
        } finally {
            superuser.execute("drop table sanad.later_probe_aud");
        }
    }

    @Test
    void auditTablesAreAppendOnlyEvenForTheirOwner() {
        // A grant to update: a row trigger fires only on a row, and this test may run alone.
        String file = new Scenarios(api)
                .anOpenCaseFile("caseworker.tigris", "Append-only check")
                .get("id")
                .asString();
        assertThat(api.post(
                                "/api/break-glass",
                                Keycloak.accessToken("supervisor.tigris"),
                                "{\"record\": \"%s\", \"reason\": \"checking that grants stay append-only\", \"minutes\": 5}"
                                        .formatted(file))
                        .status())
                .isEqualTo(201);
        assertThatThrownBy(() -> app.update("update access_log set purpose = 'x'"))
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.update("delete from revisions"))
                .rootCause()
                .hasMessageContaining("permission denied");
        var superuser = Database.asSuperuser();
        assertThatThrownBy(() -> superuser.update("update sanad.audit_chain set kind = 'x'"))
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> superuser.update("delete from sanad.defenders_aud"))
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> superuser.execute("truncate sanad.access_log cascade"))
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() ->
                        superuser.update("update sanad.break_glass_grants set expires_at = now() + interval '1 day'"))
                .rootCause()
                .hasMessageContaining("append-only");
    }

    @Test
    void concurrentWritersProduceOneChain() throws Exception {
        var scenarios = new Scenarios(api);
        for (int i = 0; i < 5; i++) {
            scenarios.aDefenderRegisteredBy("caseworker.tigris", "Concurrent Chain " + i);
        }
        Thread.sleep(1_200);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var appends = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 4; i++) {
                appends.add(pool.submit(chain::appendPending));
            }
            for (var append : appends) {
                append.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(app.queryForObject(
                        "select count(*) from (select kind, ref from audit_chain group by kind, ref having count(*) > 1) d",
                        Long.class))
                .isZero();
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void applicationCannotKeepEntriesOffTheChain() {
        assertThatThrownBy(() -> app.update("delete from audit_pending"))
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void everyHistoryTableIsAppendOnly() {
        List<String> unguarded = Database.asSuperuser()
                .queryForList(
                        """
                        select t.table_name from information_schema.tables t
                        where t.table_schema = 'sanad' and t.table_name like '%\\_aud'
                          and not exists (select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid
                                          where c.relname = t.table_name and g.tgname = t.table_name || '_append_only')
                        """,
                        String.class);

        assertThat(unguarded).isEmpty();
    }

    @Test
    void erasureLeavesATombstoneInTheChain() throws InterruptedException {
        String defender = new Scenarios(api).aDefenderRegisteredBy("caseworker.tigris", "Tombstone Person");
        api.delete(
                "/api/defenders/" + defender + "/personal-data?requestedOn=" + java.time.LocalDate.now()
                        + "&how=IN_PERSON",
                Keycloak.accessToken("supervisor.tigris"));
        Thread.sleep(1_200);
        chain.appendPending();

        long tombstone =
                app.queryForObject("select id from tombstones where defender_id = ?::uuid", Long.class, defender);

        assertThat(seqOf("TOMBSTONE", tombstone)).isPositive();
        assertThat(chain.verify().intact()).isTrue();
    }

    private int runCommandLineVerifier(String... extra) {
        var out = new StringWriter();
        String[] base = {
            "--url", System.getenv("SANAD_DB_URL"),
            "--user", "postgres",
            "--public-key", Base64.getEncoder().encodeToString(chain.publicKey())
        };
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        int status =
                VerifierCommand.run(args, System.getenv("SANAD_DB_SUPERUSER_PASSWORD"), new PrintWriter(out, true));
        return status;
    }

    private static void swap(JdbcTemplate tamperer, long a, long b) {
        tamperer.update("update sanad.audit_chain set seq = 999999999999 where seq = ?", a);
        tamperer.update("update sanad.audit_chain set seq = ? where seq = ?", a, b);
        tamperer.update("update sanad.audit_chain set seq = ? where seq = 999999999999", b);
    }
}
