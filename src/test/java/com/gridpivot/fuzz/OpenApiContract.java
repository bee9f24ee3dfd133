package com.gridpivot.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks an HTTP answer against the OpenAPI 3.1 document the service serves: the operation is found by method and
 * path (a literal path before a templated one), the response by status (else {@code 4XX}/{@code 5XX}, else
 * {@code default}), the media type by the answer's Content-Type, and a JSON body is validated with the declared
 * schema (JSON Schema 2020-12, $refs resolved inside the document), as any standard validator would: nothing is added
 * to the document. It is strict by itself (every object that lists properties admits no others, answers list their
 * required properties, alternatives have a discriminator), so a field the document does not declare is a violation too.
 */
public final class OpenApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final JsonNode document;
    private final List<Map.Entry<Pattern, String>> templates = new ArrayList<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    public OpenApiContract(JsonNode document) {
        this.document = document;
        // Literal paths first, then templates with fewer parameters: /series/hashprice/derive before /series/{id}.
        List<String> paths = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        paths.sort((a, b) -> Long.compare(a.chars().filter(c -> c == '{').count(), b.chars().filter(c -> c == '{').count()));
        for (String p : paths) {
            templates.add(Map.entry(Pattern.compile(p.replaceAll("\\{[^}]+}", "[^/]+")), p));
        }
    }

    /** The document as served. */
    public JsonNode document() {
        return document;
    }

    /** The document's path template that a concrete path (no query) falls under, or null. */
    public String template(String path) {
        for (Map.Entry<Pattern, String> t : templates) {
            if (t.getKey().matcher(path).matches()) {
                return t.getValue();
            }
        }
        return null;
    }

    /** What is wrong with this answer by the document; empty if it conforms. */
    public List<String> violations(String method, String path, int status, String contentType, String body) {
        List<String> out = new ArrayList<>();
        String template = template(path);
        JsonNode operation = template == null ? null : document.path("paths").path(template).get(method.toLowerCase(java.util.Locale.ROOT));
        if (operation == null) {
            out.add("no operation " + method + " " + path + " in the OpenAPI document");
            return out;
        }
        JsonNode responses = operation.path("responses");
        String code = String.valueOf(status);
        String range = status / 100 + "XX";
        String key = responses.has(code) ? code : responses.has(range) ? range : responses.has("default") ? "default" : null;
        if (key == null) {
            out.add("status " + status + " is not documented for " + method + " " + template);
            return out;
        }
        JsonNode content = responses.path(key).path("content");
        boolean empty = body == null || body.isEmpty();
        if (content.isMissingNode() || content.isEmpty()) {
            if (!empty) {
                out.add(method + " " + template + " " + key + " declares no content but the answer has a body");
            }
            return out;
        }
        String media = contentType == null ? "" : contentType.split(";")[0].trim();
        if (!content.has(media)) {
            out.add(method + " " + template + " " + key + " answers " + media + " but declares " + names(content));
            return out;
        }
        if (!isJson(media)) {
            return out;      // CSV, XLSX, MPS text: the document declares the media type only
        }
        JsonNode schema = content.path(media).get("schema");
        if (schema == null || schema.isEmpty()) {
            out.add(method + " " + template + " " + key + " " + media + " declares no schema");
            return out;
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (Exception e) {
            out.add(method + " " + template + " " + key + ": the body is not JSON");
            return out;
        }
        JsonSchema validator = schemas.computeIfAbsent(method + " " + template + " " + key + " " + media, k -> compile(schema));
        Set<ValidationMessage> messages = validator.validate(value);
        for (ValidationMessage m : messages) {
            out.add(method + " " + template + " " + key + ": " + m.getMessage());
        }
        return out;
    }

    /** A schema of the document's components, compiled with the document's components beside it (for $ref). */
    public JsonSchema compile(JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.setAll((ObjectNode) schema.deepCopy());
        root.set("components", document.path("components"));
        return FACTORY.getSchema(root);
    }

    private static boolean isJson(String media) {
        return media.equals("application/json") || media.endsWith("+json");
    }

    private static String names(JsonNode content) {
        List<String> n = new ArrayList<>();
        content.fieldNames().forEachRemaining(n::add);
        return n.toString();
    }
}
