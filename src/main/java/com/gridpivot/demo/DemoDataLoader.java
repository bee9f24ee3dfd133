package com.gridpivot.demo;

import com.gridpivot.errors.ConflictException;
import com.gridpivot.imports.HashpriceDerivation;
import com.gridpivot.imports.HashpriceDerivationService;
import com.gridpivot.imports.ImportParams;
import com.gridpivot.imports.ImportReport;
import com.gridpivot.imports.ImportService;
import com.gridpivot.imports.SourceFile;
import com.gridpivot.marketdata.FluxcoreMarket;
import com.gridpivot.marketdata.ImportFormat;
import com.gridpivot.persistence.Persistence;
import com.gridpivot.persistence.SiteEntity;
import com.gridpivot.sites.AiOptionBody;
import com.gridpivot.sites.AsicFleetBody;
import com.gridpivot.sites.SiteRequest;
import com.gridpivot.sites.SiteService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the demo data on the first start with an empty {@code site} table (config {@code gridpivot.demo-data.enabled},
 * env {@code GRIDPIVOT_DEMO_DATA=false} to disable): ERCOT HB_WEST and HB_NORTH real-time prices 2023–2024 (hourly
 * means, 17,544 h each), the lukmol BTC price, difficulty and hashrate, the blockchain.com fees, the CRI GPU listings,
 * indices and rate cards (all copied into {@code src/main/resources/demo} with their provenance), the derived daily
 * hashprice, the demo scenarios (base, bear, bull; {@link DemoScenarios}), and last the site "West Texas demo". Each
 * dataset is one transaction; every step is idempotent, and a unique-constraint clash with a concurrent start is
 * retried once, so two racing starts end with one copy.
 *
 * <p>The load runs on a background thread once the application has started, so the HTTP server answers at once; its
 * progress is in {@link #status()} (readiness check {@code demo-data}).
 */
@ApplicationScoped
public class DemoDataLoader {
    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    /** Name of the demo site. */
    public static final String SITE_NAME = "West Texas demo";
    static final String BASE = "demo/";
    static final String CALLER = "demo-loader";
    static final YearMonth FIRST_MONTH = YearMonth.of(2023, 1);
    static final YearMonth LAST_MONTH = YearMonth.of(2024, 12);

    /** Where the load is. */
    public enum State { DISABLED, SKIPPED, LOADING, LOADED, FAILED }

    /**
     * A snapshot of the loader.
     *
     * @param state     where it is
     * @param detail    what it did or why it stopped
     * @param elapsedMs time spent loading, ms
     */
    public record Status(State state, String detail, long elapsedMs) {
    }

    @ConfigProperty(name = "gridpivot.demo-data.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    SiteService sites;

    @Inject
    ImportService imports;

    @Inject
    HashpriceDerivationService hashprice;

    @Inject
    DemoScenarios scenarios;

    private volatile Status status = new Status(State.DISABLED, "not started", 0);
    private final CompletableFuture<Status> done = new CompletableFuture<>();

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            finish(new Status(State.DISABLED, "gridpivot.demo-data.enabled=false", 0));
            return;
        }
        status = new Status(State.LOADING, "starting", 0);
        Thread t = new Thread(this::loadIfEmpty, "demo-data-loader");
        t.setDaemon(true);
        t.start();
    }

    /** The loader's state. */
    public Status status() {
        return status;
    }

    /** Waits until the load is over (or was never started) and returns its final state. */
    public Status awaitDone(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    void loadIfEmpty() {
        long start = System.nanoTime();
        try {
            long siteCount = QuarkusTransaction.requiringNew().call(() -> SiteEntity.count());
            if (siteCount > 0) {
                finish(new Status(State.SKIPPED, "the database has " + siteCount + " site(s)", 0));
                LOG.infof("demo data: not loaded, the database has %d site(s)", siteCount);
                return;
            }
            List<String> loaded = loadAll();
            long ms = (System.nanoTime() - start) / 1_000_000;
            finish(new Status(State.LOADED, String.join("; ", loaded), ms));
            LOG.infof("demo data: loaded in %d ms", ms);
        } catch (RuntimeException e) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            LOG.errorf(e, "demo data: load failed after %d ms", ms);
            finish(new Status(State.FAILED, String.valueOf(e), ms));
        }
    }

    /**
     * Loads every dataset (idempotent: what is stored already is counted as unchanged) and the site if it is missing.
     *
     * @return one line per dataset
     */
    public List<String> loadAll() {
        List<String> lines = new ArrayList<>();
        for (String hub : List.of("HB_WEST", "HB_NORTH")) {
            lines.add(dataset("ERCOT " + hub + " real-time 2023-2024", () -> imports.importFiles(fluxcoreMonths(hub),
                    new ImportParams(ImportFormat.FLUXCORE_JSON, null, null, null, FluxcoreMarket.RTM),
                    BASE + "ercot_fluxcore/" + hub + " " + FIRST_MONTH + ".." + LAST_MONTH + " RTM", CALLER)));
        }
        for (String file : List.of("btc/lukmol_btc_price_volume.csv", "btc/lukmol_difficulty.csv", "btc/lukmol_hashrate.csv",
                "btc/blockchaincom_2023_2024/transaction-fees.csv")) {
            lines.add(dataset(file, () -> imports.importFile(resource(file),
                    new ImportParams(ImportFormat.BTC_DAILY_CSV, BASE + file, null, null, null), CALLER)));
        }
        lines.add(dataset("GPU rates (CRI H100/H200 listings, indices, rate cards)", () -> imports.importFiles(gpuFiles(),
                new ImportParams(ImportFormat.GPU_RATES_CSV, null, null, null, null), BASE + "gpu/ccir_cri_h100", CALLER)));
        lines.add(timed("derived hashprice", () -> {
            HashpriceDerivation d = retryOnce(() -> hashprice.derive(null, null, CALLER));
            return d.days() + " days " + d.firstDay() + ".." + d.lastDay() + " (" + d.daysWithoutFees()
                    + " without fees), added " + d.report().pointsAdded() + ", unchanged " + d.report().pointsUnchanged();
        }));
        // the scenarios before the site: a load is started only while there is no site, so one cut short is completed
        lines.add(timed("scenarios", () -> String.join("; ", retryOnce(scenarios::load))));
        lines.add(timed("site", () -> {
            try {
                return "created '" + SITE_NAME + "' id " + retryOnce(() -> sites.create(demoSite())).id();
            } catch (ConflictException e) {
                return "'" + SITE_NAME + "' exists already";
            }
        }));
        return lines;
    }

    private String dataset(String name, Supplier<ImportReport> load) {
        return timed(name, () -> {
            ImportReport r = retryOnce(load);
            return r.rowsRead() + " rows, " + r.series().size() + " series, added " + r.pointsAdded() + ", updated "
                    + r.pointsUpdated() + ", unchanged " + r.pointsUnchanged() + " (batch " + r.batchId() + ")";
        });
    }

    private static String timed(String name, Supplier<String> step) {
        long t0 = System.nanoTime();
        String what = step.get();
        String line = name + ": " + what + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms";
        LOG.info("demo data: " + line);
        return line;
    }

    /** A concurrent start may insert the same series or site first: the second attempt then finds it. */
    private static <T> T retryOnce(Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            if (!Persistence.isConstraintViolation(e)) {
                throw e;
            }
            LOG.infof("demo data: a concurrent load got there first (%s); retrying", e.getMessage());
            return step.get();
        }
    }

    private void finish(Status s) {
        status = s;
        done.complete(s);
    }

    /** The demo site: 100 MW at HB_WEST, S21 and S19 XP fleets, a colocation and an H100 option. */
    static SiteRequest demoSite() {
        return new SiteRequest(SITE_NAME, 100.0, null, null, null, "HB_WEST",
                "Demo site loaded on first start (GridPivot demo data; prices: ERCOT HB_WEST real-time 2023-2024).",
                List.of(new AsicFleetBody("S21 fleet", "Antminer S21", 10_000, null, null, 1.05, 0.02, null, null),
                        new AsicFleetBody("S19 XP fleet", "Antminer S19 XP", 8_000, null, null, 1.05, 0.02, null, null)),
                List.of(new AiOptionBody("Colocation lease", "colocation lease", null, null, null, null, null, null, null,
                                null, null, null, null, null, null),
                        new AiOptionBody("H100 cloud", "H100 cloud", null, null, null, 0.8, null, null, null, null, 40.0,
                                null, null, null, null)),
                null);
    }

    static List<SourceFile> fluxcoreMonths(String hub) {
        List<SourceFile> files = new ArrayList<>();
        for (YearMonth m = FIRST_MONTH; !m.isAfter(LAST_MONTH); m = m.plusMonths(1)) {
            String path = "ercot_fluxcore/" + hub + "/" + m + ".json";
            files.add(new SourceFile(hub + "/" + m + ".json", resource(path)));
        }
        return files;
    }

    static List<SourceFile> gpuFiles() {
        List<SourceFile> files = new ArrayList<>();
        addDays(files, "gpu/ccir_cri_h100/h100-sxm-us/", LocalDate.of(2026, 2, 26), LocalDate.of(2026, 3, 6));
        addDays(files, "gpu/ccir_cri_h100/h200-us/", LocalDate.of(2026, 2, 27), LocalDate.of(2026, 3, 6));
        for (String f : List.of("gpu/ccir_cri_h100/outputs/cri-h100-index.csv", "gpu/ccir_cri_h100/outputs/cri-h200-index.csv",
                "gpu/ccir_cri_h100/reference-rates_2026-03-03.csv")) {
            files.add(new SourceFile(f, resource(f)));
        }
        return files;
    }

    private static void addDays(List<SourceFile> files, String dir, LocalDate first, LocalDate last) {
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            files.add(new SourceFile(dir + d + ".csv", resource(dir + d + ".csv")));
        }
    }

    static byte[] resource(String path) {
        try (InputStream in = DemoDataLoader.class.getClassLoader().getResourceAsStream(BASE + path)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing: " + BASE + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
