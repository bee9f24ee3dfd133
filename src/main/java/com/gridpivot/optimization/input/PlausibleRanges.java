package com.gridpivot.optimization.input;

import static com.gridpivot.optimization.input.FieldChecks.fmt;

import java.util.List;

/**
 * The plausible range of each market and equipment input of a what-if or a plan, with its source (ERCOT, Luxor's
 * Hashrate Index, published AI deals and GPU rates, the hardware catalog). A value outside its range is not an error — the request is
 * answered with the value as given — but the answer carries a warning that names the field by its JSON path, the
 * range, and the likely unit slip when multiplying or dividing by the slip's factor brings the value inside
 * (e.g. 0.04 given for an energy price: USD/kWh written where USD/MWh is asked; 40 USD/MWh).
 *
 * <p>The README's table "Plausible input ranges" lists the same ranges; keep them in step. Imported market series
 * are checked separately by {@code marketdata.ExpectedScale}, with wider ranges: history reaches back to BTC prices
 * and hashprices that no plan of today should assume.
 */
public final class PlausibleRanges {
    private PlausibleRanges() {
    }

    /**
     * A unit mistake that explains a value outside the range.
     *
     * @param factor  the value × factor is what the user probably meant
     * @param meaning the mistake in words, e.g. "USD/kWh given as USD/MWh"
     */
    public record Slip(double factor, String meaning) {
    }

    /**
     * @param what   the input in words
     * @param unit   the unit the API asks for
     * @param min    lowest plausible value
     * @param max    highest plausible value
     * @param source where the range comes from
     * @param slips  unit mistakes to suggest when the value is outside the range
     */
    public record Range(String what, String unit, double min, double max, String source, List<Slip> slips) {
        public boolean contains(double v) {
            return v >= min && v <= max;
        }
    }

    /**
     * Energy price level: the mean |price| of the horizon, USD/MWh. Source: ERCOT real-time prices run from negative to
     * the 5,000 USD/MWh cap; HB_WEST averaged tens of USD/MWh in 2023–2024; 0.08 USD/kWh = 80 USD/MWh delivered.
     */
    public static final Range ENERGY_PRICE_USD_PER_MWH = new Range("energy price (mean |price| of the horizon)", "USD/MWh", 1, 1_000,
            "ERCOT real-time prices average tens of USD/MWh; 0.08 USD/kWh is 80 USD/MWh",
            List.of(new Slip(1000, "USD/kWh given as USD/MWh"), new Slip(0.001, "USD/GWh given as USD/MWh")));

    /**
     * One hour's energy price, USD/MWh. Source: ERCOT's offer cap is 5,000 USD/MWh and its prices dip below zero; the
     * importers' unit-slip check uses the same −500 … 10,000 USD/MWh.
     */
    public static final Range HOURLY_ENERGY_PRICE_USD_PER_MWH = new Range("hourly energy price", "USD/MWh", -500, 10_000,
            "ERCOT's offer cap is 5,000 USD/MWh", List.of(new Slip(1000, "USD/kWh given as USD/MWh")));

    /**
     * Hashprice, USD per PH/s per day. Source: Luxor Hashrate Index: ~100 before the 2024 halving, 38.2 in Nov 2025,
     * 33.4 in Mar 2026; older material quotes USD/TH/day (1,000× smaller).
     */
    public static final Range HASHPRICE_USD_PER_PH_DAY = new Range("hashprice", "USD/PH/day", 10, 1_000,
            "Luxor: ~100 USD/PH/day before the 2024 halving, 33–38 in 2025–2026",
            List.of(new Slip(1000, "USD/TH/day given as USD/PH/day"), new Slip(0.001, "USD/EH/day given as USD/PH/day")));

    /** BTC price, USD. Source: mid-60,000s in 2026, 91,000 in Nov 2025; prices in thousands (kUSD) are 1,000× smaller. */
    public static final Range BTC_PRICE_USD = new Range("BTC price", "USD", 5_000, 1_000_000,
            "BTC traded at 65,000–91,000 USD in 2025–2026",
            List.of(new Slip(1000, "thousands of USD (kUSD) given as USD")));

    /**
     * Network difficulty. Source: 152T (Nov 2025), 133.8T (Mar 2026), 125.86T (Feb 2026); growth above 4.5 %/month
     * historically, so ten years ahead stays under 10¹⁷.
     */
    public static final Range DIFFICULTY = new Range("network difficulty", "", 1e13, 1e17,
            "125.86T–152T in 2025–2026 (1.2586e14–1.52e14)", List.of(new Slip(1e12, "difficulty in trillions (T) given as a plain number")));

    /**
     * ASIC efficiency, J/TH = powerWPerUnit / hashrateThPerUnit. Source: the catalog and the primer's table: 9.5 (S23
     * Hydro) to 21.5 (S19 XP); machines of 2016–2018 reach ~100.
     */
    public static final Range J_PER_TH = new Range("ASIC efficiency (powerWPerUnit / hashrateThPerUnit)", "J/TH", 5, 120,
            "9.5 J/TH (S23 Hydro) to 21.5 J/TH (S19 XP) today",
            List.of(new Slip(1000, "hashrate in GH/s given as TH/s, or power in kW given as W"),
                    new Slip(0.001, "hashrate in PH/s given as TH/s")));

    /**
     * PUE, site power per IT power. Source: immersion mining 1.03–1.10, air-cooled mining 1.2–1.5 at the worst sites,
     * AI halls 1.25–1.45.
     */
    public static final Range PUE = new Range("PUE (site power per IT power)", "", 1.0, 1.6,
            "mining 1.03–1.5, AI halls 1.25–1.45", List.of());

    /**
     * GPU lease rate, USD per GPU-hour. Source: H100 8–12 (2023), 1.70 (mid-2025), 2.35 (Mar 2026); B200 ~6.0.
     */
    public static final Range GPU_LEASE_USD_PER_GPU_HOUR = new Range("GPU lease rate", "USD/GPU-h", 0.5, 15,
            "H100 1.70–2.35 USD/GPU-h in 2025–2026, 8–12 in 2023; B200 ~6",
            List.of(new Slip(1.0 / 730, "USD per GPU-month given as USD per GPU-hour"),
                    new Slip(1.0 / 8, "USD per 8-GPU server-hour given as USD per GPU-hour")));

    /**
     * Colocation rate, USD per kW of IT per month. Source: CoreWeave, Fluidstack and AWS deals of 2024–2025: 100–160
     * USD per kW-month (1.22–1.90 M USD per MW-year).
     */
    public static final Range COLOCATION_USD_PER_KW_MONTH = new Range("colocation rate", "USD/kW-month", 50, 300,
            "published deals pay 100–160 USD/kW-month",
            List.of(new Slip(0.001, "USD per MW-month given as USD per kW-month"), new Slip(1.0 / 12, "USD per kW-year given as USD per kW-month"),
                    new Slip(1000, "USD per W-month (or thousands of USD) given as USD per kW-month")));

    /** Every range, for the README and the tests. */
    public static final List<Range> ALL = List.of(ENERGY_PRICE_USD_PER_MWH, HOURLY_ENERGY_PRICE_USD_PER_MWH, HASHPRICE_USD_PER_PH_DAY,
            BTC_PRICE_USD, DIFFICULTY, J_PER_TH, PUE, GPU_LEASE_USD_PER_GPU_HOUR, COLOCATION_USD_PER_KW_MONTH);

    /**
     * The warning for a value outside its range (without the field), or null when the value is plausible or not a
     * finite number (those are errors, reported elsewhere).
     *
     * @param subject what the value is, e.g. "45,000 USD/PH/day" or "the mean |price| of the 3 hours, 0.04 USD/MWh"
     */
    public static String warning(Range r, double value, String subject) {
        if (!Double.isFinite(value) || r.contains(value)) {
            return null;
        }
        StringBuilder s = new StringBuilder(subject).append(" is ").append(value < r.min() ? "below" : "above")
                .append(" the plausible range of the ").append(r.what()).append(", ").append(fmt(r.min())).append(" … ")
                .append(fmt(r.max())).append(unit(r)).append(" (").append(r.source()).append(")");
        for (Slip slip : r.slips()) {
            double meant = value * slip.factor();
            if (r.contains(meant)) {
                s.append("; likely ").append(slip.meaning()).append(": that would be ").append(fmt(meant)).append(unit(r));
                break;
            }
        }
        return s.append(". The answer uses the value as given.").toString();
    }

    /** The warning for one value: "45,000 USD/PH/day is above …", or null. */
    public static String warning(Range r, double value) {
        return warning(r, value, fmt(value) + unit(r));
    }

    private static String unit(Range r) {
        return r.unit().isEmpty() ? "" : " " + r.unit();
    }
}
