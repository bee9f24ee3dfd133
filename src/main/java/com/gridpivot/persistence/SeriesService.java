package com.gridpivot.persistence;

import com.gridpivot.errors.ConflictException;
import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.errors.NotFoundException;
import com.gridpivot.marketdata.ImportedSeries;
import com.gridpivot.marketdata.SeriesKind;
import com.gridpivot.marketdata.SeriesPoint;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/**
 * Stores and reads market series. Metadata goes through Hibernate ({@link MarketSeriesEntity}); points are read
 * and written with plain JDBC on the transaction's connection, in multi-row inserts and batched updates, because
 * two years of 15-minute prices are 70,176 rows.
 */
@ApplicationScoped
public class SeriesService {
    /** Rows per multi-row INSERT (3 parameters each; PostgreSQL allows 32,767 parameters per statement). */
    static final int INSERT_ROWS = 500;
    static final int UPDATE_BATCH = 1000;
    private static final int HOUR = 3600;

    @Inject
    EntityManager em;

    /**
     * Stores parsed series, all or nothing, and records the import in {@code import_batch}. Each series is found or
     * created by (kind, key); points not stored before are inserted, points stored with another value are updated,
     * identical points are counted as unchanged and not written. Storing the same data twice adds nothing.
     *
     * @throws InvalidRequestException when a series is malformed (paths like {@code series[0].points[3].value})
     * @throws ConflictException when a series exists with another resolution
     */
    @Transactional
    public StoreOutcome store(List<ImportedSeries> series, ImportBatchInfo info) {
        validate(series, info);
        Instant now = Persistence.now();
        ImportBatchEntity batch = new ImportBatchEntity();
        batch.format = info.format();
        batch.sourceName = clip(info.sourceName(), 1000);
        batch.sha256 = info.sha256();
        batch.rowsRead = info.rowsRead();
        batch.reportJson = info.reportJson();
        batch.importedAt = now;
        batch.caller = clip(info.caller(), 200);
        if (info.sha256() != null) {
            batch.duplicateOf = ImportBatchEntity.<ImportBatchEntity>find("sha256", Sort.by("id"), info.sha256())
                    .firstResultOptional().map(b -> b.id).orElse(null);
        }
        batch.persist();

        List<StoreOutcome.PerSeries> per = new ArrayList<>();
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (int i = 0; i < series.size(); i++) {
            StoreOutcome.PerSeries r = storeOne(i, series.get(i), now);
            per.add(r);
            added += r.pointsAdded();
            updated += r.pointsUpdated();
            unchanged += r.pointsUnchanged();
            ImportBatchSeriesEntity link = new ImportBatchSeriesEntity();
            link.batchId = batch.id;
            link.seriesId = r.seriesId();
            link.pointsAdded = r.pointsAdded();
            link.pointsUpdated = r.pointsUpdated();
            link.pointsUnchanged = r.pointsUnchanged();
            em.persist(link);
        }
        batch.pointsAdded = added;
        batch.pointsUpdated = updated;
        batch.pointsUnchanged = unchanged;
        em.flush();
        return new StoreOutcome(batch.id, batch.duplicateOf, added, updated, unchanged, per);
    }

    private StoreOutcome.PerSeries storeOne(int index, ImportedSeries s, Instant now) {
        int resolution = (int) s.resolution().getSeconds();
        MarketSeriesEntity e = MarketSeriesEntity.<MarketSeriesEntity>find("kind = ?1 and key = ?2", s.kind(), s.key())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        boolean created = e == null;
        if (created) {
            e = new MarketSeriesEntity();
            e.kind = s.kind();
            e.key = s.key();
            e.unit = s.kind().unit();
            e.resolutionSeconds = resolution;
            e.importedAt = now;
            e.persist();
        } else if (e.resolutionSeconds != resolution) {
            throw new ConflictException("series[" + index + "].resolution", "series " + s.kind() + "/" + s.key()
                    + " is stored at " + e.resolutionSeconds + " s intervals, this import has " + resolution + " s");
        }
        e.source = clip(s.source(), 1000);
        e.importedAt = now;
        em.flush();
        long id = e.id;
        List<SeriesPoint> points = s.points();
        int[] counts = points.isEmpty() ? new int[3] : session().doReturningWork(c -> upsert(c, id, points));
        if (counts[0] > 0 || created) {
            session().doWork(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT MIN(interval_start), MAX(interval_start), COUNT(*) FROM series_point WHERE series_id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        MarketSeriesEntity m = em.find(MarketSeriesEntity.class, id);
                        m.firstStart = instant(rs, 1);
                        m.lastStart = instant(rs, 2);
                        m.pointCount = rs.getLong(3);
                    }
                }
            });
        }
        return new StoreOutcome.PerSeries(id, s.kind(), s.key(), created, counts[0], counts[1], counts[2]);
    }

    /** @return {added, updated, unchanged} */
    private static int[] upsert(Connection c, long seriesId, List<SeriesPoint> points) throws SQLException {
        Map<Instant, Double> stored = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT interval_start, point_value FROM series_point "
                + "WHERE series_id = ? AND interval_start >= ? AND interval_start <= ?")) {
            ps.setLong(1, seriesId);
            ps.setObject(2, odt(points.get(0).intervalStart()));
            ps.setObject(3, odt(points.get(points.size() - 1).intervalStart()));
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(instant(rs, 1), rs.getDouble(2));
                }
            }
        }
        List<SeriesPoint> inserts = new ArrayList<>();
        List<SeriesPoint> updates = new ArrayList<>();
        int unchanged = 0;
        for (SeriesPoint p : points) {
            Double old = stored.get(p.intervalStart());
            if (old == null) {
                inserts.add(p);
            } else if (Double.compare(old, p.value()) == 0) {
                unchanged++;
            } else {
                updates.add(p);
            }
        }
        insert(c, seriesId, inserts);
        if (!updates.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE series_point SET point_value = ? WHERE series_id = ? AND interval_start = ?")) {
                int n = 0;
                for (SeriesPoint p : updates) {
                    ps.setDouble(1, p.value());
                    ps.setLong(2, seriesId);
                    ps.setObject(3, odt(p.intervalStart()));
                    ps.addBatch();
                    if (++n % UPDATE_BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        }
        return new int[] {inserts.size(), updates.size(), unchanged};
    }

    private static void insert(Connection c, long seriesId, List<SeriesPoint> points) throws SQLException {
        int full = points.size() / INSERT_ROWS;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(insertSql(INSERT_ROWS))) {
                for (int chunk = 0; chunk < full; chunk++) {
                    bind(ps, seriesId, points.subList(chunk * INSERT_ROWS, (chunk + 1) * INSERT_ROWS));
                    ps.executeUpdate();
                }
            }
        }
        List<SeriesPoint> rest = points.subList(full * INSERT_ROWS, points.size());
        if (!rest.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(insertSql(rest.size()))) {
                bind(ps, seriesId, rest);
                ps.executeUpdate();
            }
        }
    }

    private static String insertSql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO series_point (series_id, interval_start, point_value) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement ps, long seriesId, List<SeriesPoint> rows) throws SQLException {
        int i = 1;
        for (SeriesPoint p : rows) {
            ps.setLong(i++, seriesId);
            ps.setObject(i++, odt(p.intervalStart()));
            ps.setDouble(i++, p.value());
        }
    }

    /**
     * Deletes a series with its points (import batches keep their counts).
     *
     * @throws NotFoundException when there is no such series
     */
    @Transactional
    public void delete(long id) {
        MarketSeriesEntity e = MarketSeriesEntity.<MarketSeriesEntity>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("no series with id " + id));
        // Bulk deletes: the foreign keys cascade in the database, but Hibernate would load nothing anyway.
        em.createQuery("DELETE FROM SeriesPointEntity p WHERE p.seriesId = :id").setParameter("id", id).executeUpdate();
        em.createQuery("DELETE FROM ImportBatchSeriesEntity l WHERE l.seriesId = :id").setParameter("id", id).executeUpdate();
        e.delete();
    }

    /** Series ordered by kind and key. */
    @Transactional
    public Page<SeriesInfo> listSeries(int page, int size) {
        var query = MarketSeriesEntity.<MarketSeriesEntity>findAll(Sort.by("kind").and("key")).page(page, size);
        return new Page<>(page, size, query.count(), query.list().stream().map(SeriesInfo::of).toList());
    }

    @Transactional
    public Optional<SeriesInfo> find(long id) {
        return MarketSeriesEntity.<MarketSeriesEntity>findByIdOptional(id).map(SeriesInfo::of);
    }

    @Transactional
    public Optional<SeriesInfo> find(SeriesKind kind, String key) {
        return MarketSeriesEntity.<MarketSeriesEntity>find("kind = ?1 and key = ?2", kind, key).firstResultOptional().map(SeriesInfo::of);
    }

    /**
     * The stored points of a series whose interval starts lie in [from, to), in ascending order. A null bound is open.
     *
     * @throws NotFoundException when there is no such series
     */
    @Transactional
    public List<SeriesPoint> read(SeriesKind kind, String key, Instant from, Instant to) {
        SeriesInfo info = find(kind, key).orElseThrow(() -> new NotFoundException("no series " + kind + "/" + key));
        return points(info.id(), from, to);
    }

    /**
     * A series over [from, to) at the given resolution: finer values are averaged per UTC hour or day (over the values
     * present), coarser values are repeated in steps.
     *
     * @throws NotFoundException when there is no such series
     * @throws InvalidRequestException when the resolution does not divide or multiply the stored one
     */
    @Transactional
    public SeriesSlice read(long id, Instant from, Instant to, Resolution resolution) {
        SeriesInfo info = find(id).orElseThrow(() -> new NotFoundException("no series with id " + id));
        int stored = info.resolutionSeconds();
        int target = resolution == Resolution.NATIVE ? stored : resolution.seconds();
        if (target == stored) {
            return new SeriesSlice(info, stored, points(id, from, to));
        }
        if (target > stored) {
            if (target % stored != 0) {
                throw new InvalidRequestException("resolution", "cannot average " + stored + " s values to " + resolution);
            }
            return new SeriesSlice(info, target, mean(points(id, from, to), target));
        }
        if (stored % target != 0) {
            throw new InvalidRequestException("resolution", "cannot step " + stored + " s values to " + resolution);
        }
        // Coarser values stepped down: include the interval that contains 'from'.
        List<SeriesPoint> coarse = points(id, from == null ? null : from.minusSeconds(stored - 1L), to);
        List<SeriesPoint> out = new ArrayList<>();
        for (SeriesPoint p : coarse) {
            for (long t = p.intervalStart().getEpochSecond(); t < p.intervalStart().getEpochSecond() + stored; t += target) {
                Instant start = Instant.ofEpochSecond(t);
                if ((from == null || !start.isBefore(from)) && (to == null || start.isBefore(to))) {
                    out.add(new SeriesPoint(start, p.value()));
                }
            }
        }
        return new SeriesSlice(info, target, out);
    }

    private static List<SeriesPoint> mean(List<SeriesPoint> points, int target) {
        List<SeriesPoint> out = new ArrayList<>();
        long bucket = Long.MIN_VALUE;
        double sum = 0;
        int n = 0;
        for (SeriesPoint p : points) {
            long b = Math.floorDiv(p.intervalStart().getEpochSecond(), target) * target;
            if (b != bucket && n > 0) {
                out.add(new SeriesPoint(Instant.ofEpochSecond(bucket), sum / n));
                sum = 0;
                n = 0;
            }
            bucket = b;
            sum += p.value();
            n++;
        }
        if (n > 0) {
            out.add(new SeriesPoint(Instant.ofEpochSecond(bucket), sum / n));
        }
        return out;
    }

    /**
     * One value per hour of [from, to) for the optimizer: hourly series as stored, finer series averaged per hour
     * (every sub-interval must be present), coarser series (daily) stepped. {@code from} and {@code to} must be whole
     * UTC hours.
     *
     * @throws NotFoundException when there is no such series
     * @throws SeriesGapException when any hour lacks a value
     * @throws InvalidRequestException when the range is empty or not on whole hours
     */
    @Transactional
    public double[] hourlyValues(SeriesKind kind, String key, Instant from, Instant to) {
        double[] values = hourlyValuesWithGaps(kind, key, from, to);
        int missing = 0;
        int first = -1;
        for (int h = 0; h < values.length; h++) {
            if (Double.isNaN(values[h])) {
                missing++;
                if (first < 0) {
                    first = h;
                }
            }
        }
        if (missing > 0) {
            throw new SeriesGapException(kind, key, from, to, from.plusSeconds((long) first * HOUR), missing);
        }
        return values;
    }

    /**
     * As {@link #hourlyValues}, but an hour without a value is NaN instead of an error (for callers that complete a
     * partial range themselves and say how, e.g. a replayed year whose first day starts late).
     *
     * @throws NotFoundException when there is no such series
     * @throws InvalidRequestException when the range is empty or not on whole hours
     */
    @Transactional
    public double[] hourlyValuesWithGaps(SeriesKind kind, String key, Instant from, Instant to) {
        List<FieldError> errors = new ArrayList<>();
        if (from == null || from.getEpochSecond() % HOUR != 0 || from.getNano() != 0) {
            errors.add(FieldError.of("from", "must be a whole UTC hour"));
        }
        if (to == null || to.getEpochSecond() % HOUR != 0 || to.getNano() != 0) {
            errors.add(FieldError.of("to", "must be a whole UTC hour"));
        } else if (from != null && !to.isAfter(from)) {
            errors.add(FieldError.of("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        SeriesInfo info = find(kind, key).orElseThrow(() -> new NotFoundException("no series " + kind + "/" + key));
        long start = from.getEpochSecond();
        int hours = Math.toIntExact((to.getEpochSecond() - start) / HOUR);
        int res = info.resolutionSeconds();
        double[] values = new double[hours];
        Arrays.fill(values, Double.NaN);
        if (res <= HOUR) {
            if (HOUR % res != 0) {
                throw new IllegalStateException("series " + kind + "/" + key + " has " + res + " s intervals, which do not divide an hour");
            }
            int perHour = HOUR / res;
            double[] sum = new double[hours];
            int[] count = new int[hours];
            session().doWork(c -> scan(c, info.id(), from, to, (t, v) -> {
                long offset = t - start;
                if (offset % res == 0) {
                    int h = (int) (offset / HOUR);
                    sum[h] += v;
                    count[h]++;
                }
            }));
            for (int h = 0; h < hours; h++) {
                if (count[h] == perHour) {
                    values[h] = sum[h] / perHour;
                }
            }
        } else {
            if (res % HOUR != 0) {
                throw new IllegalStateException("series " + kind + "/" + key + " has " + res + " s intervals, not whole hours");
            }
            session().doWork(c -> scan(c, info.id(), from.minusSeconds(res - 1L), to, (t, v) -> {
                for (long s = Math.max(t, start); s < t + res && s < start + (long) hours * HOUR; s += HOUR) {
                    if ((s - start) % HOUR == 0) {
                        values[(int) ((s - start) / HOUR)] = v;
                    }
                }
            }));
        }
        return values;
    }

    private interface PointSink {
        void accept(long epochSecond, double value);
    }

    private static void scan(Connection c, long seriesId, Instant from, Instant to, PointSink sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT interval_start, point_value FROM series_point "
                + "WHERE series_id = ? AND interval_start >= ? AND interval_start < ? ORDER BY interval_start")) {
            ps.setLong(1, seriesId);
            ps.setObject(2, odt(from));
            ps.setObject(3, odt(to));
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(instant(rs, 1).getEpochSecond(), rs.getDouble(2));
                }
            }
        }
    }

    private List<SeriesPoint> points(long seriesId, Instant from, Instant to) {
        return session().doReturningWork(c -> {
            StringBuilder sql = new StringBuilder("SELECT interval_start, point_value FROM series_point WHERE series_id = ?");
            if (from != null) {
                sql.append(" AND interval_start >= ?");
            }
            if (to != null) {
                sql.append(" AND interval_start < ?");
            }
            sql.append(" ORDER BY interval_start");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                ps.setLong(i++, seriesId);
                if (from != null) {
                    ps.setObject(i++, odt(from));
                }
                if (to != null) {
                    ps.setObject(i, odt(to));
                }
                ps.setFetchSize(10_000);
                List<SeriesPoint> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SeriesPoint(instant(rs, 1), rs.getDouble(2)));
                    }
                }
                return out;
            }
        });
    }

    private static void validate(List<ImportedSeries> series, ImportBatchInfo info) {
        List<FieldError> errors = new ArrayList<>();
        if (info == null || info.format() == null || info.format().isBlank() || info.format().length() > 32) {
            errors.add(FieldError.of("format", "is required (at most 32 characters)"));
        }
        if (info != null && info.sha256() != null && !info.sha256().matches("[0-9a-f]{64}")) {
            errors.add(FieldError.of("sha256", "must be 64 lower-case hex digits"));
        }
        if (series == null) {
            errors.add(FieldError.of("series", "is required"));
            throw new InvalidRequestException(errors);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < series.size(); i++) {
            String path = "series[" + i + "]";
            ImportedSeries s = series.get(i);
            if (s == null) {
                errors.add(FieldError.of(path, "must not be null"));
                continue;
            }
            if (s.kind() == null) {
                errors.add(FieldError.of(path + ".kind", "is required"));
            }
            if (s.key() == null || s.key().isBlank() || s.key().length() > 100) {
                errors.add(FieldError.of(path + ".key", "must be 1 to 100 characters"));
            } else if (!seen.add(s.kind() + "/" + s.key())) {
                errors.add(FieldError.of(path + ".key", "series " + s.kind() + "/" + s.key() + " appears twice in one import"));
            }
            Duration r = s.resolution();
            if (r == null || r.isNegative() || r.isZero() || r.getNano() != 0 || r.getSeconds() > Integer.MAX_VALUE) {
                errors.add(FieldError.of(path + ".resolution", "must be a positive whole number of seconds"));
            }
            Instant previous = null;
            for (int j = 0; j < s.points().size(); j++) {
                SeriesPoint p = s.points().get(j);
                String pp = path + ".points[" + j + "]";
                if (p == null || p.intervalStart() == null) {
                    errors.add(FieldError.of(pp + ".intervalStart", "is required"));
                    continue;
                }
                if (previous != null && !p.intervalStart().isAfter(previous)) {
                    errors.add(FieldError.of(pp + ".intervalStart", "must be after the previous point's " + previous));
                }
                if (!Double.isFinite(p.value())) {
                    errors.add(FieldError.of(pp + ".value", "must be a finite number"));
                }
                previous = p.intervalStart();
                if (errors.size() >= 100) {
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    private static OffsetDateTime odt(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
