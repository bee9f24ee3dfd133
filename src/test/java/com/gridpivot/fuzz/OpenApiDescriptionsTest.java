package com.gridpivot.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document describes every property of every request and response schema and every parameter,
 * declares the X-API-Key security scheme and requires it on every /api operation, and declares a maxLength on every
 * free-text request property. Before: 599 of 656 properties had no description, and no security scheme was declared.
 */
@QuarkusTest
class OpenApiDescriptionsTest {
    /** The document as served (the contract's copy, read once). */
    static JsonNode document() {
        try {
            return FuzzTest.contract().document();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyPropertyAndParameterHasADescription() {
        List<String> undescribed = new ArrayList<>();
        int properties = 0;
        for (Map.Entry<String, JsonNode> s : document().path("components").path("schemas").properties()) {
            for (Map.Entry<String, JsonNode> p : s.getValue().path("properties").properties()) {
                properties++;
                if (p.getValue().path("description").asText().isBlank()) {
                    undescribed.add(s.getKey() + "." + p.getKey());
                }
            }
        }
        for (Map.Entry<String, JsonNode> path : document().path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    if (parameter.path("description").asText().isBlank()) {
                        undescribed.add(op.getKey() + " " + path.getKey() + " " + parameter.path("name").asText());
                    }
                }
            }
        }
        assertThat(properties).isGreaterThan(600);
        assertThat(undescribed).isEmpty();
    }

    /** Every entry of the descriptions table describes a property of the document (none is left over from a rename). */
    @Test
    void everyTableEntryDescribesAProperty() throws Exception {
        Properties table = new Properties();
        try (var in = new InputStreamReader(getClass().getClassLoader().getResourceAsStream("openapi/schema-descriptions.properties"),
                StandardCharsets.UTF_8)) {
            table.load(in);
        }
        JsonNode schemas = document().path("components").path("schemas");
        List<String> unused = new ArrayList<>();
        for (String key : table.stringPropertyNames()) {
            String schema = key.substring(0, key.indexOf('.'));
            String property = key.substring(key.indexOf('.') + 1);
            boolean found = false;
            for (Map.Entry<String, JsonNode> s : schemas.properties()) {
                if (s.getKey().replaceAll("\\d+$", "").equals(schema) && s.getValue().path("properties").has(property)) {
                    found = true;
                }
            }
            if (!found) {
                unused.add(key);
            }
        }
        assertThat(table.stringPropertyNames()).hasSizeGreaterThan(500);
        assertThat(unused).isEmpty();
        // a description from the table is in the document as written there
        assertThat(schemas.at("/SweepResult/properties/kind/description").asText())
                .isEqualTo(table.getProperty("SweepResult.kind"));
        assertThat(schemas.at("/Totals/properties/netCashFlowUsd/description").asText()).contains("USD");
    }

    @Test
    void theApiKeyIsASecuritySchemeRequiredByEveryApiOperation() {
        JsonNode scheme = document().at("/components/securitySchemes/ApiKey");
        assertThat(scheme.path("type").asText()).isEqualTo("apiKey");
        assertThat(scheme.path("in").asText()).isEqualTo("header");
        assertThat(scheme.path("name").asText()).isEqualTo("X-API-Key");
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document().path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (path.getKey().startsWith("/api/")) {
                    operations++;
                    JsonNode security = op.getValue().path("security");
                    assertThat(security.size()).as(op.getKey() + " " + path.getKey()).isEqualTo(1);
                    assertThat(security.get(0).has("ApiKey")).as(op.getKey() + " " + path.getKey()).isTrue();
                }
            }
        }
        assertThat(operations).isGreaterThan(40);
    }

    /** Every free-text property of a request declares its longest value (enumerations and formatted strings excepted). */
    @Test
    void everyRequestTextHasAMaxLength() {
        List<String> unlimited = new ArrayList<>();
        for (String name : List.of("SiteRequest", "AsicFleet", "AiOption", "AllocationRequest", "SiteInput", "AsicFleetInput",
                "AiOptionInput", "MarketInput", "EnergyPriceSeriesRef", "HashpriceSeriesRef", "PlanRequest", "PlanSiteInput",
                "PlanAiOptionInput", "ScenarioBody", "EnergyAssumptions", "FixedPlanBody", "Step", "SweepRequest", "Axis",
                "ScenarioInput", "StochasticRequest", "MonteCarloRequest", "CreateKey", "ReportExportRequest", "Table")) {
            JsonNode schema = document().path("components").path("schemas").path(name);
            assertThat(schema.isMissingNode()).as(name).isFalse();
            for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                JsonNode text = p.getValue().has("items") ? p.getValue().path("items") : p.getValue();
                if (text.path("type").toString().contains("string") && !text.has("enum") && !text.has("format")
                        && !text.has("maxLength")) {
                    unlimited.add(name + "." + p.getKey());
                }
            }
        }
        assertThat(unlimited).isEmpty();
    }
}
