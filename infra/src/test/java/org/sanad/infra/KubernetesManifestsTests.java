package org.sanad.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps the Kubernetes manifests under {@code infra/k8s} hardened: every container of every
 * Deployment and Job runs unprivileged on a read-only root file system with limits, secrets only
 * ever arrive through Secret references, the server is probed on its health endpoints and runs
 * more than once, its key files are mounted read-only where the configuration says, and network
 * policies exist.
 */
class KubernetesManifestsTests {

    static final Path MANIFESTS = Path.of("k8s");

    static final String HEALTH_LIVENESS = "/actuator/health/liveness";
    static final String HEALTH_READINESS = "/actuator/health/readiness";
    static final int SERVER_PORT = 8080;

    /** A parsed document with the file it came from, for failure messages. */
    record Manifest(Path file, Map<String, Object> document) {

        String kind() {
            return (String) document.get("kind");
        }

        String name() {
            return (String) map(document, "metadata").get("name");
        }

        @Override
        public String toString() {
            return kind() + "/" + name() + " (" + file + ")";
        }
    }

    /** A container with the pod spec and workload it belongs to. */
    record Container(Manifest workload, Map<String, Object> pod, Map<String, Object> spec) {

        String name() {
            return (String) spec.get("name");
        }

        @Override
        public String toString() {
            return workload + " container " + name();
        }
    }

    static List<Manifest> manifests;

    @BeforeAll
    static void parseEveryManifest() throws IOException {
        assertThat(MANIFESTS).as("infra/k8s (tests run in the infra module)").isDirectory();
        var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Manifest> parsed = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(MANIFESTS)) {
            files = walk.filter(file ->
                            file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (Object document : yaml.loadAll(reader)) {
                    if (document instanceof Map<?, ?> map && map.get("kind") != null) {
                        parsed.add(new Manifest(file, cast(map)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file.toString(), e);
            }
        }
        manifests = parsed;
    }

    @Test
    void theManifestsHoldTheServerTheMigrationJobAndTheirPolicies() {
        assertThat(manifests)
                .extracting(Manifest::kind)
                .contains(
                        "Namespace",
                        "ConfigMap",
                        "Deployment",
                        "Job",
                        "Service",
                        "Ingress",
                        "PodDisruptionBudget",
                        "NetworkPolicy");
        assertThat(containers()).isNotEmpty();
    }

    @Test
    void everyContainerRunsAsNonRootWithReadOnlyRootFilesystem() {
        for (Container container : containers()) {
            Map<String, Object> context = map(container.spec(), "securityContext");
            Map<String, Object> podContext = map(container.pod(), "securityContext");
            Object runAsNonRoot = context.getOrDefault("runAsNonRoot", podContext.get("runAsNonRoot"));
            assertThat(runAsNonRoot).as("%s runAsNonRoot", container).isEqualTo(true);
            assertThat(context.get("readOnlyRootFilesystem"))
                    .as("%s readOnlyRootFilesystem", container)
                    .isEqualTo(true);
            Object runAsUser = context.getOrDefault("runAsUser", podContext.get("runAsUser"));
            if (runAsUser != null) {
                assertThat(((Number) runAsUser).longValue())
                        .as("%s runAsUser", container)
                        .isPositive();
            }
        }
    }

    @Test
    void everyContainerForbidsPrivilegeEscalationAndDropsAllCapabilities() {
        for (Container container : containers()) {
            Map<String, Object> context = map(container.spec(), "securityContext");
            assertThat(context.get("allowPrivilegeEscalation"))
                    .as("%s allowPrivilegeEscalation", container)
                    .isEqualTo(false);
            assertThat(context.getOrDefault("privileged", false))
                    .as("%s privileged", container)
                    .isEqualTo(false);
            assertThat(list(map(context, "capabilities"), "drop"))
                    .as("%s capabilities.drop", container)
                    .contains("ALL");
            assertThat(list(map(context, "capabilities"), "add"))
                    .as("%s capabilities.add", container)
                    .isEmpty();
        }
    }

    @Test
    void everyContainerUsesTheRuntimeDefaultSeccompProfile() {
        for (Container container : containers()) {
            Map<String, Object> own = map(map(container.spec(), "securityContext"), "seccompProfile");
            Map<String, Object> pod = map(map(container.pod(), "securityContext"), "seccompProfile");
            Object type = own.getOrDefault("type", pod.get("type"));
            assertThat(type).as("%s seccompProfile", container).isEqualTo("RuntimeDefault");
        }
    }

    @Test
    void everyPodStaysOffTheHostAndHasNoKubernetesApiToken() {
        for (Manifest workload : workloads()) {
            Map<String, Object> pod = podSpec(workload);
            for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                assertThat(pod.getOrDefault(host, false))
                        .as("%s %s", workload, host)
                        .isEqualTo(false);
            }
            assertThat(pod.get("automountServiceAccountToken"))
                    .as("%s automountServiceAccountToken", workload)
                    .isEqualTo(false);
            for (Map<String, Object> volume : maps(pod, "volumes")) {
                assertThat(volume).as("%s volume", workload).doesNotContainKey("hostPath");
            }
        }
    }

    @Test
    void everyContainerHasAnEmptyDirAtTmp() {
        for (Container container : containers()) {
            List<String> emptyDirs = maps(container.pod(), "volumes").stream()
                    .filter(volume -> volume.containsKey("emptyDir"))
                    .map(volume -> (String) volume.get("name"))
                    .toList();
            assertThat(maps(container.spec(), "volumeMounts"))
                    .as("%s mounts an emptyDir at /tmp", container)
                    .anySatisfy(mount -> {
                        assertThat(mount.get("mountPath")).isEqualTo("/tmp");
                        assertThat(emptyDirs).contains((String) mount.get("name"));
                    });
        }
    }

    @Test
    void everyContainerHasResourceRequestsAndLimits() {
        for (Container container : containers()) {
            Map<String, Object> resources = map(container.spec(), "resources");
            assertThat(map(resources, "limits"))
                    .as("%s resources.limits", container)
                    .containsKeys("cpu", "memory");
            assertThat(map(resources, "requests"))
                    .as("%s resources.requests", container)
                    .containsKeys("cpu", "memory");
        }
    }

    @Test
    void passwordsAndSecretsComeFromSecretReferencesNeverFromInlineValues() {
        int checked = 0;
        for (Container container : containers()) {
            for (Map<String, Object> variable : maps(container.spec(), "env")) {
                String name = (String) variable.get("name");
                if (isSecretName(name)) {
                    checked++;
                    assertThat(variable).as("%s env %s", container, name).doesNotContainKey("value");
                    Map<String, Object> reference = map(map(variable, "valueFrom"), "secretKeyRef");
                    assertThat(reference)
                            .as("%s env %s valueFrom.secretKeyRef", container, name)
                            .containsKeys("name", "key");
                    assertThat(reference.getOrDefault("optional", false))
                            .as("%s env %s must not be optional", container, name)
                            .isEqualTo(false);
                }
            }
        }
        assertThat(checked).as("secret variables seen").isGreaterThanOrEqualTo(4);
    }

    @Test
    void noConfigMapOrManifestCarriesASecretValue() {
        for (Manifest manifest : manifests) {
            if ("Secret".equals(manifest.kind())) {
                assertThat(manifest.document())
                        .as("%s: Secrets are created by the organisation, never shipped", manifest)
                        .doesNotContainKeys("data", "stringData");
            }
            if ("ConfigMap".equals(manifest.kind())) {
                assertThat(map(manifest.document(), "data").keySet())
                        .as("%s keys", manifest)
                        .noneMatch(KubernetesManifestsTests::isSecretName);
            }
        }
    }

    @Test
    void theServerHoldsTheAppRolePasswordAndOnlyTheMigrationJobTheOwnerPassword() {
        for (Container container : containers()) {
            List<String> names = envNames(container);
            if ("Deployment".equals(container.workload().kind())) {
                assertThat(names)
                        .as("%s", container)
                        .contains("SANAD_DB_APP_PASSWORD", "SANAD_KEK_PASSWORD", "SANAD_PROVISIONER_SECRET")
                        .doesNotContain("SANAD_DB_OWNER_PASSWORD");
            } else {
                assertThat(names)
                        .as("%s", container)
                        .contains("SANAD_DB_OWNER_PASSWORD")
                        .doesNotContain("SANAD_KEK_PASSWORD", "SANAD_PROVISIONER_SECRET");
            }
        }
        // Without this the server would run Flyway as sanad_owner at every start.
        assertThat(serverConfig()).containsEntry("SPRING_FLYWAY_ENABLED", "false");
    }

    @Test
    void theServerListensOnThePodNetworkAndAcceptsNoDemoClient() {
        Map<String, Object> config = serverConfig();
        assertThat(config).containsEntry("SANAD_BIND_ADDRESS", "0.0.0.0");
        assertThat(config).containsEntry("SANAD_PORT", String.valueOf(SERVER_PORT));
        assertThat((String) config.get("SANAD_ALLOWED_CLIENTS"))
                .as("SANAD_ALLOWED_CLIENTS must be set (the server's default is the demo client)")
                .isNotBlank()
                .doesNotContain("sanad-demo");
        assertThat((String) config.get("SANAD_ISSUER")).startsWith("https://");
        assertThat((String) config.get("SANAD_KEYCLOAK_URL")).startsWith("https://");
        assertThat((String) config.get("SANAD_DB_URL")).contains("sslmode=verify-full");
    }

    @Test
    void theServerIsProbedOnItsHealthEndpoints() {
        for (Container container : containersOf("Deployment")) {
            Map<String, Object> ports = new HashMap<>();
            for (Map<String, Object> port : maps(container.spec(), "ports")) {
                if (port.get("name") != null) {
                    ports.put((String) port.get("name"), port.get("containerPort"));
                }
            }
            assertProbe(container, "livenessProbe", HEALTH_LIVENESS, ports);
            assertProbe(container, "readinessProbe", HEALTH_READINESS, ports);
        }
    }

    @Test
    void theServerRunsAtLeastTwoReplicasWithADisruptionBudget() {
        List<Manifest> deployments = of("Deployment");
        assertThat(deployments).isNotEmpty();
        for (Manifest deployment : deployments) {
            Map<String, Object> spec = map(deployment.document(), "spec");
            assertThat(((Number) spec.get("replicas")).intValue())
                    .as("%s replicas", deployment)
                    .isGreaterThanOrEqualTo(2);
            Map<String, Object> labels = map(map(map(spec, "template"), "metadata"), "labels");
            assertThat(of("PodDisruptionBudget"))
                    .as("a PodDisruptionBudget selecting %s", deployment)
                    .anySatisfy(budget -> assertThat(labels)
                            .containsAllEntriesOf(map(map(map(budget.document(), "spec"), "selector"), "matchLabels")));
        }
    }

    @Test
    void theKeyFilesAreMountedReadOnlyFromSecretsAtTheConfiguredPaths() {
        Map<String, Object> config = serverConfig();
        for (String variable : List.of("SANAD_KEK_KEYSTORE", "SANAD_AUDIT_SIGNING_KEY")) {
            String path = (String) config.get(variable);
            assertThat(path).as(variable).isNotBlank().startsWith("/");
            for (Container container : containersOf("Deployment")) {
                List<String> secretVolumes = maps(container.pod(), "volumes").stream()
                        .filter(volume -> volume.containsKey("secret") || volume.containsKey("csi"))
                        .map(volume -> (String) volume.get("name"))
                        .toList();
                assertThat(maps(container.spec(), "volumeMounts"))
                        .as("%s mounts %s=%s read-only from a Secret", container, variable, path)
                        .anySatisfy(mount -> {
                            String mountPath = (String) mount.get("mountPath");
                            assertThat(path.equals(mountPath) || path.startsWith(mountPath + "/"))
                                    .isTrue();
                            assertThat(mount.get("readOnly")).isEqualTo(true);
                            assertThat(secretVolumes).contains((String) mount.get("name"));
                        });
            }
        }
    }

    @Test
    void networkPoliciesDenyByDefaultAndScopeEveryWorkload() {
        List<Manifest> policies = of("NetworkPolicy");
        assertThat(policies).isNotEmpty();
        assertThat(policies).as("a default-deny policy for the whole namespace").anySatisfy(policy -> {
            Map<String, Object> spec = map(policy.document(), "spec");
            assertThat(map(spec, "podSelector")).isEmpty();
            assertThat(list(spec, "policyTypes")).contains("Ingress", "Egress");
            assertThat(spec).doesNotContainKeys("ingress", "egress");
        });
        for (Manifest workload : workloads()) {
            Map<String, Object> labels =
                    map(map(map(map(workload.document(), "spec"), "template"), "metadata"), "labels");
            assertThat(policies).as("a policy of its own for %s", workload).anySatisfy(policy -> {
                Map<String, Object> spec = map(policy.document(), "spec");
                Map<String, Object> selector = map(map(spec, "podSelector"), "matchLabels");
                assertThat(selector).isNotEmpty();
                assertThat(labels).containsAllEntriesOf(selector);
                assertThat(list(spec, "policyTypes")).contains("Ingress", "Egress");
            });
        }
    }

    @Test
    void theIngressRequiresTls() {
        List<Manifest> ingresses = of("Ingress");
        assertThat(ingresses).isNotEmpty();
        for (Manifest ingress : ingresses) {
            Map<String, Object> spec = map(ingress.document(), "spec");
            List<Map<String, Object>> tls = maps(spec, "tls");
            assertThat(tls).as("%s tls", ingress).isNotEmpty();
            List<Object> tlsHosts =
                    tls.stream().flatMap(entry -> list(entry, "hosts").stream()).toList();
            for (Map<String, Object> rule : maps(spec, "rules")) {
                assertThat(tlsHosts).as("%s host covered by tls", ingress).contains(rule.get("host"));
            }
            assertThat(tls).allSatisfy(entry -> assertThat(entry).containsKey("secretName"));
            assertThat(map(map(ingress.document(), "metadata"), "annotations"))
                    .containsEntry("nginx.ingress.kubernetes.io/force-ssl-redirect", "true");
        }
    }

    static void assertProbe(Container container, String probe, String path, Map<String, Object> namedPorts) {
        Map<String, Object> get = map(map(container.spec(), probe), "httpGet");
        assertThat(get.get("path")).as("%s %s path", container, probe).isEqualTo(path);
        Object port = get.get("port");
        Object resolved = port instanceof String name ? namedPorts.get(name) : port;
        assertThat(resolved).as("%s %s port", container, probe).isEqualTo(SERVER_PORT);
    }

    static boolean isSecretName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.contains("PASSWORD") || upper.contains("SECRET");
    }

    static Map<String, Object> serverConfig() {
        List<Manifest> configs = of("ConfigMap").stream()
                .filter(config -> "sanad-server".equals(config.name()))
                .toList();
        assertThat(configs).as("ConfigMap sanad-server").hasSize(1);
        return map(configs.getFirst().document(), "data");
    }

    static List<String> envNames(Container container) {
        return maps(container.spec(), "env").stream()
                .map(variable -> (String) variable.get("name"))
                .toList();
    }

    static List<Manifest> of(String kind) {
        return manifests.stream().filter(m -> kind.equals(m.kind())).toList();
    }

    static List<Manifest> workloads() {
        return manifests.stream()
                .filter(m -> "Deployment".equals(m.kind()) || "Job".equals(m.kind()))
                .toList();
    }

    static Map<String, Object> podSpec(Manifest workload) {
        return map(map(map(workload.document(), "spec"), "template"), "spec");
    }

    static List<Container> containers() {
        List<Container> all = new ArrayList<>();
        for (Manifest workload : workloads()) {
            Map<String, Object> pod = podSpec(workload);
            for (String kind : List.of("initContainers", "containers")) {
                for (Map<String, Object> container : maps(pod, kind)) {
                    all.add(new Container(workload, pod, container));
                }
            }
        }
        return all;
    }

    static List<Container> containersOf(String kind) {
        return containers().stream()
                .filter(container -> kind.equals(container.workload().kind()))
                .toList();
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value instanceof Map<?, ?> child ? cast(child) : Map.of();
    }

    static List<Object> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value instanceof List<?> items
                ? items.stream().map(Object.class::cast).toList()
                : List.of();
    }

    static List<Map<String, Object>> maps(Map<String, Object> parent, String key) {
        return list(parent, key).stream()
                .filter(Objects::nonNull)
                .map(item -> cast((Map<?, ?>) item))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
