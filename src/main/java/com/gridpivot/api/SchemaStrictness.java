package com.gridpivot.api;

import com.gridpivot.errors.FieldError;
import com.gridpivot.sites.SiteResponse;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.gridpivot.catalog.AiOffering;
import com.gridpivot.catalog.AsicModel;
import com.gridpivot.imports.HashpriceDerivation;
import com.gridpivot.imports.ImportBatchSummary;
import com.gridpivot.imports.ImportReport;
import com.gridpivot.optimization.result.AllocationResult;
import com.gridpivot.planning.result.PlanComparison;
import com.gridpivot.planning.result.PlanResult;
import com.gridpivot.risk.PlanSweepResult;
import com.gridpivot.risk.SweepResult;
import com.gridpivot.risk.montecarlo.MonteCarloResult;
import com.gridpivot.risk.stochastic.StochasticResult;
import com.gridpivot.security.ApiKeyService;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Puts into the served OpenAPI document the strictness that a standard JSON-schema validator needs to tell one answer
 * from another ({@code oneOf}), instead of leaving it to the test suite:
 * <ul>
 * <li>closed objects: every object schema that lists its properties admits no others ({@code additionalProperties:
 * false}). True of every record the service answers with, and of every request, which the JSON mapping reads with
 * {@code fail-on-unknown-properties};</li>
 * <li>required properties of answers: the properties Jackson always writes, read from the answer records themselves —
 * every component of a record, or only its primitive ones when the record leaves nulls out
 * ({@code @JsonInclude(NON_NULL)}). A required property that may be written as null (a non-primitive one) keeps null
 * among its types. Schemas that are also read in requests are left alone: there "required" would mean "must be
 * sent";</li>
 * <li>discriminators: the property a {@code discriminator} names holds, in each alternative it maps, exactly that
 * alternative's value ({@code enum} of one) and is required, so the alternatives exclude each other;</li>
 * <li>text limits: every text property of a request declares its {@code maxLength} ({@link TextLimits}).</li>
 * </ul>
 */
final class SchemaStrictness {

    /** The records the API answers with; the records inside them are found from their components. */
    private static final List<Class<?>> ANSWERS = List.of(AllocationResult.class, AllocationRunResponse.class, SiteResponse.class,
            SeriesResponse.class, SeriesPointsResponse.class, SeriesResource.SeriesPage.class, PageResponse.class, ImportReport.class,
            ImportBatchSummary.class, HashpriceDerivation.class, ApiKeyService.KeyInfo.class, ApiKeyService.NewKey.class, AsicModel.class,
            AiOffering.class, ShutdownPriceResource.ShutdownPrice.class, com.gridpivot.api.plans.ScenarioResponse.class,
            RunResponse.class, PlanComparison.class, PlanResult.class,
            SweepResult.class, PlanSweepResult.class, MonteCarloResult.class, StochasticResult.class, Problem.class, FieldError.class);

    private SchemaStrictness() {
    }

    /**
     * @param nullable makes a property schema admit null (the filter's one way of doing it)
     */
    static void apply(OpenAPI openAPI, UnaryOperator<Schema> nullable) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> requests = requestSchemas(openAPI, schemas);
        Map<String, List<Class<?>>> records = new LinkedHashMap<>();
        for (Class<?> c : TextLimits.reachableRecords(ANSWERS)) {
            records.computeIfAbsent(schemaName(c), k -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<String, Schema> e : schemas.entrySet()) {
            Schema schema = e.getValue();
            if (schema.getProperties() == null || requests.contains(e.getKey())) {
                continue;
            }
            // The scanner numbers a second schema of the same simple name (Stats, Stats1): match by the property names.
            String base = e.getKey().replaceAll("\\d+$", "");
            for (Class<?> c : records.getOrDefault(base, List.of())) {
                if (jsonProperties(c).keySet().equals(schema.getProperties().keySet())) {
                    requireWritten(schema, c, nullable);
                    break;
                }
            }
        }
        discriminators(openAPI, schemas);
        schemas.values().forEach(SchemaStrictness::close);
        for (String name : requests) {
            Schema schema = schemas.get(name);
            if (schema != null && schema.getProperties() != null) {
                schema.getProperties().forEach((field, p) -> limitText(name, field, p));
            }
        }
    }

    /** A text property of a request (or the text items of an array one) declares its {@link TextLimits} length. */
    private static void limitText(String schemaName, String field, Schema p) {
        Schema text = p.getItems() != null ? p.getItems() : p;
        if (text.getType() != null && text.getType().contains(Schema.SchemaType.STRING) && text.getEnumeration() == null
                && text.getFormat() == null) {
            int max = TextLimits.maxLength(schemaName, field);
            text.setMaxLength(max);
            if (p.getDescription() != null && !p.getDescription().contains("characters")) {
                p.setDescription(p.getDescription() + "; at most " + max + " characters");
            }
        }
    }

    /** The properties Jackson always writes become required; those it may write as null admit null. */
    private static void requireWritten(Schema schema, Class<?> record, UnaryOperator<Schema> nullable) {
        boolean leavesOutNulls = leavesOutNulls(record.getAnnotation(JsonInclude.class));
        List<String> declared = schema.getRequired() == null ? List.of() : List.copyOf(schema.getRequired());
        for (Map.Entry<String, RecordComponent> p : jsonProperties(record).entrySet()) {
            RecordComponent rc = p.getValue();
            boolean primitive = rc.getType().isPrimitive();
            if (declared.contains(p.getKey()) || !(primitive || !(leavesOutNulls || leavesOutNulls(componentInclude(record, rc))))) {
                continue;
            }
            schema.addRequired(p.getKey());
            if (!primitive) {
                schema.addProperty(p.getKey(), nullable.apply(schema.getProperties().get(p.getKey())));
            }
        }
    }

    /**
     * Each alternative a discriminator maps holds its own value in the discriminator's property, and must hold it.
     */
    private static void discriminators(OpenAPI openAPI, Map<String, Schema> schemas) {
        for (Schema s : operationSchemas(openAPI, false)) {
            if (s.getDiscriminator() == null || s.getDiscriminator().getMapping() == null) {
                continue;
            }
            String property = s.getDiscriminator().getPropertyName();
            for (Map.Entry<String, String> m : s.getDiscriminator().getMapping().entrySet()) {
                Schema target = schemas.get(m.getValue().substring(m.getValue().lastIndexOf('/') + 1));
                if (target == null || target.getProperties() == null || !target.getProperties().containsKey(property)) {
                    throw new IllegalStateException("discriminator " + property + "=" + m.getKey() + " names " + m.getValue()
                            + ", which has no property " + property);
                }
                Schema p = target.getProperties().get(property);
                p.setType(List.of(Schema.SchemaType.STRING));
                p.setAnyOf(null);
                p.setEnumeration(new ArrayList<>(List.of(m.getKey())));
                if (target.getRequired() == null || !target.getRequired().contains(property)) {
                    target.addRequired(property);
                }
            }
        }
    }

    private static void close(Schema schema) {
        if (schema.getProperties() != null && !schema.getProperties().isEmpty() && schema.getAdditionalPropertiesSchema() == null
                && schema.getAdditionalPropertiesBoolean() == null && schema.getAllOf() == null && schema.getAnyOf() == null
                && schema.getOneOf() == null) {
            schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
        }
    }

    /** The component schemas a request body refers to, directly or inside another. */
    private static Set<String> requestSchemas(OpenAPI openAPI, Map<String, Schema> schemas) {
        Set<String> names = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>(operationSchemas(openAPI, true));
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            if (s.getRef() != null) {
                String name = s.getRef().substring(s.getRef().lastIndexOf('/') + 1);
                if (names.add(name) && schemas.get(name) != null) {
                    todo.push(schemas.get(name));
                }
            }
            List<Schema> inside = new ArrayList<>();
            if (s.getProperties() != null) {
                inside.addAll(s.getProperties().values());
            }
            inside.add(s.getItems());
            inside.add(s.getAdditionalPropertiesSchema());
            for (List<Schema> alternatives : java.util.Arrays.asList(s.getOneOf(), s.getAnyOf(), s.getAllOf())) {
                if (alternatives != null) {
                    inside.addAll(alternatives);
                }
            }
            inside.stream().filter(java.util.Objects::nonNull).forEach(todo::push);
        }
        return names;
    }

    /** The top-level schemas of every operation's request bodies, or of its answers. */
    private static List<Schema> operationSchemas(OpenAPI openAPI, boolean requests) {
        List<Schema> out = new ArrayList<>();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return out;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                if (requests && op.getRequestBody() != null) {
                    addSchemas(op.getRequestBody().getContent(), out);
                }
                if (!requests && op.getResponses() != null) {
                    op.getResponses().getAPIResponses().values().forEach(r -> addSchemas(r.getContent(), out));
                }
            }
        }
        return out;
    }

    private static void addSchemas(Content content, List<Schema> out) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType m : content.getMediaTypes().values()) {
                if (m.getSchema() != null) {
                    out.add(m.getSchema());
                }
            }
        }
    }

    private static String schemaName(Class<?> c) {
        org.eclipse.microprofile.openapi.annotations.media.Schema named =
                c.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return named != null && !named.name().isEmpty() ? named.name() : c.getSimpleName();
    }

    /** The record's components as Jackson writes them, by JSON name (none is renamed; @JsonIgnore ones are left out). */
    private static Map<String, RecordComponent> jsonProperties(Class<?> record) {
        Map<String, RecordComponent> out = new LinkedHashMap<>();
        for (RecordComponent rc : record.getRecordComponents()) {
            if (!rc.getAccessor().isAnnotationPresent(JsonIgnore.class) && !field(record, rc).isAnnotationPresent(JsonIgnore.class)) {
                out.put(rc.getName(), rc);
            }
        }
        return out;
    }

    private static JsonInclude componentInclude(Class<?> record, RecordComponent rc) {
        JsonInclude onAccessor = rc.getAccessor().getAnnotation(JsonInclude.class);
        return onAccessor != null ? onAccessor : field(record, rc).getAnnotation(JsonInclude.class);
    }

    private static Field field(Class<?> record, RecordComponent rc) {
        try {
            return record.getDeclaredField(rc.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean leavesOutNulls(JsonInclude include) {
        return include != null && include.value() != JsonInclude.Include.ALWAYS && include.value() != JsonInclude.Include.USE_DEFAULTS;
    }
}
