package com.gridpivot.marketdata;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FormatDetectionTest {
    private final MarketDataImporter importer = new MarketDataImporter();

    private ImportFormat detect(String name, String resource) {
        byte[] all = TestFiles.bytes(resource);
        byte[] head = java.util.Arrays.copyOf(all, Math.min(all.length, 512));
        return importer.detect(name, head);
    }

    @Test
    void realFilesAreRecognized() {
        assertThat(detect("2023-01.json", "ercot_fluxcore/HB_WEST/2023-01.json")).isEqualTo(ImportFormat.FLUXCORE_JSON);
        assertThat(detect("difficulty.csv", "btc/blockchaincom_2023_2024/difficulty.csv")).isEqualTo(ImportFormat.BTC_DAILY_CSV);
        assertThat(detect("any.csv", "btc/blockchaincom_2023_2024/market-price.csv")).isEqualTo(ImportFormat.BTC_DAILY_CSV);
        assertThat(detect("lukmol_btc_price_volume.csv", "btc/lukmol_btc_price_volume.csv")).isEqualTo(ImportFormat.BTC_DAILY_CSV);
        assertThat(detect("h.csv", "btc/lukmol_hashrate.csv")).isEqualTo(ImportFormat.BTC_DAILY_CSV);
        assertThat(detect("2026-02-26.csv", "gpu/ccir_cri_h100/h100-sxm-us/2026-02-26.csv")).isEqualTo(ImportFormat.GPU_RATES_CSV);
        assertThat(detect("cri-h100-index.csv", "gpu/ccir_cri_h100/outputs/cri-h100-index.csv")).isEqualTo(ImportFormat.GPU_RATES_CSV);
        assertThat(detect("reference-rates_2026-03-03.csv", "gpu/ccir_cri_h100/reference-rates_2026-03-03.csv")).isEqualTo(ImportFormat.GPU_RATES_CSV);
        assertThat(detect("dam.csv", "ercot_csv/dam_two_hubs_2023-01-15.csv")).isEqualTo(ImportFormat.ERCOT_CSV);
        assertThat(detect("rtm.csv", "ercot_csv/rtm_hb_west_2023-11-05_fallback.csv")).isEqualTo(ImportFormat.ERCOT_CSV);
    }

    @Test
    void genericAndUnknown() {
        assertThat(importer.detect("p.csv", "interval_start,value\n2024-01-01T00:00:00Z,1\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(ImportFormat.GENERIC_CSV);
        assertThat(importer.detect("mcpc.csv", "DeliveryDate,HourEnding,AncillaryType,MCPC,DSTFlag\n08/20/2024,01:00,ECRS,5.00,N\n"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(ImportFormat.ERCOT_ANCILLARY_CSV);
        assertThat(importer.detect("notes.txt", "hello world".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(importer.detect(null, null)).isNull();
    }
}
