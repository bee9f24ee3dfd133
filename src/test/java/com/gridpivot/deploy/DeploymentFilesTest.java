package com.gridpivot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files (deploy/) say what the service reads: the compose file runs PostgreSQL, RabbitMQ and three
 * replicas in cluster mode, each named; the Kubernetes Deployments probe the health endpoints and give a stopping pod
 * the shutdown grace plus the time solvers need to leave native code; KEDA scales the workers on the queues; every
 * GRIDPIVOT_ variable they set is one application.properties reads.
 */
class DeploymentFilesTest {
    private static final Path DEPLOY = Path.of("deploy");

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object n = node;
        for (String p : path) {
            n = n instanceof Map<?, ?> m ? m.get(p) : null;
        }
        return (T) n;
    }

    private static List<Object> documents(Path file) throws IOException {
        List<Object> docs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            new Yaml(new LoaderOptions()).loadAll(in).forEach(docs::add);
        }
        return docs;
    }

    private static Properties applicationProperties() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p;
    }

    /** The GRIDPIVOT_ variables application.properties reads (${NAME:default}). */
    private static Set<String> variablesRead() throws IOException {
        Set<String> names = new HashSet<>();
        var m = java.util.regex.Pattern.compile("\\$\\{(GRIDPIVOT_[A-Z_]+)").matcher(Files.readString(Path.of("src/main/resources/application.properties")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void composeRunsPostgresRabbitMqAndThreeNamedReplicasInClusterMode() throws IOException {
        Map<String, Object> compose = (Map<String, Object>) documents(DEPLOY.resolve("compose.yaml")).get(0);
        Map<String, Object> services = at(compose, "services");
        assertThat(services).containsKeys("postgres", "rabbitmq", "gridpivot-1", "gridpivot-2", "gridpivot-3", "balancer");
        Set<String> ids = new HashSet<>();
        Set<String> read = variablesRead();
        for (String r : List.of("gridpivot-1", "gridpivot-2", "gridpivot-3")) {
            Map<String, Object> env = at(services, r, "environment");
            assertThat(env).containsEntry("GRIDPIVOT_QUEUE", "rabbitmq").containsEntry("RABBITMQ_HOST", "rabbitmq")
                    .containsEntry("GRIDPIVOT_DB_URL", "jdbc:postgresql://postgres:5432/gridpivot").containsEntry("GRIDPIVOT_ROLE", "all");
            ids.add((String) env.get("GRIDPIVOT_REPLICA_ID"));
            assertThat(at(services, r, "stop_grace_period").toString()).isEqualTo("35s");
            assertThat(at(services, r, "healthcheck", "test").toString()).contains("/q/health/ready");
            env.keySet().stream().filter(k -> k.startsWith("GRIDPIVOT_") && !k.equals("GRIDPIVOT_QUEUE"))
                    .forEach(k -> assertThat(read).as("application.properties reads " + k).contains(k));
        }
        assertThat(ids).containsExactlyInAnyOrder("gridpivot-1", "gridpivot-2", "gridpivot-3");
        assertThat(Files.readString(DEPLOY.resolve("nginx.conf"))).contains("server gridpivot-1:8080", "server gridpivot-2:8080",
                "server gridpivot-3:8080");
    }

    @Test
    void kubernetesDeploymentsProbeHealthAndStopGracefully() throws IOException {
        Properties props = applicationProperties();
        int grace = Integer.parseInt(props.getProperty("gridpivot.jobs.shutdown-grace-seconds"));
        Set<String> read = variablesRead();
        int deployments = 0;
        for (Object doc : documents(DEPLOY.resolve("kubernetes/gridpivot.yaml"))) {
            if (!"Deployment".equals(at(doc, "kind"))) {
                continue;
            }
            deployments++;
            Map<String, Object> pod = at(doc, "spec", "template", "spec");
            // the grace in which running work may finish, plus 10 s for interrupted solvers (README, Jobs)
            assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThanOrEqualTo(grace + 10);
            Map<String, Object> c = ((List<Map<String, Object>>) pod.get("containers")).get(0);
            assertThat((String) at(c, "readinessProbe", "httpGet", "path")).isEqualTo("/q/health/ready");
            assertThat((String) at(c, "livenessProbe", "httpGet", "path")).isEqualTo("/q/health/live");
            assertThat((String) at(c, "startupProbe", "httpGet", "path")).isEqualTo("/q/health/started");
            for (Map<String, Object> e : (List<Map<String, Object>>) c.get("env")) {
                String name = (String) e.get("name");
                if (name.startsWith("GRIDPIVOT_")) {
                    assertThat(read).as("application.properties reads " + name).contains(name);
                }
            }
            String role = ((List<Map<String, Object>>) c.get("env")).stream().filter(e -> "GRIDPIVOT_ROLE".equals(e.get("name")))
                    .map(e -> (String) e.get("value")).findFirst().orElseThrow();
            assertThat(role).isIn("api", "worker");
        }
        assertThat(deployments).isEqualTo(2);
        List<Object> keda = documents(DEPLOY.resolve("kubernetes/keda-scaledobject.yaml"));
        Object scaled = keda.stream().filter(d -> "ScaledObject".equals(at(d, "kind"))).findFirst().orElseThrow();
        assertThat((String) at(scaled, "spec", "scaleTargetRef", "name")).isEqualTo("gridpivot-worker");
        List<Map<String, Object>> triggers = at(scaled, "spec", "triggers");
        assertThat(triggers).extracting(t -> at(t, "metadata", "queueName")).containsExactly("gridpivot.chunks", "gridpivot.runs");
        assertThat(triggers).extracting(t -> at(t, "metadata", "mode")).containsOnly("QueueLength");
    }
}
