package com.gridpivot.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The check FuzzTest applies to every answer can fail: wrong bodies, undeclared statuses, media types and fields are
 * caught against the served OpenAPI document, and right ones pass.
 */
@QuarkusTest
class OpenApiContractTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String GOOD_PROBLEM = "{\"type\": \"https://gridpivot.dev/problems/not-found\", \"title\": \"Not found\", \"status\": 404,"
            + " \"detail\": \"no site with id 42\", \"instance\": \"/api/v1/sites/42\"}";

    @Test
    void aDocumentedProblemPasses() throws Exception {
        assertThat(FuzzTest.contract().violations("GET", "/api/v1/sites/42", 404, PROBLEM, GOOD_PROBLEM)).isEmpty();
    }

    @Test
    void aProblemWithATextStatusFails() throws Exception {
        String wrong = GOOD_PROBLEM.replace("\"status\": 404", "\"status\": \"404\"");
        assertThat(FuzzTest.contract().violations("GET", "/api/v1/sites/42", 404, PROBLEM, wrong))
                .singleElement().asString().contains("status");
    }

    @Test
    void aProblemWithoutItsTitleFails() throws Exception {
        String wrong = GOOD_PROBLEM.replace("\"title\": \"Not found\", ", "");
        assertThat(FuzzTest.contract().violations("GET", "/api/v1/sites/42", 404, PROBLEM, wrong))
                .singleElement().asString().contains("title");
    }

    @Test
    void anUndeclaredFieldFails() throws Exception {
        String wrong = GOOD_PROBLEM.replace("{", "{\"stackTrace\": \"at com.gridpivot\", ");
        assertThat(FuzzTest.contract().violations("GET", "/api/v1/sites/42", 404, PROBLEM, wrong))
                .singleElement().asString().contains("stackTrace");
    }

    @Test
    void aWrongTypeDeepInsideASiteFails() throws Exception {
        String site = "{\"id\": 1, \"name\": \"a\", \"interconnectMw\": 10, \"asicFleets\": [{\"name\": \"S21\", \"units\": \"many\"}],"
                + " \"aiOptions\": [], \"version\": 0}";
        assertThat(FuzzTest.contract().violations("GET", "/api/v1/sites/1", 200, "application/json", site))
                .singleElement().asString().contains("units");
        assertThat(FuzzTest.contract().violations("GET", "/api/v1/sites/1", 200, "application/json", site.replace("\"many\"", "5")))
                .isEmpty();
    }

    @Test
    void anUndeclaredStatusOrMediaTypeFails() throws Exception {
        assertThat(FuzzTest.contract().violations("GET", "/api/v1/sites/42", 418, PROBLEM, GOOD_PROBLEM))
                .singleElement().asString().contains("418");
        assertThat(FuzzTest.contract().violations("GET", "/api/v1/sites/42", 404, "text/html", "<html/>"))
                .singleElement().asString().contains("text/html");
        assertThat(FuzzTest.contract().violations("GET", "/api/v1/no-such-thing", 200, "application/json", "{}"))
                .singleElement().asString().contains("no operation");
    }

    @Test
    void aLiteralPathWinsOverATemplate() throws Exception {
        assertThat(FuzzTest.contract().template("/api/v1/series/hashprice/derive")).isEqualTo("/api/v1/series/hashprice/derive");
        assertThat(FuzzTest.contract().template("/api/v1/series/7/points")).isEqualTo("/api/v1/series/{id}/points");
    }
}
