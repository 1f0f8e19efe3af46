package org.sanad.server.audit.chain;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Verifies the audit chain from the command line, against a database URL, without the server:
 *
 * <pre>
 * PGPASSWORD=... infra/bin/sanad-verify --url jdbc:postgresql://HOST:PORT/sanad --user USER \
 *     --public-key PATH-OR-BASE64 [--expect ENTRIES:HEAD] [--expect-at-least ENTRIES]
 * </pre>
 *
 * Checkpoints live in the database, so a superuser who restores an older copy of it rolls the
 * checkpoints back too. Keep the {@code entries} and {@code head} it prints somewhere else (a
 * witness), and give them back as {@code --expect ENTRIES:HEAD}: the chain must still hold that
 * very entry at that position, so a roll-back, and a chain rewritten and re-hashed (even padded
 * back to the same length), both fail. {@code --expect-at-least} checks the count alone.
 *
 * Exit status 0 when the chain is intact, 1 when it is not (the first bad entry is printed), 2 on
 * a usage or connection error. It only reads.
 */
public final class VerifierCommand {

    private VerifierCommand() {}

    public static void main(String[] args) {
        // A command-line tool's output channel, opened explicitly: the server itself never prints.
        var out = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        int status = run(args, System.getenv("PGPASSWORD"), out);
        out.flush();
        Runtime.getRuntime().exit(status);
    }

    static int run(String[] args, String password, PrintWriter out) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String url = options.get("--url");
        String user = options.get("--user");
        String key = options.get("--public-key");
        if (url == null || user == null || key == null) {
            out.println("usage: sanad-verify --url JDBC-URL --user USER --public-key FILE-OR-BASE64 [--expect N:HEAD]"
                    + " [--expect-at-least N]"
                    + " (password in PGPASSWORD)");
            return 2;
        }
        try (var connection = DriverManager.getConnection(url, user, password)) {
            byte[] publicKey = Base64.getDecoder()
                    .decode(
                            Files.isRegularFile(Path.of(key))
                                    ? Files.readString(Path.of(key)).trim()
                                    : key.trim());
            ChainVerifier.Result result = new ChainVerifier(publicKey).verify(connection);
            long expected = Long.parseLong(options.getOrDefault("--expect-at-least", "0"));
            String witnessed = options.get("--expect");
            if (result.intact() && witnessed != null) {
                String mismatch = againstWitness(connection, result, witnessed);
                if (mismatch != null) {
                    out.println("NOT INTACT: " + mismatch);
                    return 1;
                }
            }
            if (result.intact() && result.entries() < expected) {
                out.println("NOT INTACT: the chain has " + result.entries() + " entries, fewer than the " + expected
                        + " seen before: it was rolled back or truncated");
                return 1;
            }
            if (result.intact()) {
                out.println("intact: " + result.entries() + " entries, head " + result.head()
                        + ", signed checkpoint covers " + result.checkpointSize());
                return 0;
            }
            out.println("NOT INTACT: " + result.problem());
            return 1;
        } catch (IllegalArgumentException e) {
            out.println("error: --expect takes ENTRIES:HEAD, as printed by an earlier run");
            return 2;
        } catch (Exception e) {
            out.println("error: " + e.getClass().getSimpleName());
            return 2;
        }
    }

    /** Null when the chain still holds, at the witnessed size, the entry the witness saw; else why not. */
    private static String againstWitness(java.sql.Connection connection, ChainVerifier.Result result, String witness)
            throws java.sql.SQLException {
        int colon = witness.indexOf(':');
        if (colon < 1 || !witness.substring(colon + 1).matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not ENTRIES:HEAD");
        }
        long entries = Long.parseLong(witness.substring(0, colon));
        String head = witness.substring(colon + 1);
        if (result.entries() < entries) {
            return "the chain has " + result.entries() + " entries, fewer than the " + entries
                    + " seen before: it was rolled back or truncated";
        }
        try (var statement =
                connection.prepareStatement("select encode(hash, 'hex') from sanad.audit_chain where seq = ?")) {
            statement.setLong(1, entries);
            try (var rows = statement.executeQuery()) {
                if (!rows.next() || !head.equals(rows.getString(1))) {
                    return "entry " + entries + " is not the one seen before: the chain was rewritten";
                }
            }
        }
        return null;
    }
}
