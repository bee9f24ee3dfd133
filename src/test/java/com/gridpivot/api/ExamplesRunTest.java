package com.gridpivot.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.demo.DemoDataLoader;
import com.gridpivot.imports.ImportDemoDataTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every example runs as written on a fresh install: each curl command of the README's fenced blocks and each OpenAPI
 * example (request bodies and parameters of every operation, as served at /q/openapi) is sent to a service that has
 * just loaded the demo data on an empty database, and must answer 2xx, or 202 whose Location reaches a finished
 * OPTIMAL or FEASIBLE run with a result. Commands that need a key run with auth off (the test profile). An example that
 * cannot run on a fresh install by its nature is named in {@link #README_EXEMPT} with the reason.
 */
@QuarkusTest
@TestProfile(ExamplesRunTest.FreshDemoData.class)
class ExamplesRunTest {
    /**
     * The demo data profile on a database of this test's own (H2 in memory gridpivot-examples, or the schema
     * examples_test of the PostgreSQL database, cleaned at start): the examples create a site, a scenario and a key,
     * which the other demo-data tests must not see, and they must find the demo data as a fresh install has it.
     */
    public static class FreshDemoData extends ImportDemoDataTest.DemoData {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> c = new LinkedHashMap<>();
            super.getConfigOverrides().forEach((k, v) -> c.put(k,
                    v.replace("jdbc:h2:mem:gridpivot-demo;", "jdbc:h2:mem:gridpivot-examples;").replace("demo_test", "examples_test")));
            return c;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** README commands that cannot succeed on a fresh install, by method and path, with the reason. */
    static final Map<String, String> README_EXEMPT = Map.of(
            "POST /api/v1/runs/7/retry", "retries a FAILED, CANCELLED or TIMED_OUT run 7; a fresh install has no such run, "
                    + "so it answers 404 (the command shows the form of a retry)");

    /** What each test sent and the first answer's status, written to target/examples-run-*.txt for a reader. */
    private static final List<String> SENT = new ArrayList<>();

    @Inject
    DemoDataLoader loader;

    @BeforeEach
    void demoDataLoaded() throws Exception {
        SENT.clear();
        DemoDataLoader.Status status = loader.awaitDone(Duration.ofMinutes(3));
        assertThat(status.state()).as(status.detail()).isEqualTo(DemoDataLoader.State.LOADED);
    }

    // ---------------------------------------------------------------- README

    /** One curl command as a request: method, path with query, headers, body; {@code line} names it in messages. */
    record Curl(String method, String pathAndQuery, Map<String, String> headers, String body, int line) {
        String key() {
            int q = pathAndQuery.indexOf('?');
            return method + " " + (q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
        }
    }

    @Test
    void everyCurlCommandOfTheReadmeAnswers2xx() throws Exception {
        List<Curl> commands = readmeCurls(Files.readString(Path.of("README.md")));
        // the Try it section's commands and the jobs section's, each parsed (not a count that could silently shrink)
        assertThat(commands).extracting(Curl::key).contains("POST /api/v1/allocations", "GET /api/v1/allocation-runs",
                "GET /api/v1/allocation-runs/1/dispatch.csv", "GET /api/v1/shutdown-price", "GET /api/v1/catalog/asic-models",
                "GET /api/v1/catalog/ai-offerings", "GET /api/v1/scenarios", "POST /api/v1/sweeps/runs", "GET /api/v1/sites",
                "GET /api/v1/series", "GET /api/v1/runs");
        List<String> failures = new ArrayList<>();
        int ran = 0;
        for (Curl c : commands) {
            if (README_EXEMPT.containsKey(c.key())) {
                continue;
            }
            ran++;
            String failure = send("README.md line " + c.line(), c.method(), c.pathAndQuery(), c.headers(), c.body());
            if (failure != null) {
                failures.add(failure);
            }
        }
        written("target/examples-run-readme.txt");
        assertThat(failures).as("README commands that fail on a fresh install").isEmpty();
        assertThat(ran).isGreaterThanOrEqualTo(12);

        // what the commands' comments say of their answers: the ids the stored-data commands name are the demo data's
        assertThat(JSON.readTree(get("/api/v1/sites/1").body()).path("name").asText()).isEqualTo(DemoDataLoader.SITE_NAME);
        assertThat(JSON.readTree(get("/api/v1/scenarios/1").body()).path("name").asText()).isEqualTo("Base case (demo)");
        // "Shutdown BTC price of an S21 at $0.08/kWh and difficulty 125.86T (≈ $67,270)", by hand: BTC per TH-day
        // 86400e12 / (125.86e12 × 2^32) × 3.125 = 4.99478e-7; cost 17.5 J/TH × 24 h / 1000 × 0.08 = 0.0336 USD per TH-day
        Curl shutdown = commands.stream().filter(c -> c.key().equals("GET /api/v1/shutdown-price")).findFirst().orElseThrow();
        assertThat(JSON.readTree(get(shutdown.pathAndQuery()).body()).path("shutdownBtcPriceUsd").asDouble())
                .isCloseTo(0.0336 / (86400e12 / (125.86e12 * Math.pow(2, 32)) * 3.125), org.assertj.core.api.Assertions.within(0.01));
    }

    /** The curl commands of every fenced block of the README (bash or plain), in order. */
    static List<Curl> readmeCurls(String readme) {
        List<Curl> out = new ArrayList<>();
        String[] lines = readme.split("\n", -1);
        boolean fenced = false;
        StringBuilder command = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("```")) {
                fenced = !fenced;
                command = null;
                continue;
            }
            if (!fenced) {
                continue;
            }
            if (command == null) {
                String t = line.strip();
                if (!t.startsWith("curl ")) {
                    continue;
                }
                command = new StringBuilder();
                start = i + 1;
            }
            command.append(line).append('\n');
            if (!openQuote(command) && !line.stripTrailing().endsWith("\\")) {
                out.add(parseCurl(tokens(command.toString()), start));
                command = null;
            }
        }
        return out;
    }

    private static boolean openQuote(CharSequence s) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else if (quote == 0 && c == '#' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            }
        }
        return quote != 0;
    }

    /** Shell words: single and double quotes, backslash-newline, up to an unquoted pipe or comment. */
    static List<String> tokens(String command) {
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (c == '\\' && i + 1 < command.length() && command.charAt(i + 1) == '\n') {
                i++;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    out.add(word.toString());
                    word = null;
                }
            } else if (word == null && (c == '|' || c == '#')) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            out.add(word.toString());
        }
        return out;
    }

    static Curl parseCurl(List<String> words, int line) {
        assertThat(words.get(0)).isEqualTo("curl");
        String method = null;
        String url = null;
        String body = null;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int k = 1; k < words.size(); k++) {
            String w = words.get(k);
            switch (w) {
                case "-s", "-i", "-si", "-is", "-S", "-sS" -> {
                }
                case "-X", "--request" -> method = words.get(++k);
                case "-H", "--header" -> {
                    String h = words.get(++k);
                    int colon = h.indexOf(':');
                    headers.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
                }
                case "-d", "--data", "--data-raw" -> body = words.get(++k);
                default -> {
                    if (w.startsWith("-")) {
                        throw new AssertionError("README.md line " + line + ": curl option " + w + " is not understood by this test");
                    }
                    url = w;
                }
            }
        }
        assertThat(url).as("README.md line %d: a curl command without a URL", line).isNotNull();
        String rest = url.replaceFirst("^https?://", "");
        assertThat(rest).as("README.md line %d: the service's address", line).startsWith("localhost:8080/");
        return new Curl(method != null ? method : body != null ? "POST" : "GET", rest.substring("localhost:8080".length()),
                headers, body, line);
    }

    // ---------------------------------------------------------------- OpenAPI

    @Test
    void everyOpenApiExampleAnswers2xx() throws Exception {
        JsonNode doc = JSON.readTree(get("/q/openapi?format=json").body());
        Map<String, Long> ids = pathIds();
        List<String> failures = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                String template = p.getKey();
                String path = template;
                JsonNode operation = op.getValue();
                boolean hasExample = false;
                StringBuilder query = new StringBuilder();
                for (JsonNode param : operation.path("parameters")) {
                    JsonNode example = parameterExample(param);
                    if (example != null && "query".equals(param.path("in").asText())) {
                        hasExample = true;
                        query.append(query.length() == 0 ? "?" : "&").append(param.path("name").asText()).append('=')
                                .append(URLEncoder.encode(example.asText(), StandardCharsets.UTF_8).replace("+", "%20"));
                    }
                }
                List<Map.Entry<String, String>> bodies = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> media = operation.path("requestBody").path("content").fields(); media.hasNext(); ) {
                    Map.Entry<String, JsonNode> m = media.next();
                    for (Iterator<Map.Entry<String, JsonNode>> ex = m.getValue().path("examples").fields(); ex.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = ex.next();
                        JsonNode value = e.getValue().path("value");
                        bodies.add(Map.entry(m.getKey() + " example '" + e.getKey() + "'",
                                value.isTextual() ? value.asText() : JSON.writeValueAsString(value)));
                    }
                    if (m.getValue().has("example")) {
                        JsonNode value = m.getValue().get("example");
                        bodies.add(Map.entry(m.getKey() + " example", value.isTextual() ? value.asText() : JSON.writeValueAsString(value)));
                    }
                }
                if (!hasExample && bodies.isEmpty()) {
                    continue;
                }
                if (template.contains("{")) {
                    Long id = ids.get(template);
                    if (id == null) {
                        failures.add(method + " " + template + ": an example, but this test knows no stored id for the path");
                        continue;
                    }
                    path = template.replaceAll("\\{[^}]+}", String.valueOf(id));
                }
                if (bodies.isEmpty()) {
                    ran.add(method + " " + template + " (parameters)");
                    String f = send("OpenAPI " + method + " " + template + " parameter examples", method, path + query, Map.of(), null);
                    if (f != null) {
                        failures.add(f);
                    }
                }
                for (Map.Entry<String, String> b : bodies) {
                    String mediaType = b.getKey().substring(0, b.getKey().indexOf(' '));
                    ran.add(method + " " + template + " " + b.getKey());
                    String f = send("OpenAPI " + method + " " + template + " " + b.getKey(), method, path + query,
                            Map.of("Content-Type", mediaType), b.getValue());
                    if (f != null) {
                        failures.add(f);
                    }
                }
            }
        }
        written("target/examples-run-openapi.txt");
        assertThat(failures).as("OpenAPI examples that fail on a fresh install (ran: %s)", ran).isEmpty();
        assertThat(ran).contains("POST /api/v1/allocations application/json example 'West Texas, two days'",
                "POST /api/v1/plans/runs application/json example '5-year plan'",
                "POST /api/v1/plans/compare application/json example 'Three plans'",
                "POST /api/v1/sites application/json example 'West Texas phase 2'",
                "PUT /api/v1/sites/{id} application/json example 'West Texas demo'",
                "GET /api/v1/shutdown-price (parameters)", "GET /api/v1/runs (parameters)");
    }

    private static JsonNode parameterExample(JsonNode param) {
        if (param.has("example")) {
            return param.get("example");
        }
        Iterator<JsonNode> examples = param.path("examples").elements();
        return examples.hasNext() ? examples.next().path("value") : null;
    }

    /** The stored ids an example's path template refers to: the demo data's. */
    private Map<String, Long> pathIds() throws Exception {
        Map<String, Long> ids = new LinkedHashMap<>();
        JsonNode sites = JSON.readTree(get("/api/v1/sites").body());
        for (JsonNode s : sites.path("items")) {
            if (DemoDataLoader.SITE_NAME.equals(s.path("name").asText())) {
                ids.put("/api/v1/sites/{id}", s.path("id").asLong());
            }
        }
        JsonNode scenarios = JSON.readTree(get("/api/v1/scenarios").body());
        for (JsonNode s : scenarios) {
            if ("Base case (demo)".equals(s.path("name").asText())) {
                ids.put("/api/v1/scenarios/{id}", s.path("id").asLong());
            }
        }
        return ids;
    }

    // ---------------------------------------------------------------- HTTP

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create("http://localhost:" + RestAssured.port + pathOrUrl);
    }

    /** Sends one example; null when it answers 2xx (a 202 followed to a finished OPTIMAL/FEASIBLE run and its result). */
    private static String send(String what, String method, String pathAndQuery, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofMinutes(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        String request = what + ": " + method + " " + pathAndQuery;
        SENT.add(request + " -> " + r.statusCode());
        if (r.statusCode() / 100 != 2) {
            return request + " answered " + r.statusCode() + " " + abbreviate(r.body());
        }
        if (r.statusCode() != 202) {
            return null;
        }
        String location = r.headers().firstValue("Location").orElse(null);
        if (location == null) {
            return request + " answered 202 without a Location";
        }
        JsonNode run = null;
        for (int k = 0; k < 6000; k++) { // up to 10 minutes: a plan sweep on a busy machine
            run = JSON.readTree(get(location).body());
            String s = run.path("status").asText();
            if (!s.equals("QUEUED") && !s.equals("RUNNING")) {
                break;
            }
            Thread.sleep(100);
        }
        String status = run.path("status").asText();
        if (!status.equals("OPTIMAL") && !status.equals("FEASIBLE")) {
            return request + ": its run " + location + " ended " + status + " " + abbreviate(run.toString());
        }
        HttpResponse<String> result = get(location + "/result");
        if (result.statusCode() != 200) {
            return request + ": its result answered " + result.statusCode() + " " + abbreviate(result.body());
        }
        return null;
    }

    private static void written(String file) throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of(file), SENT);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }
}
