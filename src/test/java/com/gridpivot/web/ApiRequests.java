package com.gridpivot.web;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.api.ApiExamples;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.function.Supplier;

/** Requests for the tests: the API's documented example, the sites and scenarios they store, the API's answers. */
final class ApiRequests {
    static final ObjectMapper JSON = new ObjectMapper();

    private ApiRequests() {
    }

    /** The OpenAPI example (a real HB_WEST day) with another interconnect. */
    static String twoDays(double interconnectMw) {
        return ApiExamples.ALLOCATION_REQUEST.replace("\"interconnectMw\": 100,", "\"interconnectMw\": " + interconnectMw + ",");
    }

    /** Stores the site (POST /api/v1/sites, 201) unless one of that name is stored already. */
    static void ensureSite(String name, String siteJson) {
        ensureSite(() -> given(), name, siteJson);
    }

    /** The same, each request started by request (for instance with an API key). */
    static void ensureSite(Supplier<RequestSpecification> request, String name, String siteJson) {
        List<String> names = request.get().get("/api/v1/sites?size=200").then().statusCode(200).extract().jsonPath().getList("items.name");
        if (!names.contains(name)) {
            request.get().contentType("application/json").body(siteJson).post("/api/v1/sites").then().statusCode(201);
        }
    }

    /** Stores the scenario (POST /api/v1/scenarios, 201) unless one of that name is stored already. */
    static void ensureScenario(String name, String scenarioJson) {
        List<String> names = given().get("/api/v1/scenarios").then().statusCode(200).extract().jsonPath().getList("name");
        if (!names.contains(name)) {
            given().contentType("application/json").body(scenarioJson).post("/api/v1/scenarios").then().statusCode(201);
        }
    }

    /** POSTs a JSON body (one the page sent), expects the status and returns the answer. */
    static JsonNode post(String path, String body, int status) throws Exception {
        return post(given(), path, body, status);
    }

    /** The same on a request already started (for instance with an API key). */
    static JsonNode post(RequestSpecification request, String path, String body, int status) throws Exception {
        return JSON.readTree(request.contentType("application/json").body(body).post(path).then().statusCode(status).extract().asString());
    }

    /** GETs a JSON answer. */
    static JsonNode get(String path) throws Exception {
        return JSON.readTree(given().get(path).then().statusCode(200).extract().asString());
    }
}
