package com.gridpivot.persistence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.jobs.JobRunEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retention by count per key, and what-ifs stored compactly (V17): gzip in the *_gz columns, with rows written before V17
 * (texts in the *_json columns) read as they are. On a database of its own (H2 in memory gridpivot-retention, or the
 * schema retention_test of the PostgreSQL database, cleaned at start), so the counts are this test's alone.
 */
@QuarkusTest
@TestProfile(RetentionTest.CountsOn.class)
class RetentionTest {
    static final int KEEP = 2;

    public static class CountsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> c = new HashMap<>();
            put(c, "gridpivot.retention.runs-per-key", "" + KEEP);
            put(c, "gridpivot.retention.what-ifs-per-key", "" + KEEP);
            // a fresh database at start-up on a loaded machine (load 30 on 2 cores seen): wait for the first connection
            put(c, "quarkus.datasource.jdbc.acquisition-timeout", "60S");
            if (System.getProperty("quarkus.test.profile", "").contains("pg")) {
                String db = System.getenv().getOrDefault("GRIDPIVOT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/gridpivot");
                put(c, "quarkus.datasource.jdbc.url", db + (db.contains("?") ? "&" : "?") + "currentSchema=retention_test");
                put(c, "quarkus.flyway.schemas", "retention_test");
                put(c, "quarkus.flyway.clean-at-start", "true");
            } else {
                put(c, "quarkus.datasource.jdbc.url", "jdbc:h2:mem:gridpivot-retention;DB_CLOSE_DELAY=-1");
            }
            return c;
        }

        private static void put(Map<String, String> c, String key, String value) {
            c.put(key, value);
            c.put("%test." + key, value);
            c.put("%pg." + key, value);
        }
    }

    @Inject
    RetentionService retention;

    @Inject
    EntityManager em;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachKeyKeepsItsNewestFinishedRunsAndWhatIfs() {
        Instant now = Persistence.now();
        // alice: 4 finished runs (a1 oldest … a4 newest) and one running, older than all; bob: 1 finished run.
        // what-ifs: 3 of alice's, 3 without a key, 1 of bob's. All are recent: only the counts can delete them.
        long[] ids = QuarkusTransaction.requiringNew().call(() -> new long[] {
                job("alice", "RUNNING", now.minusSeconds(600)), job("alice", "OPTIMAL", now.minusSeconds(500)),
                job("alice", "FAILED", now.minusSeconds(400)), job("alice", "OPTIMAL", now.minusSeconds(300)),
                job("alice", "CANCELLED", now.minusSeconds(200)), job("bob", "OPTIMAL", now.minusSeconds(100)),
                whatIf("alice", now), whatIf(null, now), whatIf("alice", now), whatIf(null, now), whatIf("bob", now),
                whatIf("alice", now), whatIf(null, now)});

        // 2 of alice's 4 finished runs over KEEP = 2 (her running one is neither counted nor deleted); 1 of alice's
        // what-ifs and 1 of the key-less ones (3 each, KEEP 2).
        given().when().post("/api/v1/admin/retention/purge").then().statusCode(200)
                .body("runsDeleted", equalTo(2)).body("whatIfsDeleted", equalTo(2))
                .body("runsPerKey", equalTo(KEEP)).body("whatIfsPerKey", equalTo(KEEP));

        QuarkusTransaction.requiringNew().run(() -> {
            boolean[] runsLeft = new boolean[6];
            for (int i = 0; i < 6; i++) {
                runsLeft[i] = JobRunEntity.findById(ids[i]) != null;
            }
            // running a0 stays; finished a1, a2 (oldest) go; a3, a4 stay; bob's b1 stays
            assertThat(runsLeft).containsExactly(true, false, false, true, true, true);
            boolean[] whatIfsLeft = new boolean[7];
            for (int i = 0; i < 7; i++) {
                whatIfsLeft[i] = AllocationRunEntity.findById(ids[6 + i]) != null;
            }
            // alice's first and the first key-less one go (the oldest of each key); bob's one stays
            assertThat(whatIfsLeft).containsExactly(false, false, true, true, true, true, true);
        });
        // A second purge finds nothing more to delete.
        RetentionService.Purge again = retention.purge(Instant.now());
        assertThat(again.runsDeleted()).isZero();
        assertThat(again.whatIfsDeleted()).isZero();
        QuarkusTransaction.requiringNew().run(() -> {
            JobRunEntity.delete("caller in ?1", List.of("alice", "bob"));
            AllocationRunEntity.deleteAll();
        });
    }

    /** One year of hours, prices in USD/MWh with a daily shape and a seeded wobble, as a what-if sends them inline. */
    private static String yearOfPrices() {
        java.util.Random r = new java.util.Random(17);
        StringBuilder s = new StringBuilder("[");
        for (int h = 0; h < 8760; h++) {
            double p = 30 + 25 * Math.sin(2 * Math.PI * (h % 24) / 24.0) + 10 * r.nextGaussian();
            s.append(h == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.2f", p));
        }
        return s.append(']').toString();
    }

    @Test
    void whatIfsAreStoredCompressedAndRowsWrittenBeforeV17ReadAsTheyAre() throws Exception {
        String body = "{\"site\": {\"name\": \"Compact\", \"interconnectMw\": 100},"
                + " \"asicFleets\": [{\"name\": \"S21 fleet\", \"model\": \"Antminer S21\", \"units\": 20000, \"pue\": 1.05}],"
                + " \"aiOptions\": [{\"name\": \"Colocation lease\", \"offering\": \"colocation lease\", \"maxItMw\": 30}],"
                + " \"market\": {\"energyPricesUsdPerMwh\": " + yearOfPrices() + ", \"hashpriceUsdPerPhDay\": 45.0}}";
        long id = given().contentType("application/json").body(body).when().post("/api/v1/allocations").then().statusCode(200)
                .extract().jsonPath().getLong("runId");

        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT request_json, result_json, OCTET_LENGTH(request_gz), OCTET_LENGTH(result_gz) FROM allocation_run WHERE id = ?1")
                .setParameter(1, id).getSingleResult());
        assertThat(row[0]).isNull(); // the texts are only in the gz columns
        assertThat(row[1]).isNull();
        AllocationRunRecord stored = QuarkusTransaction.requiringNew().call(() -> AllocationRunRecord.of(AllocationRunEntity.findById(id), true));
        assertThat(stored.requestJson()).isEqualTo(body); // exactly as sent
        long requestGz = ((Number) row[2]).longValue();
        long resultGz = ((Number) row[3]).longValue();
        int resultChars = stored.resultJson().length();
        System.out.printf(Locale.ROOT, "compact what-if (8760 h, 1 fleet, 1 option): request %d -> %d bytes, result %d -> %d bytes%n",
                body.length(), requestGz, resultChars, resultGz);
        // measured: request 51,844 -> 21,202 bytes (8,760 prices of 2 decimals with a seeded wobble), result ~1,240 -> ~672
        // (the answer holds no hourly arrays: dispatch.csv solves the stored request again)
        assertThat(requestGz * 2).isLessThan(body.length());
        assertThat(resultGz).isLessThan(resultChars);
        assertThat(stored.resultJson()).contains("\"status\":\"OPTIMAL\"");

        // The same what-if as a row written before V17: texts in the *_json columns, no gz.
        long old = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("INSERT INTO allocation_run (created_at, caller, request_json, result_json, status, objective_usd)"
                    + " VALUES (?1, 'before V17', ?2, ?3, 'OPTIMAL', ?4)")
                    .setParameter(1, Persistence.now().minus(Duration.ofDays(1))).setParameter(2, stored.requestJson())
                    .setParameter(3, stored.resultJson()).setParameter(4, stored.objectiveUsd()).executeUpdate();
            return ((Number) em.createNativeQuery("SELECT MAX(id) FROM allocation_run WHERE caller = 'before V17'").getSingleResult()).longValue();
        });
        JsonNode fresh = JSON.readTree(given().when().get("/api/v1/allocation-runs/" + id).then().statusCode(200).extract().asString());
        JsonNode before = JSON.readTree(given().when().get("/api/v1/allocation-runs/" + old).then().statusCode(200).extract().asString());
        assertThat(before.get("request")).isEqualTo(fresh.get("request"));
        assertThat(before.get("result")).isEqualTo(fresh.get("result"));
        String csvFresh = given().when().get("/api/v1/allocation-runs/" + id + "/dispatch.csv").then().statusCode(200).extract().asString();
        String csvBefore = given().when().get("/api/v1/allocation-runs/" + old + "/dispatch.csv").then().statusCode(200).extract().asString();
        assertThat(csvBefore).isEqualTo(csvFresh);
        assertThat(csvFresh.lines().count()).isEqualTo(8761); // a header and one row per hour
        QuarkusTransaction.requiringNew().run(() -> AllocationRunEntity.deleteAll());
    }

    private static long job(String caller, String status, Instant createdAt) {
        JobRunEntity e = new JobRunEntity();
        e.kind = "RETENTION_TEST";
        e.caller = caller;
        e.status = status;
        e.inputJson = "{}";
        e.createdAt = createdAt;
        e.finishedAt = "RUNNING".equals(status) ? null : createdAt.plusSeconds(10);
        if ("RUNNING".equals(status)) {
            e.worker = "elsewhere";
            e.leaseUntil = Persistence.now().plusSeconds(3600);
            e.attempts = 1;
        }
        e.persist();
        return e.id;
    }

    private static long whatIf(String caller, Instant createdAt) {
        AllocationRunEntity e = new AllocationRunEntity();
        e.createdAt = createdAt;
        e.caller = caller;
        e.requestJson = "{}";
        e.status = "OPTIMAL";
        e.persist();
        return e.id;
    }
}
