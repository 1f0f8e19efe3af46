package org.sanad.server.audit.chain;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Measures verification speed of the audit chain on a large database (issue 6: at least 200,000
 * entries per second on a million entries). Not a test: run it with {@code
 * infra/bin/sanad-bench-verify}, which starts a scratch PostgreSQL cluster for it. It migrates the
 * schema, inserts N access-log entries in bulk, chains them with the real writer, signs a
 * checkpoint, then times {@link ChainVerifier} several times.
 */
public final class ChainVerificationBenchmark {

    private ChainVerificationBenchmark() {}

    public static void main(String[] args) throws Exception {
        var out = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String url = System.getenv("SANAD_DB_URL");
        String owner = "sanad_owner";
        String password = System.getenv("SANAD_DB_OWNER_PASSWORD");

        Flyway.configure()
                .dataSource(url, owner, password)
                .schemas("sanad")
                .defaultSchema("sanad")
                .createSchemas(false)
                .locations(
                        "classpath:db/migration/common",
                        "classpath:db/migration/access",
                        "classpath:db/migration/encryption",
                        "classpath:db/migration/defenders",
                        "classpath:db/migration/incidents",
                        "classpath:db/migration/cases",
                        "classpath:db/migration/referrals",
                        "classpath:db/migration/audit",
                        "classpath:db/migration/idempotency")
                .placeholders(Map.of("appRole", "sanad_app"))
                .load()
                .migrate();

        var dataSource = new SingleConnectionDataSource(url, owner, password, true);
        dataSource.setAutoCommit(false);
        var connection = dataSource.getConnection();
        long started = System.nanoTime();
        try (var statement = connection.createStatement()) {
            statement.execute(
                    """
                    insert into sanad.access_log (at, actor, organisation, action, record_type, record_id, fields, purpose, request_id)
                    select now() - g * interval '1 millisecond', 'subject-' || (g %% 50), 'tigris-legal', 'READ', 'defender',
                           gen_random_uuid(), array['legalName', 'phone', 'address'], 'casework', md5(g::text)
                    from generate_series(1, %d) g
                    """
                            .formatted(entries));
        }
        connection.commit();
        out.printf("inserted %,d access-log entries in %.1f s%n", entries, seconds(started));

        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        AuditSigningKey key = AuditSigningKey.fromSeed(seed);
        var properties =
                new AuditProperties(Path.of("unused"), Duration.ofSeconds(1), Duration.ZERO, Duration.ofMinutes(5));
        var chain = new AuditChain(dataSource, key, properties, Clock.systemUTC(), 50_000);
        started = System.nanoTime();
        int appended = chain.appendPending();
        connection.commit();
        chain.checkpoint();
        connection.commit();
        out.printf("chained %,d entries with the writer in %.1f s%n", appended, seconds(started));

        double[] rates = new double[runs];
        for (int run = 0; run < runs; run++) {
            started = System.nanoTime();
            ChainVerifier.Result result = new ChainVerifier(key.publicKey()).verify(connection);
            double elapsed = seconds(started);
            if (!result.intact()) {
                throw new IllegalStateException("benchmark chain does not verify: " + result.problem());
            }
            rates[run] = result.entries() / elapsed;
            out.printf(
                    "run %d: verified %,d entries in %.2f s = %,.0f entries/s%n",
                    run + 1, result.entries(), elapsed, rates[run]);
        }
        Arrays.sort(rates);
        out.printf("median %,.0f entries/s, best %,.0f entries/s%n", rates[runs / 2], rates[runs - 1]);
        dataSource.destroy();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
