package com.gridpivot.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Describes what the annotations leave undescribed, from one table: every schema property of the document gets the
 * description of {@code openapi/schema-descriptions.properties} (unit, and default for a request field) unless its
 * record gives one; every path id is described by what the path names; and the API key is a declared security scheme
 * ({@value #SCHEME}: header {@code X-API-Key}) that every /api operation requires.
 */
final class SchemaDescriptions {
    static final String SCHEME = "ApiKey";
    static final String RESOURCE = "openapi/schema-descriptions.properties";

    /** What an id in a path names, by the path segment before it. */
    private static final Map<String, String> ID_OF = Map.of("allocation-runs", "allocation run", "imports", "import batch",
            "keys", "API key", "portfolios", "portfolio", "scenarios", "scenario", "series", "series", "sites", "site");

    private SchemaDescriptions() {
    }

    /** The table, key {@code <schema>.<property>}, in file order. */
    static Map<String, String> table() {
        Properties p = new Properties();
        try (InputStream in = SchemaDescriptions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, p.getProperty(k).strip()));
        return out;
    }

    static void apply(OpenAPI openAPI) {
        Map<String, String> table = table();
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (Map.Entry<String, Schema> e : schemas.entrySet()) {
            if (e.getValue().getProperties() == null) {
                continue;
            }
            String base = e.getKey().replaceAll("\\d+$", "");
            for (Map.Entry<String, Schema> p : e.getValue().getProperties().entrySet()) {
                String text = table.getOrDefault(e.getKey() + "." + p.getKey(), table.get(base + "." + p.getKey()));
                if (isBlank(p.getValue().getDescription()) && text != null) {
                    p.getValue().setDescription(text);
                }
            }
        }
        openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-API-Key")
                .description("An API key (POST /api/v1/keys; the first admin key is printed at the first start or set with "
                        + "GRIDPIVOT_ADMIN_KEY). Roles: viewer reads; planner also runs what-ifs, plans and sweeps and manages "
                        + "sites and data; admin also manages keys and deletes stored data. Not asked for when "
                        + "gridpivot.auth.enabled=false."));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Operation op : path.getValue().getOperations().values()) {
                op.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
                if (op.getParameters() != null) {
                    op.getParameters().forEach(p -> describePathParameter(path.getKey(), p));
                }
            }
        }
    }

    private static void describePathParameter(String path, Parameter p) {
        if (!isBlank(p.getDescription()) || p.getIn() != Parameter.In.PATH) {
            return;
        }
        if ("type".equals(p.getName())) {
            p.setDescription("montecarlo or stochastic: the kind of risk run");
            return;
        }
        String[] segments = path.split("/");
        String noun = null;
        for (int k = 1; k < segments.length; k++) {
            if (segments[k].equals("{" + p.getName() + "}")) {
                String before = segments[k - 1];
                noun = "runs".equals(before) ? runNoun(segments, k - 1) : ID_OF.get(before);
            }
        }
        if (noun != null) {
            p.setDescription("the " + noun + "'s id (a positive integer, as in its Location)");
        }
    }

    private static String runNoun(String[] segments, int runs) {
        String owner = segments[runs - 1];
        return switch (owner) {
            case "plans" -> "plan run";
            case "sweeps" -> "sweep run";
            default -> "risk run";
        };
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
