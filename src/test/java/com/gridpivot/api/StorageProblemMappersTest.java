package com.gridpivot.api;

import com.gridpivot.errors.ConflictException;
import com.gridpivot.errors.FieldError;
import com.gridpivot.marketdata.SeriesKind;
import com.gridpivot.persistence.SeriesGapException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class StorageProblemMappersTest {
    @Test
    void aSeriesGapIsA400ProblemNamingTheFirstMissingHour() {
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        Response r = new StorageProblemMappers().seriesGap(new SeriesGapException(SeriesKind.ENERGY_PRICE, "HB_WEST", from,
                from.plusSeconds(86_400), Instant.parse("2024-01-01T05:00:00Z"), 3), null);
        assertThat(r.getStatus()).isEqualTo(400);
        Problem p = (Problem) r.getEntity();
        assertThat(p.type()).isEqualTo("https://gridpivot.dev/problems/series-gap");
        assertThat(p.detail()).isEqualTo("series ENERGY_PRICE/HB_WEST has no value for 3 of the hours from 2024-01-01T00:00:00Z"
                + " to 2024-01-02T00:00:00Z, the first at 2024-01-01T05:00:00Z");
    }

    @Test
    void aConflictIsA409ProblemWithItsFields() {
        Response r = new StorageProblemMappers().conflict(new ConflictException("name", "taken"), null);
        assertThat(r.getStatus()).isEqualTo(409);
        Problem p = (Problem) r.getEntity();
        assertThat(p.detail()).isEqualTo("name: taken");
        assertThat(p.errors()).containsExactly(FieldError.of("name", "taken"));
    }
}
