package org.sanad.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The test run's database as its superuser: what a thief of the database, or a hostile DBA, sees
 * and can do, bypassing the server.
 */
public final class Database {

    private Database() {}

    public static JdbcTemplate asSuperuser() {
        var dataSource = new DriverManagerDataSource(
                System.getenv("SANAD_DB_URL"), "postgres", System.getenv("SANAD_DB_SUPERUSER_PASSWORD"));
        var jdbc = new JdbcTemplate(dataSource);
        return jdbc;
    }

    /**
     * A superuser session whose statements bypass triggers, the append-only ones included: for
     * tests that play a tampering superuser, or that move a record back in time.
     */
    public static JdbcTemplate asSuperuserBypassingTriggers() {
        var jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                System.getenv("SANAD_DB_URL"), "postgres", System.getenv("SANAD_DB_SUPERUSER_PASSWORD"), true));
        jdbc.execute("set session_replication_role = replica");
        return jdbc;
    }

    public static long count(String table) {
        return asSuperuser().queryForObject("select count(*) from sanad." + table, Long.class);
    }

    /** A planted value as plain text, hex and Base64 (at every byte alignment), for searching a dump or a log. */
    public static List<String> encodings(String canary) {
        byte[] bytes = canary.getBytes(StandardCharsets.UTF_8);
        List<String> forms = new ArrayList<>(List.of(
                canary,
                HexFormat.of().formatHex(bytes),
                HexFormat.of().withUpperCase().formatHex(bytes)));
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[bytes.length + shift];
            System.arraycopy(bytes, 0, shifted, shift, bytes.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            // Drop the characters that depend on the neighbouring bytes.
            forms.add(encoded.substring(4, encoded.length() - 4));
        }
        return forms;
    }

    /** A pg_dump of the whole database of this test run (history, audit and session tables included). */
    public static String dump() throws IOException, InterruptedException {
        Path out = Files.createTempFile("sanad-dump", ".sql");
        try {
            var process = new ProcessBuilder(
                            System.getenv("SANAD_PG_BIN") + "/pg_dump",
                            "-h",
                            "127.0.0.1",
                            "-p",
                            System.getenv("SANAD_PG_PORT"),
                            "-U",
                            "postgres",
                            "--no-password",
                            "sanad")
                    .redirectOutput(out.toFile())
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            process.environment().put("PGPASSWORD", System.getenv("SANAD_DB_SUPERUSER_PASSWORD"));
            assertThat(process.start().waitFor()).isZero();
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
