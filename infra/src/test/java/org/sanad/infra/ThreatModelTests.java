package org.sanad.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code threat-model.md} true to the code: every test it names as the proof of a
 * mitigation must exist, so that renaming or deleting a test fails the build instead of leaving
 * the threat model claiming a defence nobody checks any more.
 */
class ThreatModelTests {

    static final String DOCUMENT = "threat-model.md";

    /** A test reference as the document writes it: {@code `SimpleClassName#methodName`}. */
    static final Pattern REFERENCE = Pattern.compile("`([A-Z][A-Za-z0-9_]*)#([a-z][A-Za-z0-9_]*)`");

    /** Below this, the document has been emptied or its references broken in bulk. */
    static final int MINIMUM_REFERENCES = 100;

    static final List<String> REQUIRED_SECTIONS = List.of(
            "Actors and trust levels",
            "Adversaries and capabilities",
            "Assumptions",
            "Assets",
            "What a compromise surrenders",
            "STRIDE per data flow",
            "LINDDUN for defenders' privacy",
            "Mitigations and the tests that prove them",
            "Defences in code without a test",
            "Not yet built",
            "Residual risks",
            "What an organisation must do itself",
            "Keeping this document true");

    static final List<String> REQUIRED_COMPROMISE_TABLES = List.of(
            "A database dump",
            "A backup",
            "The application host",
            "A Keycloak admin",
            "One staff token",
            "One seized device",
            "A supervisor account",
            "Whoever holds the KEK");

    static final List<String> REQUIRED_ACTORS = List.of(
            "Defender",
            "Caseworker",
            "Supervisor",
            "Admin",
            "Keycloak realm administrator",
            "Database administrator",
            "Host operator");

    static final String MITIGATIONS_HEADING = "Mitigations and the tests that prove them";

    static Path root;
    static String document;
    static Map<String, List<Path>> testSources;

    @BeforeAll
    static void load() throws IOException {
        root = repositoryRoot();
        document = Files.readString(root.resolve(DOCUMENT), StandardCharsets.UTF_8);
        testSources = testSourcesBySimpleName(root);
    }

    @Test
    void everyTestNamedInTheThreatModelExists() {
        List<String> missing = new ArrayList<>();
        for (Reference reference : references(document)) {
            List<Path> sources = testSources.getOrDefault(reference.className(), List.of());
            if (sources.isEmpty()) {
                missing.add(reference + " (no " + reference.className() + ".java under */src/test/java)");
            } else if (sources.stream().noneMatch(source -> declares(read(source), reference.method()))) {
                missing.add(
                        reference + " (no test " + reference.method() + " in " + root.relativize(sources.get(0)) + ")");
            }
        }
        assertThat(missing)
                .as("tests named in %s that do not exist; fix the document or restore the test", DOCUMENT)
                .isEmpty();
    }

    @Test
    void threatModelNamesEnoughTestsToBeMeaningful() {
        assertThat(references(document))
                .as("distinct test references in %s", DOCUMENT)
                .hasSizeGreaterThanOrEqualTo(MINIMUM_REFERENCES);
    }

    @Test
    void everyMitigationRowNamesATest() {
        List<String> rows = tableRows(section(document, MITIGATIONS_HEADING));

        assertThat(rows).as("mitigation rows").hasSizeGreaterThanOrEqualTo(30);
        assertThat(rows)
                .as("mitigation rows that name no test")
                .allSatisfy(
                        row -> assertThat(REFERENCE.matcher(row).find()).as(row).isTrue());
    }

    @Test
    void everyRequiredSectionIsPresent() {
        List<String> headings =
                document.lines().filter(line -> line.startsWith("## ")).toList();

        assertThat(REQUIRED_SECTIONS).as("sections required by issue 7").allSatisfy(title -> assertThat(headings)
                .anySatisfy(h -> assertThat(h).contains(title)));
    }

    @Test
    void everyRequiredCompromiseTableIsPresent() {
        List<String> headings = section(document, "What a compromise surrenders")
                .lines()
                .filter(line -> line.startsWith("### "))
                .toList();

        assertThat(REQUIRED_COMPROMISE_TABLES).allSatisfy(title -> assertThat(headings)
                .anySatisfy(h -> assertThat(h).contains(title)));
    }

    @Test
    void everyActorHasATrustLevel() {
        List<String> rows = tableRows(section(document, "Actors and trust levels"));

        assertThat(REQUIRED_ACTORS).allSatisfy(actor -> assertThat(rows)
                .anySatisfy(row -> assertThat(row).startsWith("| " + actor)));
    }

    @Test
    void threatModelStatesTheLimitOfServerSideEncryption() {
        assertThat(section(document, "Assumptions"))
                .contains("does not protect against a compromised application host")
                .contains("plaintext in memory");
    }

    @Test
    void driftCheckDetectsARenamedOrRemovedTest() {
        String source =
                """
                class ExampleTests {
                    @Test
                    void ciphertextMovedToAnotherRowFailsToOpen() {}

                    @ArchTest
                    static final ArchRule nothingPrintsToStandardStreams = noClasses();
                }
                """;

        assertThat(declares(source, "ciphertextMovedToAnotherRowFailsToOpen")).isTrue();
        assertThat(declares(source, "nothingPrintsToStandardStreams")).isTrue();
        assertThat(declares(source, "ciphertextMovedToAnotherRow")).isFalse();
        assertThat(declares(source, "ciphertextMovedToAnotherRowFailsToOpenAgain"))
                .isFalse();
        assertThat(references("`ExampleTests#ciphertextMovedToAnotherRowFailsToOpen`, `Not#a reference`, Plain#text"))
                .containsExactly(new Reference("ExampleTests", "ciphertextMovedToAnotherRowFailsToOpen"));
    }

    record Reference(String className, String method) {
        @Override
        public String toString() {
            return className + "#" + method;
        }
    }

    static Set<Reference> references(String text) {
        Set<Reference> found = new LinkedHashSet<>();
        Matcher matcher = REFERENCE.matcher(text);
        while (matcher.find()) {
            found.add(new Reference(matcher.group(1), matcher.group(2)));
        }
        return found;
    }

    /** Whether a test source declares a test method, or an ArchUnit rule field, of that name. */
    static boolean declares(String source, String method) {
        String name = Pattern.quote(method);
        return Pattern.compile("\\bvoid\\s+" + name + "\\s*\\(").matcher(source).find()
                || Pattern.compile("\\bArchRule\\s+" + name + "\\b")
                        .matcher(source)
                        .find();
    }

    /** The text of a {@code ## } section whose heading contains the title, up to the next one. */
    static String section(String text, String title) {
        List<String> lines = text.lines().toList();
        StringBuilder body = new StringBuilder();
        boolean inside = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inside = line.contains(title);
                continue;
            }
            if (inside) {
                body.append(line).append('\n');
            }
        }
        assertThat(body).as("section '%s' of %s", title, DOCUMENT).isNotEmpty();
        return body.toString();
    }

    /** Table body rows: lines starting with '|' that are neither the header nor the separator. */
    static List<String> tableRows(String text) {
        List<String> rows = new ArrayList<>();
        boolean header = true;
        for (String line : text.lines().toList()) {
            if (!line.startsWith("|")) {
                header = true;
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            if (line.matches("\\|[\\s|:-]*")) {
                continue;
            }
            rows.add(line);
        }
        return rows;
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve(DOCUMENT))) {
                return candidate;
            }
        }
        throw new IllegalStateException(DOCUMENT + " not found in " + dir + " or any parent");
    }

    /** Every test source under a module's {@code src/test/java}, by simple class name. */
    static Map<String, List<Path>> testSourcesBySimpleName(Path root) throws IOException {
        Map<String, List<Path>> sources = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skipped = !dir.equals(root)
                        && (name.startsWith(".") || name.equals("target") || name.equals("node_modules"));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                String name = file.getFileName().toString();
                if (name.endsWith(".java") && relative.contains("/src/test/java/")) {
                    sources.computeIfAbsent(name.substring(0, name.length() - ".java".length()), k -> new ArrayList<>())
                            .add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return sources;
    }

    private static String read(Path source) {
        try {
            return Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
