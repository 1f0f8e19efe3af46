package org.sanad.crypto.tools;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.sanad.crypto.CryptoFailure;
import org.sanad.crypto.KeyEncryptionKey;
import org.sanad.crypto.internal.BcfksKeyEncryptionKey;

/**
 * Administers the default key-encryption key, a BCFKS keystore file. The password comes from
 * the environment variable {@code SANAD_KEK_PASSWORD}, never from the command line (which other
 * users of the machine can read).
 *
 * <pre>
 * create   --keystore PATH [--id ID]   create the keystore with KEK version 1, if absent
 * rotate   --keystore PATH             add a new primary KEK version
 * describe --keystore PATH             print the KEK id and primary version
 * </pre>
 *
 * Exit status 0 on success, 1 on failure, 2 on a usage error. It prints no key material.
 */
public final class KekTool {

    private KekTool() {}

    public static void main(String[] args) {
        // A command-line tool's output channel, opened explicitly: the library itself never prints.
        PrintWriter out = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        int status = run(args, System.getenv(), out);
        out.flush();
        if (status != 0) {
            Runtime.getRuntime().exit(status);
        }
    }

    /** Runs one command; returns the exit status. */
    public static int run(String[] args, Map<String, String> environment, PrintWriter out) {
        if (args.length < 3 || !"--keystore".equals(args[1])) {
            out.println("usage: KekTool create|rotate|describe --keystore PATH [--id ID]" + " (password in "
                    + KeyEncryptionKey.PASSWORD_VARIABLE + ")");
            return 2;
        }
        String command = args[0];
        Path keystore = Path.of(args[2]);
        String id = args.length >= 5 && "--id".equals(args[3]) ? args[4] : BcfksKeyEncryptionKey.DEFAULT_ID;
        String password = environment.get(KeyEncryptionKey.PASSWORD_VARIABLE);
        if (password == null || password.isEmpty()) {
            out.println("error: set " + KeyEncryptionKey.PASSWORD_VARIABLE + " to the keystore password");
            return 2;
        }
        char[] chars = password.toCharArray();
        try {
            switch (command) {
                case "create" -> {
                    if (Files.exists(keystore)) {
                        KeyEncryptionKey existing = BcfksKeyEncryptionKey.open(keystore, chars);
                        out.println("exists: " + keystore + " (KEK " + existing.id() + ", primary version "
                                + existing.primaryVersion() + "); left unchanged");
                    } else {
                        KeyEncryptionKey created = BcfksKeyEncryptionKey.create(keystore, chars, id);
                        out.println("created: " + keystore + " (KEK " + created.id() + ", version 1)");
                    }
                }
                case "rotate" -> {
                    KeyEncryptionKey kek = BcfksKeyEncryptionKey.open(keystore, chars);
                    out.println("rotated: KEK " + kek.id() + " primary version " + kek.rotate()
                            + "; now re-wrap the data keys (Keyring.rewrapAll)");
                }
                case "describe" -> {
                    KeyEncryptionKey kek = BcfksKeyEncryptionKey.open(keystore, chars);
                    out.println("KEK " + kek.id() + ", primary version " + kek.primaryVersion());
                }
                default -> {
                    out.println("unknown command: use create, rotate or describe");
                    return 2;
                }
            }
            return 0;
        } catch (CryptoFailure | IllegalArgumentException | IllegalStateException e) {
            out.println("error: " + e.getMessage());
            return 1;
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
