package com.gridpivot.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.gridpivot.persistence.ImportBatchInfo;
import com.gridpivot.persistence.Persistence;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Keys in a cluster: replicas that start together on one database all start, the configured admin key comes back after a
 * revocation, the last active admin key stays, unknown keys cannot grow the memory, and a revocation made by another
 * replica holds here within the cache's second.
 */
@QuarkusTest
@TestProfile(AdminKeyTest.KeysOn.class)
class AdminKeyTest {
    static final String ADMIN = "admin-key-test-0123456789";
    static final int CACHE_SIZE = 50;

    public static class KeysOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gridpivot.auth.enabled", "true", "gridpivot.auth.admin-key", ADMIN, "gridpivot.auth.burst-per-key", "1000",
                    "gridpivot.auth.key-cache-size", "" + CACHE_SIZE);
        }
    }

    @Inject
    ApiKeyService keys;

    private static long rowsWithKey(String key) {
        String hash = ImportBatchInfo.sha256(key.getBytes(StandardCharsets.UTF_8));
        return QuarkusTransaction.requiringNew().call(() -> ApiKeyEntity.count("keyHash", hash));
    }

    private static long idOf(String key) {
        String hash = ImportBatchInfo.sha256(key.getBytes(StandardCharsets.UTF_8));
        return QuarkusTransaction.requiringNew().call(() -> ApiKeyEntity.<ApiKeyEntity>find("keyHash", hash).firstResult().id);
    }

    @Test
    void bootstrappingTwiceAndLosingTheRaceToAnotherReplicaBothStart() {
        String key = "cluster-admin-" + UUID.randomUUID();
        keys.bootstrap(Optional.of(key));
        keys.bootstrap(Optional.of(key)); // a restart, or the second replica after the first
        assertThat(rowsWithKey(key)).isEqualTo(1);

        // Two replicas at once: both looked and found nothing; the other one inserts first (today: uq_api_key_hash).
        String raced = "cluster-admin-" + UUID.randomUUID();
        keys.bootstrap(Optional.of(raced), () -> QuarkusTransaction.requiringNew().run(() -> keys.bootstrap(Optional.of(raced))));
        assertThat(rowsWithKey(raced)).isEqualTo(1);
        assertThat(keys.authenticate(raced)).map(ApiKeyService.Principal::role).contains(Role.ADMIN);
    }

    @Test
    void restartingWithTheConfiguredAdminKeyRestoresItAfterARevocation() {
        String key = "restored-admin-" + UUID.randomUUID();
        keys.bootstrap(Optional.of(key));
        keys.revoke(idOf(key)); // ADMIN is another active admin
        assertThat(keys.authenticate(key)).isEmpty();

        keys.bootstrap(Optional.of(key)); // the restart with the same GRIDPIVOT_ADMIN_KEY

        assertThat(keys.authenticate(key)).map(ApiKeyService.Principal::role).contains(Role.ADMIN);
        assertThat(rowsWithKey(key)).isEqualTo(1);
    }

    @Test
    void theLastActiveAdminKeyCannotBeRevoked() {
        // Only ADMIN stays active among the admins (other test classes' admins are revoked; their next start restores them).
        long adminId = idOf(ADMIN);
        QuarkusTransaction.requiringNew().run(() -> ApiKeyEntity.update("revokedAt = ?1 where role = ?2 and revokedAt is null and id <> ?3",
                Persistence.now(), Role.ADMIN, adminId));

        given().header("X-API-Key", ADMIN).when().delete("/api/v1/keys/" + adminId).then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("id"))
                .body("detail", containsString("is the last active admin key; create another admin key"));

        String second = given().header("X-API-Key", ADMIN).contentType("application/json")
                .body("{\"name\": \"second admin " + UUID.randomUUID() + "\", \"role\": \"admin\"}")
                .when().post("/api/v1/keys").then().statusCode(201).extract().jsonPath().getString("key");
        given().header("X-API-Key", second).when().delete("/api/v1/keys/" + adminId).then().statusCode(204);
        given().header("X-API-Key", ADMIN).when().get("/api/v1/keys").then().statusCode(401);
        given().header("X-API-Key", second).when().delete("/api/v1/keys/" + idOf(second)).then().statusCode(409)
                .contentType("application/problem+json");

        keys.bootstrap(Optional.of(ADMIN)); // what a restart with GRIDPIVOT_ADMIN_KEY does
        given().header("X-API-Key", ADMIN).when().get("/api/v1/keys").then().statusCode(200);
    }

    @Test
    void unknownKeysCannotGrowTheCacheAndAnotherReplicasRevocationHoldsWithinASecond() {
        for (int i = 0; i < 10 * CACHE_SIZE; i++) {
            assertThat(keys.authenticate("gp_unknown" + i)).isEmpty();
        }
        assertThat(keys.cachedKeys()).isEqualTo(CACHE_SIZE);

        String key = "revoked-elsewhere-" + UUID.randomUUID();
        keys.bootstrap(Optional.of(key));
        ApiKeyService service = ClientProxy.unwrap(keys);
        AtomicLong nowMs = new AtomicLong(System.currentTimeMillis());
        service.clockMs = nowMs::get;
        try {
            assertThat(keys.authenticate(key)).isPresent(); // cached here
            long id = idOf(key);
            // Another replica revokes it: this replica's cache is not cleared, only its entry's second runs out.
            QuarkusTransaction.requiringNew().run(() -> ApiKeyEntity.update("revokedAt = ?1 where id = ?2", Persistence.now(), id));
            nowMs.addAndGet(999);
            assertThat(keys.authenticate(key)).isPresent();
            nowMs.addAndGet(2);
            assertThat(keys.authenticate(key)).isEmpty();
        } finally {
            service.clockMs = System::currentTimeMillis;
        }
        assertThatThrownBy(() -> keys.revoke(-1)).isInstanceOf(com.gridpivot.errors.NotFoundException.class);
    }

    @Test
    void anAdminPurgesFinishedRunsAndWhatIfsOlderThanTheRetention() {
        java.time.Instant now = Persistence.now();
        java.time.Instant old = now.minus(java.time.Duration.ofDays(91));
        long[] ids = QuarkusTransaction.requiringNew().call(() -> new long[] {
                job("OPTIMAL", old, old), job("FAILED", old, old), job("OPTIMAL", old, now.minus(java.time.Duration.ofDays(89))),
                job("RUNNING", old, null), whatIf(old), whatIf(now)});
        String planner = given().header("X-API-Key", ADMIN).contentType("application/json")
                .body("{\"name\": \"planner " + UUID.randomUUID() + "\", \"role\": \"planner\"}")
                .when().post("/api/v1/keys").then().statusCode(201).extract().jsonPath().getString("key");
        given().header("X-API-Key", planner).when().post("/api/v1/admin/retention/purge").then().statusCode(403)
                .contentType("application/problem+json");

        given().header("X-API-Key", ADMIN).when().post("/api/v1/admin/retention/purge").then().statusCode(200)
                .body("runsDeleted", equalTo(2)).body("whatIfsDeleted", equalTo(1));

        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(com.gridpivot.jobs.JobRunEntity.<com.gridpivot.jobs.JobRunEntity>findById(ids[0])).isNull();
            assertThat(com.gridpivot.jobs.JobRunEntity.<com.gridpivot.jobs.JobRunEntity>findById(ids[1])).isNull();
            assertThat(com.gridpivot.jobs.JobRunEntity.<com.gridpivot.jobs.JobRunEntity>findById(ids[2])).isNotNull(); // finished 89 days ago
            com.gridpivot.jobs.JobRunEntity running = com.gridpivot.jobs.JobRunEntity.findById(ids[3]); // running runs stay, however old
            assertThat(running).isNotNull();
            running.status = "CANCELLED";
            running.finishedAt = now;
            running.leaseUntil = null;
            assertThat(com.gridpivot.persistence.AllocationRunEntity.<com.gridpivot.persistence.AllocationRunEntity>findById(ids[4])).isNull();
            assertThat(com.gridpivot.persistence.AllocationRunEntity.<com.gridpivot.persistence.AllocationRunEntity>findById(ids[5])).isNotNull();
        });
    }

    private static long job(String status, java.time.Instant createdAt, java.time.Instant finishedAt) {
        com.gridpivot.jobs.JobRunEntity e = new com.gridpivot.jobs.JobRunEntity();
        e.kind = "RETENTION_TEST";
        e.caller = "retention";
        e.status = status;
        e.inputJson = "{}";
        e.createdAt = createdAt;
        e.finishedAt = finishedAt;
        if ("RUNNING".equals(status)) { // held under a live lease by a replica elsewhere: nobody else touches it
            e.worker = "elsewhere";
            e.leaseUntil = Persistence.now().plusSeconds(3600);
            e.attempts = 1;
        }
        e.persist();
        return e.id;
    }

    private static long whatIf(java.time.Instant createdAt) {
        com.gridpivot.persistence.AllocationRunEntity e = new com.gridpivot.persistence.AllocationRunEntity();
        e.createdAt = createdAt;
        e.requestJson = "{}";
        e.status = "OPTIMAL";
        e.persist();
        return e.id;
    }
}
