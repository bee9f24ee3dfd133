package com.gridpivot.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class AllocationResourceTest {
    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    private static ValidatableResponse post(String body) {
        return given().contentType("application/json").body(body.replace('\'', '"'))
                .when().post("/api/v1/allocations").then();
    }

    private static final String OK_SITE = "'site': {'interconnectMw': 10}";
    private static final String OK_FLEET = "'asicFleets': [{'name': 'S21', 'model': 'Antminer S21', 'units': 1000}]";
    private static final String OK_MARKET = "'market': {'energyPricesUsdPerMwh': [20, 150], 'hashpriceUsdPerPhDay': 42}";

    private static String body(String site, String fleets, String market) {
        return "{" + site + ", " + fleets + ", " + market + "}";
    }

    @Test
    void theOpenApiExampleSolvesToItsDocumentedAnswer() {
        post(ApiExamples.ALLOCATION_REQUEST.replace('"', '\''))
                .statusCode(200)
                .body("status", equalTo("OPTIMAL"))
                .body("allocation.asicItMw.S21", closeTo(70.0, 1e-6))
                .body("allocation.aiItMw.H100", closeTo(18.75, 1e-6))
                .body("economics.netUsd", closeTo(224762.442, 1e-2))
                .body("solver.name", equalTo("GLOP"))
                .body("solver.hourAggregation", equalTo("EXACT"))
                .body("bindingConstraints", hasItem(startsWith("Capex budget: the $600,000,000 budget is spent")));
    }

    /*
     * Unit slips are answered, with warnings naming the field: energy [0.03, 0.04, 0.05] is USD/kWh (mean 0.04 < 1 USD/MWh;
     * × 1000 = 40), hashprice 45,000 is USD/EH/day (÷ 1000 = 45 USD/PH/day). Revenue 45 000 × 1000 / (24 × 17.5) × 0.98 ≫ price:
     * the S21 fleet (3.5 MW) runs every hour.
     */
    @Test
    void unitSlipsAreAnsweredWithWarningsThatNameTheField() {
        post(body(OK_SITE, OK_FLEET, "'market': {'energyPricesUsdPerMwh': [0.03, 0.04, 0.05], 'hashpriceUsdPerPhDay': 45000}"))
                .statusCode(200)
                .body("status", equalTo("OPTIMAL"))
                .body("allocation.asicItMw.S21", closeTo(3.5, 1e-9))
                .body("warnings", hasSize(2))
                .body("warnings[0]", startsWith("market.energyPricesUsdPerMwh: the mean |price| of its 3 hours, 0.04 USD/MWh, is below"))
                .body("warnings[0]", containsString("likely USD/kWh given as USD/MWh: that would be 40 USD/MWh"))
                .body("warnings[1]", startsWith("market.hashpriceUsdPerPhDay: 45,000 USD/PH/day is above"))
                .body("warnings[1]", containsString("likely USD/EH/day given as USD/PH/day: that would be 45 USD/PH/day"))
                .body("dispatch.S21.idleReason", equalTo("NONE"));
        post(body(OK_SITE, OK_FLEET, OK_MARKET)).statusCode(200).body("warnings", hasSize(0));
    }

    /* The catalog model fills hashrate and power: 1000 × 3500 W = 3.5 MW, 17.5 J/TH, as in the engine test. */
    @Test
    void catalogModelFillsTheFleet() {
        post(body(OK_SITE, OK_FLEET, OK_MARKET)).statusCode(200)
                .body("allocation.asicItMw.S21", closeTo(3.5, 1e-9))
                .body("economics.netUsd", closeTo(280.0, 1e-6));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            negative interconnect | 'site': {'interconnectMw': -5}                       | site.interconnectMw | must not be negative
            missing interconnect  | 'site': {'name': 'x'}                                | site.interconnectMw | is required
            absurd MW             | 'site': {'interconnectMw': 2e5}                      | site.interconnectMw | must be at most 100,000 MW
            NaN as string         | 'site': {'interconnectMw': 'NaN'}                    | site.interconnectMw | not NaN
            Infinity by overflow  | 'site': {'interconnectMw': 1e400}                    | site.interconnectMw | must be finite
            wrong type            | 'site': {'interconnectMw': 'lots'}                   | site.interconnectMw | expected a number
            unknown field         | 'site': {'interconnectMw': 10, 'interconectMw': 10}  | site.interconectMw  | unknown field
            """)
    void siteErrors(String label, String site, String field, String reason) {
        post(body(site, OK_FLEET, OK_MARKET)).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.reason", containsString(reason));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            unknown model         | 'asicFleets': [{'name': 'a', 'model': 'Antminer S99', 'units': 10}]                          | asicFleets[0].model | unknown ASIC model 'Antminer S99'
            negative units        | 'asicFleets': [{'name': 'a', 'model': 'Antminer S21', 'units': -1}]                          | asicFleets[0].units | must not be negative
            missing units         | 'asicFleets': [{'name': 'a', 'model': 'Antminer S21'}]                                       | asicFleets[0].units | is required
            missing power         | 'asicFleets': [{'name': 'a', 'units': 5, 'hashrateThPerUnit': 200}]                          | asicFleets[0].powerWPerUnit | is required
            pue below one         | 'asicFleets': [{'name': 'a', 'model': 'Antminer S21', 'units': 5, 'pue': 0.9}]               | asicFleets[0].pue | must be at least 1
            duplicate names       | 'asicFleets': [{'name': 'a', 'model': 'Antminer S21', 'units': 5}, {'name': 'a', 'model': 'Antminer S21', 'units': 5}] | asicFleets[1].name | duplicate name 'a'
            capacity over limit   | 'asicFleets': [{'name': 'a', 'model': 'Antminer S21', 'units': 9e7}]                         | asicFleets[0].units | over the 100,000 MW limit
            """)
    void fleetErrors(String label, String fleets, String field, String reason) {
        post(body(OK_SITE, fleets, OK_MARKET)).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.find { it.field == '" + field + "' }.reason", containsString(reason));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            unknown offering      | 'aiOptions': [{'name': 'x', 'offering': 'TPU cloud'}]                                          | aiOptions[0].offering | unknown AI offering 'TPU cloud'
            two revenue bases     | 'aiOptions': [{'name': 'x', 'revenueUsdPerMwh': 100, 'colocationUsdPerKwMonth': 120}]          | aiOptions[0] | exactly one revenue basis
            no revenue            | 'aiOptions': [{'name': 'x', 'pue': 1.2}]                                                       | aiOptions[0] | has no revenue
            utilization over one  | 'aiOptions': [{'name': 'x', 'kwPerGpu': 1.2, 'leaseUsdPerGpuHour': 2, 'utilization': 1.5}]    | aiOptions[0].utilization | must be at most 1
            price too high        | 'aiOptions': [{'name': 'x', 'revenueUsdPerMwh': 2e6}]                                          | aiOptions[0].revenueUsdPerMwh | must be at most 1,000,000 USD/MWh
            name shared with fleet| 'aiOptions': [{'name': 'S21', 'revenueUsdPerMwh': 100}]                                        | aiOptions[0].name | duplicate name 'S21'
            """)
    void aiOptionErrors(String label, String options, String field, String reason) {
        post("{" + OK_SITE + ", " + OK_FLEET + ", " + options + ", " + OK_MARKET + "}").statusCode(400)
                .contentType("application/problem+json")
                .body("errors.find { it.field == '" + field + "' }.reason", containsString(reason));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            flat and series        | 'market': {'energyPricesUsdPerMwh': [1, 2], 'energyPriceUsdPerMwh': 3, 'hashpriceUsdPerPhDay': 42} | market.energyPriceUsdPerMwh | not both
            no prices              | 'market': {'hashpriceUsdPerPhDay': 42}                                                           | market.energyPricesUsdPerMwh | is required
            hashprice wrong length | 'market': {'energyPricesUsdPerMwh': [1, 2, 3], 'hashpriceUsdPerPhDay': [40, 41]}                  | market.hashpriceUsdPerPhDay | has 2 values; with a horizon of 3 hours
            hashprice missing      | 'market': {'energyPricesUsdPerMwh': [1, 2]}                                                      | market.hashpriceUsdPerPhDay | is required when the site has ASIC fleets
            over ten years         | 'market': {'energyPriceUsdPerMwh': 30, 'hours': 100000, 'hashpriceUsdPerPhDay': 42}              | market.hours | must be at most 87,672
            fractional hours       | 'market': {'energyPriceUsdPerMwh': 30, 'hours': 24.5, 'hashpriceUsdPerPhDay': 42}                | market.hours | whole number
            null price             | 'market': {'energyPricesUsdPerMwh': [1, null, 3], 'hashpriceUsdPerPhDay': 42}                    | market.energyPricesUsdPerMwh[1] | is missing
            price over cap         | 'market': {'energyPricesUsdPerMwh': [1, 2e6], 'hashpriceUsdPerPhDay': 42}                        | market.energyPricesUsdPerMwh[1] | must be at most 1,000,000 USD/MWh
            NaN hashprice          | 'market': {'energyPricesUsdPerMwh': [1, 2], 'hashpriceUsdPerPhDay': 'NaN'}                       | market.hashpriceUsdPerPhDay | must be a number or an array
            """)
    void marketErrors(String label, String market, String field, String reason) {
        post(body(OK_SITE, OK_FLEET, market)).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.find { it.field == '" + field + "' }.reason", containsString(reason));
    }

    @Test
    void everyOffendingFieldIsListedAtOnce() {
        post("{'site': {'interconnectMw': -1, 'maxAiItMw': -2}, 'asicFleets': [{'name': 'a', 'model': 'nope', 'units': 1}], "
                + "'market': {'energyPricesUsdPerMwh': [1], 'hashpriceUsdPerPhDay': -3}, 'solver': 'HIGHS'}")
                .statusCode(400)
                .body("errors", hasSize(5))
                .body("errors.field", hasItem("solver"))
                .body("errors.find { it.field == 'solver' }.reason", containsString("must be one of [GLOP, CLP, PDLP]"))
                .body("errors.find { it.field == 'site.maxAiItMw' }.pointer", equalTo("/site/maxAiItMw"));
    }

    @Test
    void malformedJsonAndEmptyBodyAreProblems() {
        given().contentType("application/json").body("{\"site\": {").when().post("/api/v1/allocations").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("malformed JSON"));
        given().contentType("application/json").body("").when().post("/api/v1/allocations").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].reason", containsString("request body is required"));
        given().contentType("application/json").body("[1,2]").when().post("/api/v1/allocations").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void infeasibleIsAnAnswerWithItsNumbers() {
        post("{'site': {'interconnectMw': 100, 'minAiItMw': 90}, 'aiOptions': [{'name': 'colo', 'offering': 'colocation lease'}], "
                + "'market': {'energyPriceUsdPerMwh': 40, 'hours': 24}}")
                .statusCode(200)
                .body("status", equalTo("INFEASIBLE"))
                .body("explanation", containsString("contracted AI 90 MW × PUE 1.3 = 117 MW > interconnect 100 MW"));
    }

    @Test
    void catalogListsTheDomainHardware() {
        given().when().get("/api/v1/catalog/asic-models").then().statusCode(200)
                .body("", hasSize(9))
                .body("find { it.name == 'Antminer S21' }.jPerTh", closeTo(17.5, 1e-9))
                .body("find { it.name == 'Antminer S23 Hydro' }.hashrateThPerUnit", closeTo(580.0, 1e-9));
        given().when().get("/api/v1/catalog/ai-offerings").then().statusCode(200)
                .body("name", hasItem("H100 cloud"))
                .body("name", hasItem("colocation lease"))
                .body("find { it.name == 'colocation lease' }.tenantPaysPower", equalTo(true));
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/allocations'.post.requestBody.content.'application/json'.examples", org.hamcrest.Matchers.notNullValue());
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void unknownPathIsAProblem() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    /* The two-hour case as MPS: its rows and bounds are the model's, named with their indices. */
    @Test
    void modelAsMps() {
        String mps = given().contentType("application/json").body(body(OK_SITE, OK_FLEET, OK_MARKET).replace('\'', '"'))
                .when().post("/api/v1/allocations/model.mps").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(mps)
                .contains("OBJSENSE\n    MAX")
                .contains(" L  interconnect[b000]")
                // hour 0 (margin 80 $/MWh) forms block b000; 1 MW in it earns 80
                .contains("    dispatch[S21,b000] COST 80.0")
                .contains(" UP BND dispatch[S21,b000] 3.5")
                .endsWith("ENDATA\n");
        given().contentType("application/json").body("{\"site\": {\"interconnectMw\": -1}}")
                .when().post("/api/v1/allocations/model.mps").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("site.interconnectMw"));
    }
}
