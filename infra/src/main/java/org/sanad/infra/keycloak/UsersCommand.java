package org.sanad.infra.keycloak;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;

/**
 * {@code infra/bin/sanad-users}: onboarding and offboarding through Keycloak's admin API.
 *
 * <pre>
 * sanad-users onboard --username U --email E --first-name F --last-name L --org O --role R
 *     reads the initial (temporary) password from the first line of standard input
 * sanad-users offboard --username U
 * </pre>
 *
 * Options: {@code --realm} (default sanad). Credentials come from the environment, see {@link
 * AdminConnection}. Exit status: 0 done, 1 no such user, 2 usage error.
 */
public final class UsersCommand {

    private static final System.Logger log = System.getLogger("sanad-users");

    private UsersCommand() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || (args.length - 1) % 2 != 0) {
            usage();
            return;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                usage();
                return;
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        String realm = options.getOrDefault("realm", SanadRealm.NAME);
        try (Keycloak admin = AdminConnection.forUsers(System.getenv(), realm)) {
            var provisioning = new Provisioning(admin.realm(realm));
            switch (args[0]) {
                case "onboard" -> {
                    var reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                    String password = reader.readLine();
                    if (password == null || password.isBlank()) {
                        log.log(System.Logger.Level.ERROR, "the initial password is read from standard input");
                        System.exit(2);
                    }
                    String subject = provisioning.onboard(new Provisioning.NewUser(
                            required(options, "username"),
                            required(options, "email"),
                            required(options, "first-name"),
                            required(options, "last-name"),
                            required(options, "org"),
                            SanadRealm.Role.of(required(options, "role")),
                            password.toCharArray()));
                    log.log(System.Logger.Level.INFO, "onboarded " + options.get("username") + " as " + subject);
                }
                case "offboard" -> {
                    if (!provisioning.offboard(required(options, "username"))) {
                        log.log(System.Logger.Level.ERROR, "no such user");
                        System.exit(1);
                    }
                    log.log(System.Logger.Level.INFO, "offboarded " + options.get("username"));
                }
                default -> usage();
            }
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static void usage() {
        log.log(
                System.Logger.Level.ERROR,
                "usage: sanad-users onboard --username U --email E --first-name F --last-name L --org O --role"
                        + " defender|caseworker|supervisor|admin  (initial password on standard input)\n"
                        + "       sanad-users offboard --username U");
        System.exit(2);
    }
}
