package com.gridpivot.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document's error answers for every /api operation, so it lists what the service really
 * sends: each 4xx/5xx response is {@code application/problem+json} with the {@code Problem} schema, and the problems
 * every operation can meet are declared where they apply: 400 (a parameter or the body is invalid), 401/403/429
 * (API keys and their rate, when auth is on), 404 (an id in the path names nothing), 413 and 415 (a request body
 * over the size limit or of another media type). Statuses particular to an operation (409, 503, ...) stay on its
 * resource method; their content is normalized here.
 *
 * <p>It also declares what the JSON mapping does with absent values: a property that a schema does not list as
 * required may be {@code null} in an answer (Java fields are written as null when unset), so its type admits null.
 * Answers list the properties always written as required, and every object is closed ({@link SchemaStrictness}), so
 * that a standard validator tells the alternatives of a {@code oneOf} apart. Every property is described and the API
 * key is a declared security scheme required by every /api operation ({@link SchemaDescriptions}).
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
            if (schemas.containsKey("JsonNode")) {
                // A Jackson JsonNode field is any JSON value, not the scanner's reading of the JsonNode class's getters.
                openAPI.getComponents().addSchema("JsonNode", OASFactory.createSchema().description("Any JSON value"));
                schemas = openAPI.getComponents().getSchemas();
            }
            schemas.values().forEach(ProblemResponsesFilter::alternativesOnly);
            SchemaDescriptions.apply(openAPI);
            SchemaStrictness.apply(openAPI, ProblemResponsesFilter::nullable);
            schemas.values().forEach(ProblemResponsesFilter::optionalMayBeNull);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            boolean hasId = path.getKey().contains("{");
            for (Operation op : path.getValue().getOperations().values()) {
                complete(op, hasId);
            }
        }
    }

    private static void complete(Operation op, boolean hasId) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        boolean hasBody = op.getRequestBody() != null;
        boolean hasQuery = op.getParameters() != null && op.getParameters().stream().anyMatch(p -> p.getIn() != null
                && p.getIn().toString().equalsIgnoreCase("query"));
        if (hasBody || hasQuery) {
            add(responses, "400", "Invalid request: the offending parameters or fields, each named with the reason");
        }
        add(responses, "401", "No API key, or an unknown or revoked one (when API keys are enabled)");
        add(responses, "403", "The API key's role does not allow this operation");
        if (hasId) {
            add(responses, "404", "The id in the path names nothing");
        }
        if (hasBody) {
            add(responses, "413", "The request body is over the size limit (quarkus.http.limits.max-body-size, 16 MiB)");
            add(responses, "415", "The request body's media type is not one this operation reads");
        }
        add(responses, "429", "The API key is over its request rate; Retry-After says when to retry");
        for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
            if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                r.getValue().setContent(problemContent(r.getValue().getContent()));
            }
        }
    }

    /**
     * A JsonNode property that lists its alternatives ({@code @Schema(oneOf = ...)}) is exactly those: the scanner also
     * gives it the JsonNode $ref and type object, which no number or array would match.
     */
    private static void alternativesOnly(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        for (Schema p : schema.getProperties().values()) {
            if (p.getOneOf() != null && !p.getOneOf().isEmpty() && "#/components/schemas/JsonNode".equals(p.getRef())) {
                p.setRef(null);
                p.setType(null);
            }
        }
    }

    private static void optionalMayBeNull(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> p : new ArrayList<>(schema.getProperties().entrySet())) {
            if (!required.contains(p.getKey())) {
                schema.addProperty(p.getKey(), nullable(p.getValue()));
            }
        }
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            // A $ref cannot take a sibling type: null or the referenced schema.
            return OASFactory.createSchema().description(property.getDescription())
                    .addAnyOf(OASFactory.createSchema().ref(property.getRef()))
                    .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
        }
        if ((property.getType() == null || property.getType().isEmpty()) && property.getOneOf() != null && !property.getOneOf().isEmpty()) {
            property.addOneOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
            return property;
        }
        if (property.getType() != null && !property.getType().isEmpty() && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                property.addEnumeration(null);
            }
        }
        return property;
    }

    private static void add(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(problemContent(null)));
        }
    }

    /**
     * {@code application/problem+json} with the Problem schema, keeping the examples declared for it and no other
     * media type (an error is never answered in another type).
     */
    private static Content problemContent(Content declared) {
        MediaType problem = declared == null || declared.getMediaType(Problem.MEDIA_TYPE) == null
                ? OASFactory.createMediaType() : declared.getMediaType(Problem.MEDIA_TYPE);
        problem.setSchema(OASFactory.createSchema().ref("Problem"));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
    }
}
