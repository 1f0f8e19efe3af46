package org.sanad.infra.keycloak;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates {@code infra/keycloak/sanad-realm.json}, the demo realm that the run and test commands
 * import, from {@link SanadRealm}. The file is never edited by hand: {@code RealmFileTests} fails
 * when it differs from what the definition generates.
 *
 * <p>Usage: {@code infra/bin/sanad-realm generate [path]} (see {@link RealmCommand}).
 */
public final class RealmFile {

    /** Where the file lives, relative to the repository root. */
    public static final Path DEFAULT = Path.of("infra", "keycloak", "sanad-realm.json");

    private RealmFile() {}

    /** The demo realm file's exact content. */
    public static String demo() {
        try {
            return Json.PRETTY.writeValueAsString(SanadRealm.definition(SanadRealm.Mode.DEMO)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the demo realm file. */
    public static void write(Path target) throws IOException {
        Files.writeString(target, demo(), StandardCharsets.UTF_8);
    }
}
