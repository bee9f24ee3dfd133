package com.gridpivot.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.marketdata.ImportIssue;
import com.gridpivot.marketdata.ImportedSeries;
import com.gridpivot.persistence.ImportBatchEntity;
import com.gridpivot.persistence.ImportBatchInfo;
import com.gridpivot.persistence.ImportBatchSeriesEntity;
import com.gridpivot.persistence.MarketSeriesEntity;
import com.gridpivot.persistence.Page;
import com.gridpivot.persistence.SeriesService;
import com.gridpivot.persistence.StoreOutcome;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores validated imports as one transaction each and reads import batches back with their reports. The report is
 * kept as JSON in {@code import_batch.report_json}.
 */
@ApplicationScoped
public class ImportBatches {

    @Inject
    SeriesService seriesService;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * Stores the series (all or nothing, see {@link SeriesService#store}) and the full report with the batch.
     *
     * @param series the validated series, free of ERROR issues
     * @param issues the WARNING and INFO issues to report
     * @param info   the batch's provenance (its reportJson is replaced by the report)
     */
    @Transactional
    public ImportReport store(List<ImportedSeries> series, List<ImportIssue> issues, ImportBatchInfo info) {
        StoreOutcome outcome = seriesService.store(series, info);
        ImportBatchEntity batch = em.find(ImportBatchEntity.class, outcome.batchId());
        ImportReport report = report(batch.id, info, series, outcome, issues, batch.duplicateOf, batch.importedAt);
        try {
            batch.reportJson = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the import report as JSON", e);
        }
        return report;
    }

    /** Batches, newest first. */
    @Transactional
    public Page<ImportBatchSummary> list(int page, int size) {
        var query = ImportBatchEntity.<ImportBatchEntity>findAll(Sort.descending("id")).page(page, size);
        return new Page<>(page, size, query.count(), query.list().stream().map(ImportBatchSummary::of).toList());
    }

    /** The report of a batch; for batches not written by this service, rebuilt from the batch and its series rows. */
    @Transactional
    public Optional<ImportReport> get(long id) {
        ImportBatchEntity b = em.find(ImportBatchEntity.class, id);
        if (b == null) {
            return Optional.empty();
        }
        if (b.reportJson != null && b.reportJson.startsWith("{")) {
            try {
                return Optional.of(json.readValue(b.reportJson, ImportReport.class));
            } catch (JsonProcessingException e) {
                // fall through: rebuild from the rows
            }
        }
        List<ImportReport.SeriesReport> series = new ArrayList<>();
        List<ImportBatchSeriesEntity> links = em.createQuery(
                        "FROM ImportBatchSeriesEntity l WHERE l.batchId = :id ORDER BY l.seriesId", ImportBatchSeriesEntity.class)
                .setParameter("id", id).getResultList();
        for (ImportBatchSeriesEntity l : links) {
            MarketSeriesEntity s = em.find(MarketSeriesEntity.class, l.seriesId);
            series.add(new ImportReport.SeriesReport(l.seriesId, s == null ? null : s.kind.name(), s == null ? null : s.key,
                    s == null ? null : s.unit, s == null ? 0 : s.resolutionSeconds, null, null,
                    l.pointsAdded + l.pointsUpdated + l.pointsUnchanged, l.pointsAdded, l.pointsUpdated, l.pointsUnchanged));
        }
        return Optional.of(new ImportReport(b.id, b.format, b.sourceName, b.sha256, b.rowsRead, b.pointsAdded,
                b.pointsUpdated, b.pointsUnchanged, series, List.of(), b.duplicateOf, b.importedAt, b.caller));
    }

    /** A report from parsed series and, when stored, the store's outcome (null: nothing stored). */
    static ImportReport report(Long batchId, ImportBatchInfo info, List<ImportedSeries> series, StoreOutcome outcome,
                               List<ImportIssue> issues, Long duplicateOf, Instant importedAt) {
        List<ImportReport.SeriesReport> out = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            ImportedSeries s = series.get(i);
            StoreOutcome.PerSeries p = outcome == null ? null : outcome.series().get(i);
            int n = s.points().size();
            out.add(new ImportReport.SeriesReport(p == null ? null : p.seriesId(), s.kind().name(), s.key(),
                    s.kind().unit(), s.resolution().getSeconds(), n == 0 ? null : s.points().get(0).intervalStart(),
                    n == 0 ? null : s.points().get(n - 1).intervalStart(), n, p == null ? 0 : p.pointsAdded(),
                    p == null ? 0 : p.pointsUpdated(), p == null ? 0 : p.pointsUnchanged()));
        }
        return new ImportReport(batchId, info.format(), info.sourceName(), info.sha256(), info.rowsRead(),
                outcome == null ? 0 : outcome.pointsAdded(), outcome == null ? 0 : outcome.pointsUpdated(),
                outcome == null ? 0 : outcome.pointsUnchanged(), out, issues, duplicateOf, importedAt, info.caller());
    }
}
