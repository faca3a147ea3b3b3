package org.zeitspende.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Checks the Kubernetes overlays, the Compose file and the image's JVM options against
 * the app's contract: image, health paths, hardening, scaling, the garbage collector and
 * the documented environment variables.
 * <p>
 * The overlays are rendered with {@code kubectl kustomize}. Without kubectl on the PATH
 * those checks are skipped, except on CI ({@code CI=true}), where they fail.
 */
class DeploymentManifestsTests {

	private static final Path PROJECT_ROOT = Path.of(System.getProperty("user.dir"));

	private static final String IMAGE_REPOSITORY = "ghcr.io/zeitspende/zeitspende";

	private static final String CONTAINER_NAME = "zeitspende";

	private static final int HTTP_PORT = 8080;

	private static final int SHUTDOWN_DRAIN_SECONDS = 20;

	private static final List<String> REQUIRED_VARIABLES = List.of("SPRING_R2DBC_URL", "SPRING_FLYWAY_URL",
			"SPRING_DATA_REDIS_URL", "ZEITSPENDE_PUBLIC_BASE_URL");

	private static final List<String> CREDENTIAL_VARIABLES = List.of("SPRING_R2DBC_PASSWORD", "SPRING_FLYWAY_PASSWORD",
			"SPRING_DATA_REDIS_URL", "SPRING_MAIL_PASSWORD", "ZEITSPENDE_AUTH_SIGNING_KEY");

	// Named: under 1,792 MiB of memory (the base deployment's limit is 1 GiB) or on
	// one processor the JVM would choose the serial collector.
	private static final String G1 = "-XX:+UseG1GC";

	// Beside its heap the JVM needed about 300 MiB in bursts of taps (resident
	// memory less the heap's maximum, measured in a lab) sized for two processors,
	// about 640 MiB sized for 64 (all of a node's, for a pod without a CPU limit).
	private static final long ROOM_BESIDE_THE_HEAP = 384L << 20;

	private static final Pattern PROCESSORS = Pattern.compile("-XX:ActiveProcessorCount=([0-9]+)");

	private static final Pattern HEAP_SHARE = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)");

	private static final Pattern MEMORY = Pattern.compile("([0-9]+)(Mi|Gi)");

	private static final Pattern BACKTICKED_NAME = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

	private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void overlay_rendersWithoutWarnings(String overlay) {
		Rendering rendering = kustomize(overlay);
		assertThat(rendering.stderr()).as("kubectl kustomize k8s/overlays/%s warnings", overlay).isBlank();
		assertThat(rendering.documents()).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void overlay_runsAtLeastTwoReplicasAndRollsWithoutUnavailability(String overlay) {
		Map<String, Object> deployment = deployment(overlay);
		assertThat(integer(at(deployment, "spec", "replicas"))).as("replicas").isGreaterThanOrEqualTo(2);
		assertThat(at(deployment, "spec", "strategy", "type")).isEqualTo("RollingUpdate");
		assertThat(integer(at(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable"))).as("maxUnavailable")
			.isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void overlay_probesHitTheHealthPaths(String overlay) {
		Map<String, Object> container = appContainer(overlay);
		assertProbe(container, "startupProbe", "/livez");
		assertProbe(container, "livenessProbe", "/livez");
		assertProbe(container, "readinessProbe", "/readyz");
	}

	@Test
	void prodOverlay_pinsAVersionedImage() {
		String image = (String) appContainer("prod").get("image");
		assertThat(repositoryOf(image)).isEqualTo(IMAGE_REPOSITORY);
		assertThat(tagOf(image)).as("tag of %s", image).isNotBlank().isNotEqualTo("latest");
	}

	@Test
	void devOverlay_runsTheProjectImage() {
		assertThat(repositoryOf((String) appContainer("dev").get("image"))).isEqualTo(IMAGE_REPOSITORY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void overlay_runsAsNonRootOnAReadOnlyRootFilesystem(String overlay) {
		Map<String, Object> podSpec = podSpec(overlay);
		Map<String, Object> container = appContainer(overlay);
		Object runAsNonRoot = firstNonNull(at(container, "securityContext", "runAsNonRoot"),
				at(podSpec, "securityContext", "runAsNonRoot"));
		assertThat(runAsNonRoot).as("runAsNonRoot").isEqualTo(true);
		assertThat(at(podSpec, "securityContext", "runAsUser")).as("runAsUser").isEqualTo(10001);
		assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).as("readOnlyRootFilesystem")
			.isEqualTo(true);
		assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).as("allowPrivilegeEscalation")
			.isEqualTo(false);
		assertThat(list(at(container, "securityContext", "capabilities", "drop"))).as("dropped capabilities")
			.contains("ALL");
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void overlay_givesTheReadOnlyContainerAWritableTmp(String overlay) {
		Map<String, Object> tmpMount = list(appContainer(overlay).get("volumeMounts")).stream()
			.map(DeploymentManifestsTests::map)
			.filter((mount) -> "/tmp".equals(mount.get("mountPath")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No volume is mounted at /tmp"));
		Map<String, Object> volume = list(podSpec(overlay).get("volumes")).stream()
			.map(DeploymentManifestsTests::map)
			.filter((candidate) -> tmpMount.get("name").equals(candidate.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No volume named " + tmpMount.get("name")));
		assertThat(volume).containsKey("emptyDir");
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void overlay_setsResourceRequestsAndAMemoryLimit(String overlay) {
		Map<String, Object> resources = map(appContainer(overlay).get("resources"));
		assertThat(map(resources.get("requests"))).containsKeys("cpu", "memory");
		assertThat(map(resources.get("limits"))).containsKey("memory");
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void overlay_leavesTimeForAGracefulShutdown(String overlay) {
		Object gracePeriod = podSpec(overlay).get("terminationGracePeriodSeconds");
		assertThat(gracePeriod).as("terminationGracePeriodSeconds").isNotNull();
		List<Object> preStop = list(at(appContainer(overlay), "lifecycle", "preStop", "exec", "command"));
		assertThat(preStop).as("preStop command").isNotEmpty();
		int preStopSeconds = Integer.parseInt(String.valueOf(preStop.get(preStop.size() - 1)));
		assertThat(integer(gracePeriod)).isGreaterThan(preStopSeconds + SHUTDOWN_DRAIN_SECONDS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void overlay_scalesAndProtectsTheDeployment(String overlay) {
		Map<String, Object> deployment = deployment(overlay);
		String deploymentName = (String) at(deployment, "metadata", "name");
		Map<String, Object> podLabels = map(at(deployment, "spec", "template", "metadata", "labels"));

		Map<String, Object> hpa = single(overlay, "HorizontalPodAutoscaler");
		assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
		Map<String, Object> target = map(at(hpa, "spec", "scaleTargetRef"));
		assertThat(target).containsEntry("apiVersion", "apps/v1")
			.containsEntry("kind", "Deployment")
			.containsEntry("name", deploymentName);
		int minReplicas = integer(at(hpa, "spec", "minReplicas"));
		assertThat(minReplicas).isGreaterThanOrEqualTo(2);
		assertThat(integer(at(hpa, "spec", "maxReplicas"))).isGreaterThan(minReplicas);

		Map<String, Object> pdb = single(overlay, "PodDisruptionBudget");
		Map<String, Object> pdbSelector = map(at(pdb, "spec", "selector", "matchLabels"));
		assertThat(pdbSelector).isNotEmpty();
		assertThat(podLabels).containsAllEntriesOf(pdbSelector);
		assertThat(integer(at(pdb, "spec", "minAvailable"))).isGreaterThanOrEqualTo(1);
	}

	@Test
	void prodOverlay_scalesUpToTenReplicas() {
		assertThat(integer(at(single("prod", "HorizontalPodAutoscaler"), "spec", "maxReplicas"))).isEqualTo(10);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void overlay_serviceTargetsTheContainerPort(String overlay) {
		Map<String, Object> deployment = deployment(overlay);
		Map<String, Object> podLabels = map(at(deployment, "spec", "template", "metadata", "labels"));
		Map<String, Object> service = named(overlay, "Service", (String) at(deployment, "metadata", "name"));
		Map<String, Object> selector = map(at(service, "spec", "selector"));
		assertThat(selector).isNotEmpty();
		assertThat(podLabels).containsAllEntriesOf(selector);
		List<Object> ports = list(at(service, "spec", "ports"));
		assertThat(ports).isNotEmpty();
		for (Object port : ports) {
			Object targetPort = map(port).get("targetPort");
			assertThat(containerPortNumber(appContainer(overlay), targetPort)).as("targetPort %s", targetPort)
				.isEqualTo(HTTP_PORT);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void overlay_setsOnlyDocumentedEnvironmentVariables(String overlay) {
		Set<String> variables = environmentVariables(overlay);
		assertThat(variables).containsAll(REQUIRED_VARIABLES);
		assertThat(documentedVariables()).as("variables in the configuration table of README.md")
			.containsAll(variables);
		assertThat(variables).noneMatch((name) -> name.startsWith("ZEITSPENDE_EMBEDDED_"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void overlay_takesCredentialsFromASecret(String overlay) {
		Map<String, Object> container = appContainer(overlay);
		for (String credential : CREDENTIAL_VARIABLES) {
			Map<String, Object> variable = list(container.get("env")).stream()
				.map(DeploymentManifestsTests::map)
				.filter((candidate) -> credential.equals(candidate.get("name")))
				.findFirst()
				.orElse(null);
			if (variable != null) {
				assertThat(variable).as(credential).doesNotContainKey("value");
				assertThat(at(variable, "valueFrom", "secretKeyRef")).as(credential).isNotNull();
			}
			else {
				assertThat(configMapKeys(overlay, container)).as("ConfigMap keys").doesNotContain(credential);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void overlay_namesTheGarbageCollector(String overlay) {
		assertThat(String.valueOf(configValue(overlay, "JAVA_TOOL_OPTIONS"))).contains(G1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void overlay_leavesRoomBesideTheHeap(String overlay) {
		String options = String.valueOf(configValue(overlay, "JAVA_TOOL_OPTIONS"));
		assertThat(options).doesNotContain("-Xmx", "-XX:MaxRAM=", "-XX:MaxHeapSize");
		List<MatchResult> shares = HEAP_SHARE.matcher(options).results().toList();
		assertThat(shares).as("-XX:MaxRAMPercentage in JAVA_TOOL_OPTIONS, once").hasSize(1);
		List<MatchResult> processors = PROCESSORS.matcher(options).results().toList();
		assertThat(processors).as("-XX:ActiveProcessorCount in JAVA_TOOL_OPTIONS, once").hasSize(1);
		assertThat(Integer.parseInt(processors.get(0).group(1))).isBetween(1, 2);
		assertThat(appContainer(overlay).get("env").toString()).doesNotContain("JAVA_TOOL_OPTIONS");
		Matcher limit = MEMORY.matcher(String.valueOf(at(appContainer(overlay), "resources", "limits", "memory")));
		assertThat(limit.matches()).as("memory limit in Mi or Gi").isTrue();
		long bytes = Long.parseLong(limit.group(1)) << ("Gi".equals(limit.group(2)) ? 30 : 20);
		double share = Double.parseDouble(shares.get(0).group(1));
		assertThat(bytes * (1 - share / 100)).isGreaterThanOrEqualTo(ROOM_BESIDE_THE_HEAP);
	}

	@Test
	void composeAndImage_setTheJvmOptionsOfTheKubernetesConfiguration() throws IOException {
		Object options = configValue("prod", "JAVA_TOOL_OPTIONS");
		assertThat(composeEnvironment(composeService("app"))).containsEntry("JAVA_TOOL_OPTIONS", options);
		assertThat(Files.readString(PROJECT_ROOT.resolve("Dockerfile"), StandardCharsets.UTF_8))
			.contains("ENV JAVA_TOOL_OPTIONS=\"" + options + "\"");
	}

	@Test
	void prodOverlay_leavesTheSecretToTheCluster() {
		assertThat(documents("prod")).noneMatch((document) -> "Secret".equals(document.get("kind")));
	}

	@Test
	void prodOverlay_turnsDemoDataOff() {
		assertThat(configValue("prod", "ZEITSPENDE_DEMO_ENABLED")).isEqualTo("false");
	}

	@Test
	void devOverlay_turnsDemoDataOn() {
		assertThat(configValue("dev", "ZEITSPENDE_DEMO_ENABLED")).isEqualTo("true");
	}

	@Test
	void devOverlay_redisPersistsAndNeverEvicts() {
		Map<String, Object> redis = named("dev", "StatefulSet", "redis");
		Map<String, Object> container = map(list(at(redis, "spec", "template", "spec", "containers")).get(0));
		String commandLine = commandLine(container.get("command")) + " " + commandLine(container.get("args"));
		assertThat(commandLine).contains("--appendonly yes").contains("--maxmemory-policy noeviction");
		assertThat(list(at(redis, "spec", "volumeClaimTemplates"))).isNotEmpty();
		assertThat(list(at(named("dev", "StatefulSet", "postgres"), "spec", "volumeClaimTemplates"))).isNotEmpty();
	}

	@Test
	void compose_appRunsTheProjectImage() {
		assertThat(repositoryOf((String) composeService("app").get("image"))).isEqualTo(IMAGE_REPOSITORY);
		assertThat(composeService("app")).containsKey("build");
	}

	@Test
	void compose_appSetsOnlyDocumentedEnvironmentVariables() {
		Set<String> variables = composeEnvironment(composeService("app")).keySet();
		assertThat(variables).containsAll(REQUIRED_VARIABLES);
		assertThat(documentedVariables()).as("variables in the configuration table of README.md")
			.containsAll(variables);
		assertThat(variables).noneMatch((name) -> name.startsWith("ZEITSPENDE_EMBEDDED_"));
	}

	@Test
	void compose_appWaitsForHealthyDatastores() {
		Map<String, Object> dependsOn = map(composeService("app").get("depends_on"));
		assertThat(at(dependsOn, "postgres", "condition")).isEqualTo("service_healthy");
		assertThat(at(dependsOn, "redis", "condition")).isEqualTo("service_healthy");
		assertThat(composeService("postgres")).containsKey("healthcheck");
		assertThat(composeService("redis")).containsKey("healthcheck");
	}

	@Test
	void compose_redisPersistsAndNeverEvicts() {
		String commandLine = commandLine(composeService("redis").get("command"));
		assertThat(commandLine).contains("appendonly yes").contains("noeviction");
	}

	private static void assertProbe(Map<String, Object> container, String probe, String path) {
		Map<String, Object> httpGet = map(at(container, probe, "httpGet"));
		assertThat(httpGet.get("path")).as("%s path", probe).isEqualTo(path);
		assertThat(containerPortNumber(container, httpGet.get("port"))).as("%s port", probe).isEqualTo(HTTP_PORT);
	}

	private static int containerPortNumber(Map<String, Object> container, Object port) {
		if (port instanceof Integer number) {
			return number;
		}
		return list(container.get("ports")).stream()
			.map(DeploymentManifestsTests::map)
			.filter((candidate) -> port.equals(candidate.get("name")))
			.map((candidate) -> integer(candidate.get("containerPort")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No container port named " + port));
	}

	private static Set<String> environmentVariables(String overlay) {
		Map<String, Object> container = appContainer(overlay);
		Set<String> names = new LinkedHashSet<>();
		for (Object variable : list(container.get("env"))) {
			names.add((String) map(variable).get("name"));
		}
		for (Object source : list(container.get("envFrom"))) {
			Map<String, Object> envFrom = map(source);
			String prefix = (envFrom.get("prefix") != null) ? (String) envFrom.get("prefix") : "";
			for (String key : envFromKeys(overlay, envFrom)) {
				names.add(prefix + key);
			}
		}
		return names;
	}

	private static Set<String> configMapKeys(String overlay, Map<String, Object> container) {
		Set<String> keys = new LinkedHashSet<>();
		for (Object source : list(container.get("envFrom"))) {
			Map<String, Object> envFrom = map(source);
			if (envFrom.containsKey("configMapRef")) {
				keys.addAll(envFromKeys(overlay, envFrom));
			}
		}
		return keys;
	}

	private static Set<String> envFromKeys(String overlay, Map<String, Object> envFrom) {
		String kind = envFrom.containsKey("configMapRef") ? "ConfigMap" : "Secret";
		Map<String, Object> reference = map(
				envFrom.containsKey("configMapRef") ? envFrom.get("configMapRef") : envFrom.get("secretRef"));
		Map<String, Object> source = named(overlay, kind, (String) reference.get("name"));
		Set<String> keys = new LinkedHashSet<>(map(source.get("data")).keySet());
		keys.addAll(map(source.get("stringData")).keySet());
		return keys;
	}

	private static Object configValue(String overlay, String key) {
		Map<String, Object> container = appContainer(overlay);
		for (Object source : list(container.get("envFrom"))) {
			Map<String, Object> reference = map(map(source).get("configMapRef"));
			if (!reference.isEmpty()) {
				Object value = map(named(overlay, "ConfigMap", (String) reference.get("name")).get("data")).get(key);
				if (value != null) {
					return value;
				}
			}
		}
		return fail("%s is not set through a ConfigMap in the %s overlay", key, overlay);
	}

	private static Set<String> documentedVariables() {
		Path readme = PROJECT_ROOT.resolve("README.md");
		assertThat(readme).as("README.md in the project root").isRegularFile();
		List<String> lines;
		try {
			lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + readme, ex);
		}
		Set<String> names = new LinkedHashSet<>();
		boolean inConfiguration = false;
		for (String line : lines) {
			String trimmed = line.trim();
			if (trimmed.matches("#{1,2}\\s.*")) {
				inConfiguration = trimmed.equals("## Configuration");
			}
			else if (inConfiguration && trimmed.startsWith("|")) {
				String[] cells = trimmed.split("\\|");
				if (cells.length > 1) {
					Matcher matcher = BACKTICKED_NAME.matcher(cells[1]);
					while (matcher.find()) {
						names.add(matcher.group(1));
					}
				}
			}
		}
		assertThat(names).as("names in the table under '## Configuration' in README.md").isNotEmpty();
		return names;
	}

	private static Map<String, Object> composeService(String name) {
		Path compose = PROJECT_ROOT.resolve("docker-compose.yml");
		assertThat(compose).isRegularFile();
		try {
			Map<String, Object> document = map(yaml().load(Files.readString(compose, StandardCharsets.UTF_8)));
			Map<String, Object> service = map(at(document, "services", name));
			assertThat(service).as("service %s in docker-compose.yml", name).isNotEmpty();
			return service;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + compose, ex);
		}
	}

	private static Map<String, Object> composeEnvironment(Map<String, Object> service) {
		Object environment = service.get("environment");
		if (environment instanceof List<?> entries) {
			Map<String, Object> variables = new LinkedHashMap<>();
			for (Object entry : entries) {
				String[] pair = String.valueOf(entry).split("=", 2);
				variables.put(pair[0], (pair.length > 1) ? pair[1] : null);
			}
			return variables;
		}
		return map(environment);
	}

	private static String commandLine(Object command) {
		if (command instanceof List<?> parts) {
			return String.join(" ", parts.stream().map(String::valueOf).toList());
		}
		return (command != null) ? String.valueOf(command) : "";
	}

	private static Map<String, Object> deployment(String overlay) {
		return named(overlay, "Deployment", CONTAINER_NAME);
	}

	private static Map<String, Object> podSpec(String overlay) {
		return map(at(deployment(overlay), "spec", "template", "spec"));
	}

	private static Map<String, Object> appContainer(String overlay) {
		return list(podSpec(overlay).get("containers")).stream()
			.map(DeploymentManifestsTests::map)
			.filter((container) -> CONTAINER_NAME.equals(container.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No container named " + CONTAINER_NAME));
	}

	private static Map<String, Object> single(String overlay, String kind) {
		List<Map<String, Object>> matches = documents(overlay).stream()
			.filter((document) -> kind.equals(document.get("kind")))
			.toList();
		assertThat(matches).as("%s resources in the %s overlay", kind, overlay).hasSize(1);
		return matches.get(0);
	}

	private static Map<String, Object> named(String overlay, String kind, String name) {
		return documents(overlay).stream()
			.filter((document) -> kind.equals(document.get("kind")))
			.filter((document) -> name.equals(at(document, "metadata", "name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(kind + " " + name + " is not in the " + overlay + " overlay"));
	}

	private static List<Map<String, Object>> documents(String overlay) {
		return RENDERED.computeIfAbsent(overlay, (key) -> kustomize(key).documents());
	}

	private static Rendering kustomize(String overlay) {
		requireKubectl();
		try {
			File stderr = File.createTempFile("kustomize", ".err");
			try {
				Process process = new ProcessBuilder("kubectl", "kustomize", "k8s/overlays/" + overlay)
					.directory(PROJECT_ROOT.toFile())
					.redirectError(stderr)
					.start();
				String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (!process.waitFor(2, TimeUnit.MINUTES)) {
					process.destroyForcibly();
					fail("kubectl kustomize k8s/overlays/%s did not finish in time", overlay);
				}
				String errors = Files.readString(stderr.toPath(), StandardCharsets.UTF_8);
				assertThat(process.exitValue()).as("kubectl kustomize k8s/overlays/%s failed: %s", overlay, errors)
					.isZero();
				List<Map<String, Object>> documents = new ArrayList<>();
				for (Object document : yaml().loadAll(stdout)) {
					if (document != null) {
						documents.add(map(document));
					}
				}
				return new Rendering(documents, errors);
			}
			finally {
				Files.deleteIfExists(stderr.toPath());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run kubectl kustomize k8s/overlays/" + overlay, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while rendering k8s/overlays/" + overlay, ex);
		}
	}

	private static void requireKubectl() {
		String path = System.getenv("PATH");
		boolean found = path != null && Pattern.compile(Pattern.quote(File.pathSeparator))
			.splitAsStream(path)
			.map((directory) -> Path.of(directory, "kubectl"))
			.anyMatch(Files::isExecutable);
		if (!found && "true".equals(System.getenv("CI"))) {
			fail("kubectl is not on the PATH; CI needs it to render k8s/overlays (Debian package 'kubectl')");
		}
		Assumptions.assumeTrue(found, "kubectl is not on the PATH; skipping the Kubernetes manifest checks");
	}

	private static Yaml yaml() {
		return new Yaml(new SafeConstructor(new LoaderOptions()));
	}

	private static Object at(Map<String, Object> root, String... path) {
		Object current = root;
		for (String key : path) {
			if (!(current instanceof Map<?, ?> node)) {
				return null;
			}
			current = node.get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?>) ? (Map<String, Object>) value : Map.of();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		return (value instanceof List<?>) ? (List<Object>) value : List.of();
	}

	private static int integer(Object value) {
		assertThat(value).isInstanceOf(Integer.class);
		return (Integer) value;
	}

	private static Object firstNonNull(Object first, Object second) {
		return (first != null) ? first : second;
	}

	private static String repositoryOf(String image) {
		String withoutDigest = image.split("@", 2)[0];
		int colon = withoutDigest.lastIndexOf(':');
		return (colon > withoutDigest.lastIndexOf('/')) ? withoutDigest.substring(0, colon) : withoutDigest;
	}

	private static String tagOf(String image) {
		String withoutDigest = image.split("@", 2)[0];
		int colon = withoutDigest.lastIndexOf(':');
		return (colon > withoutDigest.lastIndexOf('/')) ? withoutDigest.substring(colon + 1) : "";
	}

	private record Rendering(List<Map<String, Object>> documents, String stderr) {
	}

}
