package com.gridpivot.api;

import static com.gridpivot.jobs.JobPolling.poll;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.errors.NotFoundException;
import com.gridpivot.planning.PlanTestSupport;
import com.gridpivot.planning.portfolio.PortfolioBody;
import com.gridpivot.planning.store.PortfolioRecord;
import com.gridpivot.planning.store.PortfolioStore;
import com.gridpivot.planning.store.PortfolioStore.Owner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stored portfolios (issue 19 item 1): CRUD over HTTP with problem+json, per-key ownership in the store, and a run by
 * portfolioId that answers exactly as the same portfolio sent inline (PortfolioResourceTest's hand case).
 */
@QuarkusTest
public class PortfolioStoreResourceTest {
    @Inject
    PortfolioStore store;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    /** PortfolioResourceTest's two sites A (20 USD/MWh) and B (60) and the 1,000,000 USD budget, as a stored portfolio. */
    public static String stored(String name, String interconnectB) {
        return """
                {"name": "%s", "description": "two sites, one budget",
                 "sites": [
                   {"name": "A", "interconnectMw": 10, "energy": {"flatPriceUsdPerMwh": 20},
                    "aiOptions": [{"name": "flat", "revenueUsdPerMwh": 120, "maxItMw": 8, "capexUsdPerMw": 100000, "leadTimeMonths": 0}]},
                   {"name": "B", "interconnectMw": %s, "energy": {"flatPriceUsdPerMwh": 60},
                    "aiOptions": [{"name": "flat", "revenueUsdPerMwh": 120, "maxItMw": 8, "capexUsdPerMw": 100000, "leadTimeMonths": 0}]}],
                 "shared": {"startingCashUsd": 2000000, "capexBudgetUsdByYear": [1000000]}}""".formatted(name, interconnectB);
    }

    static String runBy(String portfolioId) {
        return """
                {"portfolioId": %s,
                 "scenario": {"btc": {"priceUsd": 50000, "startDifficulty": %s, "difficultyGrowthPerMonth": 0, "feesBtcPerBlock": 0},
                              "energy": {"flatPriceUsdPerMwh": 20}, "discountRate": 0},
                 "startMonth": "2026-01", "months": 3}""".formatted(portfolioId, Double.toString(PlanTestSupport.D_STAR));
    }

    @Test
    void storeReadListReplaceDelete() {
        Response created = given().contentType(ContentType.JSON).body(stored("crud-" + System.nanoTime(), "10")).post("/api/v1/portfolios");
        created.then().statusCode(201).header("Location", containsString("/api/v1/portfolios/")).body("owner", equalTo("anonymous"))
                .body("portfolio.sites[1].name", equalTo("B")).body("version", equalTo(0));
        String location = created.header("Location");
        long id = created.jsonPath().getLong("id");
        given().get(location).then().statusCode(200).body("id", equalTo((int) id)).body("portfolio.shared.capexBudgetUsdByYear[0]", closeTo(1e6, 1e-9));
        given().get("/api/v1/portfolios?page=0&size=500").then().statusCode(200).body("items.id", hasItem((int) id));
        given().get("/api/v1/portfolios?size=0").then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("size"));
        String renamed = "crud-renamed-" + System.nanoTime();
        given().contentType(ContentType.JSON).body(stored(renamed, "12")).put(location).then().statusCode(200).body("name", equalTo(renamed))
                .body("portfolio.sites[1].interconnectMw", closeTo(12.0, 1e-12)).body("version", equalTo(1));
        given().delete(location).then().statusCode(204);
        given().get(location).then().statusCode(404).contentType("application/problem+json");
        given().delete(location).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/portfolios?size=500").then().statusCode(200).body("items.id", not(hasItem((int) id)));
    }

    @Test
    void invalidFieldsAndDuplicateNamesAreProblems() {
        given().contentType(ContentType.JSON).body(stored("", "-5").replace("\"name\": \"A\"", "\"name\": \"B\"")
                        .replace("[1000000]", "[-1]")).post("/api/v1/portfolios")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "sites[1].interconnectMw", "sites[1].name", "shared.capexBudgetUsdByYear[0]"));
        // relocations are checked on write as a run checks them
        given().contentType(ContentType.JSON).body(stored("moves", "10").replaceFirst("}$",
                        ", \"relocations\": [{\"fromSite\": \"A\", \"fleet\": \"S\", \"toSite\": \"C\", \"costUsdPerTh\": 1}]}"))
                .post("/api/v1/portfolios").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("relocations[0].toSite", "relocations[0].fleet"));
        given().contentType(ContentType.JSON).body("{\"name\": \"empty\", \"sites\": []}").post("/api/v1/portfolios")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItems("sites"));
        String name = "twice-" + System.nanoTime();
        given().contentType(ContentType.JSON).body(stored(name, "10")).post("/api/v1/portfolios").then().statusCode(201);
        given().contentType(ContentType.JSON).body(stored(name, "10")).post("/api/v1/portfolios").then().statusCode(409)
                .contentType("application/problem+json").body("errors.field", hasItem("name"));
        given().contentType(ContentType.JSON).body(stored("x", "10")).put("/api/v1/portfolios/987654321").then().statusCode(404);
    }

    @Test
    void aRunByPortfolioIdAnswersAsTheSamePortfolioInline() throws InterruptedException {
        long id = given().contentType(ContentType.JSON).body(stored("run-" + System.nanoTime(), "10")).post("/api/v1/portfolios")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Response accepted = given().contentType(ContentType.JSON).body(runBy(Long.toString(id))).post("/api/v1/portfolios/plans/runs");
        accepted.then().statusCode(202);
        String location = accepted.header("Location");
        poll(location).then().statusCode(200).body("status", equalTo("OPTIMAL"));
        // by hand in PortfolioPlanTest: 8·116,000 + 2·29,600 (as PortfolioResourceTest's inline run)
        given().get(location + "/result").then().statusCode(200).body("npvUsd", closeTo(987_200.0, 1e-4))
                .body("sites[0].npvContributionUsd", closeTo(928_000.0, 1e-4)).body("sites[1].npvContributionUsd", closeTo(59_200.0, 1e-4));
        // The run keeps its copy: deleting the portfolio does not touch it.
        given().delete("/api/v1/portfolios/" + id).then().statusCode(204);
        given().get(location + "/result").then().statusCode(200).body("npvUsd", closeTo(987_200.0, 1e-4));
        given().contentType(ContentType.JSON).body(runBy(Long.toString(id))).post("/api/v1/portfolios/plans/runs")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("portfolioId"))
                .body("errors.reason", hasItem("no stored portfolio with id " + id));
        given().contentType(ContentType.JSON).body(runBy("1").replace("\"portfolioId\": 1,", "\"portfolioId\": 1, \"sites\": [],"))
                .post("/api/v1/portfolios/plans/runs").then().statusCode(400).body("errors.field", hasItem("portfolioId"))
                .body("errors.reason", hasItem("give portfolioId or inline sites, shared and relocations, not both"));
    }

    @Test
    void eachKeySeesOnlyItsOwnPortfoliosAndAdminsSeeAll() throws Exception {
        PortfolioBody body = json.readValue(stored("owned-" + System.nanoTime(), "10"), PortfolioBody.class);
        Owner alice = new Owner("alice-" + System.nanoTime(), false);
        Owner bob = new Owner("bob-" + System.nanoTime(), false);
        Owner admin = new Owner("root", true);
        PortfolioRecord r = store.create(alice, body);
        assertThat(r.owner()).isEqualTo(alice.name());
        // Bob may store one of the same name (names are unique per owner) and sees only his own.
        PortfolioRecord b = store.create(bob, body);
        assertThat(store.list(bob, 0, 500).items()).extracting(PortfolioRecord::id).containsExactly(b.id());
        assertThat(store.list(alice, 0, 500).items()).extracting(PortfolioRecord::id).containsExactly(r.id());
        assertThatThrownBy(() -> store.get(bob, r.id())).isInstanceOf(NotFoundException.class).hasMessage("no portfolio with id " + r.id());
        assertThatThrownBy(() -> store.update(bob, r.id(), body)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.delete(bob, r.id())).isInstanceOf(NotFoundException.class);
        assertThat(store.get(admin, r.id()).name()).isEqualTo(body.name());
        assertThat(store.list(admin, 0, 500).items()).extracting(PortfolioRecord::id).contains(r.id(), b.id());
        store.delete(admin, r.id());
        store.delete(bob, b.id());
        assertThat(store.list(alice, 0, 500).totalItems()).isZero();
    }
}
