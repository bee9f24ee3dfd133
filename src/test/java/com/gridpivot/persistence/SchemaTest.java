package com.gridpivot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SchemaTest {
    @Inject
    EntityManager em;

    @Test
    @Transactional
    void largeTextRoundTrips() {
        AllocationRunEntity run = new AllocationRunEntity();
        run.createdAt = Instant.parse("2024-01-01T00:00:00.123456Z");
        run.requestJson = "{\"x\":\"" + "a".repeat(3_000_000) + "\"}";
        run.status = "OPTIMAL";
        run.persist();
        em.flush();
        em.clear();
        AllocationRunEntity back = AllocationRunEntity.findById(run.id);
        assertThat(back.requestJson).hasSize(3_000_008);
        assertThat(back.createdAt).isEqualTo(Instant.parse("2024-01-01T00:00:00.123456Z"));
        back.delete();
    }

    /**
     * V7: a stored request holds at most what a request body can (16 MiB), so a longer one is refused by the store too (since
     * V17 stores it compressed, the entity checks the text's length before compressing it; the gz column is bounded too).
     */
    @Test
    void aRequestOverTheBodyLimitIsRefusedByTheStore() {
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            AllocationRunEntity run = new AllocationRunEntity();
            run.createdAt = Instant.parse("2024-01-01T00:00:00Z");
            run.requestJson = "{\"x\":\"" + "a".repeat(16 * 1024 * 1024) + "\"}";
            run.status = "OPTIMAL";
            run.persist();
            em.flush();
        }));
        java.io.StringWriter trace = new java.io.StringWriter();
        assertThat(refused).isNotNull();
        refused.printStackTrace(new java.io.PrintWriter(trace));
        assertThat(trace.toString().toLowerCase(java.util.Locale.ROOT)).contains("ck_allocation_run_request_json_length");
    }
}
