package com.gridpivot.imports;

import static com.gridpivot.imports.ImportTestSupport.bytes;
import static com.gridpivot.imports.ImportTestSupport.count;
import static com.gridpivot.imports.ImportTestSupport.text;
import static com.gridpivot.imports.ImportTestSupport.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.gridpivot.marketdata.SeriesKind;
import com.gridpivot.persistence.SeriesService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk command, called as the packaged jar's main would call it. */
@QuarkusTest
class ImportCommandTest {
    @Inject
    BulkImportCommand command;

    @Inject
    SeriesService series;

    @Inject
    EntityManager em;

    record Run(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aDirectoryIsWalkedRecursivelyWithFormatsDetectedAndASecondRunAddsNothing(@TempDir Path dir) throws IOException {
        String west = uniqueKey("CMDWEST");
        String flux = uniqueKey("CMDFLUX");
        Files.createDirectories(dir.resolve("ercot/nested"));
        Files.writeString(dir.resolve("ercot/dam_fallback.csv"),
                text("ercot_csv/dam_hb_west_2023-11-05_fallback.csv").replace("HB_WEST", west));
        Files.writeString(dir.resolve("ercot/nested/2023-01.json"),
                text("ercot_fluxcore/HB_NORTH/2023-01.json").replace("\"hub\":\"HB_NORTH\"", "\"hub\":\"" + flux + "\""));
        Files.write(dir.resolve("transaction-fees.csv"), bytes("btc/blockchaincom_2023_2024/transaction-fees.csv"));
        Files.writeString(dir.resolve("ercot/nested/2023-01.meta.json"), "{\"note\":\"metadata\"}");
        Files.writeString(dir.resolve("README.md"), "not data");

        Run first = run(dir.toString());
        assertThat(first.status()).as(first.out() + first.err()).isZero();
        assertThat(first.lines()).filteredOn(l -> l.startsWith("OK ")).hasSize(3);
        assertThat(first.lines()).filteredOn(l -> l.startsWith("SKIP ")).hasSize(2);
        assertThat(line(first, "dam_fallback.csv")).contains("ERCOT_CSV", "rows=25", "added=25", "unchanged=0",
                "series=ENERGY_PRICE/" + west);
        assertThat(line(first, "2023-01.json")).contains("FLUXCORE_JSON", "rows=2976", "added=744");
        assertThat(line(first, "transaction-fees.csv")).contains("BTC_DAILY_CSV", "rows=364", "series=FEES_BTC_PER_DAY/BTC");
        assertThat(first.lines().get(first.lines().size() - 1)).startsWith("3 file(s) imported, 0 failed, 2 skipped");
        assertThat(series.find(SeriesKind.ENERGY_PRICE, west).orElseThrow().pointCount()).isEqualTo(25);
        assertThat(series.find(SeriesKind.ENERGY_PRICE, flux).orElseThrow().pointCount()).isEqualTo(744);

        Run second = run(dir.toString());
        assertThat(second.status()).isZero();
        assertThat(line(second, "dam_fallback.csv")).contains("added=0", "unchanged=25", "duplicateOf=");
        assertThat(line(second, "2023-01.json")).contains("added=0", "unchanged=744");
    }

    @Test
    void aBadFileFailsWithItsLineNumbersStoresNothingAndTheOthersAreImported(@TempDir Path dir) throws IOException {
        String good = uniqueKey("CMDGOOD");
        String bad = uniqueKey("CMDBAD");
        Files.writeString(dir.resolve("a_good.csv"), text("ercot_csv/dam_hb_west_2023-03-12_springforward.csv").replace("HB_WEST", good));
        Files.writeString(dir.resolve("b_bad.csv"), text("ercot_csv/dam_hb_west_2023-11-05_fallback.csv").replace("HB_WEST", bad)
                .replace("11/05/2023,24:00," + bad + ",3.42", "11/05/2023,24:00," + bad + ",oops"));
        long points = count(em, "series_point");

        Run r = run("--format", "ERCOT_CSV", dir.resolve("a_good.csv").toString(), dir.resolve("b_bad.csv").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(line(r, "a_good.csv")).startsWith("OK ").contains("added=23");
        assertThat(line(r, "b_bad.csv")).startsWith("FAIL ").contains("nothing stored", "line 26 NON_NUMERIC");
        assertThat(series.find(SeriesKind.ENERGY_PRICE, bad)).isEmpty();
        assertThat(count(em, "series_point")).isEqualTo(points + 23);
    }

    @Test
    void badArgumentsAndMissingFilesExitWith1(@TempDir Path dir) throws IOException {
        assertThat(run().status()).isEqualTo(1);
        Run badFormat = run("--format", "XLSX", "x.csv");
        assertThat(badFormat.status()).isEqualTo(1);
        assertThat(badFormat.err()).contains("--format must be one of");
        Run missing = run(dir.resolve("nope.csv").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.out()).contains("FAIL", "no such file");
        Files.writeString(dir.resolve("mystery.csv"), "a;b\n1;2\n");
        Run undetectable = run(dir.resolve("mystery.csv").toString());
        assertThat(undetectable.status()).isEqualTo(1);
        assertThat(undetectable.out()).contains("FAIL", "format cannot be detected");
        Path generic = dir.resolve("generic.csv");
        Files.writeString(generic, "interval_start,value\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,2\n");
        String key = uniqueKey("CMDGEN");
        Run withKind = run("--kind", "ENERGY_PRICE", "--key", key, generic.toString());
        assertThat(withKind.status()).as(withKind.out()).isZero();
        assertThat(series.find(SeriesKind.ENERGY_PRICE, key).orElseThrow().pointCount()).isEqualTo(2);
    }

    private static String line(Run r, String fileName) {
        return r.lines().stream().filter(l -> l.contains(fileName) && !l.startsWith("SKIP")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + fileName + " in\n" + r.out()));
    }
}
