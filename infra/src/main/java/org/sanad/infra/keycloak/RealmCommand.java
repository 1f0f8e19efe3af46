package org.sanad.infra.keycloak;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.keycloak.admin.client.Keycloak;

/**
 * {@code infra/bin/sanad-realm}: generates the demo realm file, or applies the realm definition to
 * a running Keycloak (as its bootstrap admin, {@code KEYCLOAK_ADMIN_PASSWORD}).
 *
 * <pre>
 * sanad-realm generate [path]              write infra/keycloak/sanad-realm.json
 * sanad-realm apply [demo|production]      create or update realm sanad (default: production)
 * </pre>
 *
 * <p>A production apply needs {@code SANAD_PUBLIC_URL}, the server's address
 * ({@code https://sanad.example.org}): the browser client redirects there and nowhere else.
 *
 * <pre>
 * </pre>
 */
public final class RealmCommand {

    private static final System.Logger log = System.getLogger("sanad-realm");

    private RealmCommand() {}

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("generate")) {
            Path target = args.length > 1 ? Path.of(args[1]) : RealmFile.DEFAULT;
            RealmFile.write(target);
            log.log(System.Logger.Level.INFO, "wrote " + target);
            return;
        }
        if (args.length >= 1 && args[0].equals("apply")) {
            var mode = args.length > 1
                    ? SanadRealm.Mode.valueOf(args[1].toUpperCase(Locale.ROOT))
                    : SanadRealm.Mode.PRODUCTION;
            try (Keycloak admin = AdminConnection.bootstrapAdmin(System.getenv())) {
                var outcome = new RealmApplier(admin).apply(SanadRealm.definition(SanadRealm.NAME, mode, server(mode)));
                log.log(
                        System.Logger.Level.INFO,
                        outcome.created()
                                ? "realm " + SanadRealm.NAME + " created (" + mode + ")"
                                : outcome.changes().isEmpty()
                                        ? "realm " + SanadRealm.NAME + " already matches the definition"
                                        : "realm " + SanadRealm.NAME + " updated: " + outcome.changes());
            }
            return;
        }
        log.log(System.Logger.Level.ERROR, "usage: sanad-realm generate [path] | sanad-realm apply [demo|production]");
        System.exit(2);
    }

    /** The server's address: the demo server's, or {@code SANAD_PUBLIC_URL} for production. */
    static URI server(SanadRealm.Mode mode) {
        if (mode == SanadRealm.Mode.DEMO) {
            return URI.create(System.getenv().getOrDefault("SANAD_PUBLIC_URL", SanadRealm.DEMO_SERVER.toString()));
        }
        String url = System.getenv("SANAD_PUBLIC_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("set SANAD_PUBLIC_URL to the server's address (https://...)");
        }
        return URI.create(url);
    }
}
