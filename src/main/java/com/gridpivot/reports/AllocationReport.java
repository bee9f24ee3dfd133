package com.gridpivot.reports;

import com.gridpivot.optimization.result.AllocationResult;
import com.gridpivot.reports.ReportTable.Column;
import com.gridpivot.reports.ReportTable.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns an allocation answer into the tables a planner exports: summary, allocation, economics, revenue per MWh,
 * dispatch, breakeven and shadow prices. Per-year figures divide horizon totals by T/8760, T = the solver's hours.
 */
public final class AllocationReport {
    static final double HOURS_PER_YEAR = 8760.0;

    private AllocationReport() {
    }

    /** Table ids in export order. */
    public static final List<String> TABLE_IDS = List.of("summary", "allocation", "economics", "revenue-per-mwh", "dispatch",
            "breakeven", "shadow-prices");

    public static List<ReportTable> tables(AllocationResult r) {
        List<ReportTable> out = new ArrayList<>();
        out.add(summary(r));
        out.add(allocation(r));
        out.add(economics(r));
        out.add(revenuePerMwh(r));
        out.add(dispatch(r));
        out.add(breakeven(r));
        out.add(shadowPrices(r));
        return out;
    }

    /** The horizon in years (T/8760), or null when the answer does not say T. */
    static Double years(AllocationResult r) {
        return r.solver() == null || r.solver().hours() <= 0 ? null : r.solver().hours() / HOURS_PER_YEAR;
    }

    static ReportTable summary(AllocationResult r) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("status", r.status() == null ? null : r.status().name()));
        if (r.solver() != null) {
            rows.add(row("solver", r.solver().name()));
            rows.add(row("horizon hours", r.solver().hours()));
            rows.add(row("hour aggregation", r.solver().hourAggregation()));
            rows.add(row("LP variables", r.solver().variables()));
            rows.add(row("LP constraints", r.solver().constraints()));
            rows.add(row("wall time (ms)", r.solver().wallMs()));
        }
        if (r.explanation() != null) {
            rows.add(row("explanation", r.explanation()));
        }
        for (String b : nullToEmpty(r.bindingConstraints())) {
            rows.add(row("binding limit", b));
        }
        if (r.dispatch() != null) {
            for (AllocationResult.FleetDispatch d : r.dispatch().values()) {
                if (d.idleNote() != null) {
                    rows.add(row("fleet MW", d.idleNote()));
                }
            }
        }
        for (String w : nullToEmpty(r.warnings())) {
            rows.add(row("warning", w));
        }
        return new ReportTable("summary", "Summary", List.of(new Column("item", null, Format.TEXT), new Column("value", null, Format.TEXT)), rows);
    }

    static ReportTable allocation(AllocationResult r) {
        List<List<Object>> rows = new ArrayList<>();
        AllocationResult.Allocation a = r.allocation();
        if (a != null) {
            double installed = 0.0;
            double idle = 0.0;
            for (Map.Entry<String, Double> e : a.asicItMw().entrySet()) {
                AllocationResult.FleetDispatch d = r.dispatch() == null ? null : r.dispatch().get(e.getKey());
                rows.add(row(e.getKey(), "ASIC fleet", e.getValue(), d == null ? null : d.capacityMw(), d == null ? null : d.idleMw()));
                installed += d == null ? 0.0 : d.capacityMw();
                idle += d == null ? 0.0 : d.idleMw();
            }
            for (Map.Entry<String, Double> e : a.aiItMw().entrySet()) {
                rows.add(row(e.getKey(), "AI option", e.getValue(), null, null));
            }
            rows.add(row("all ASIC fleets", "total", a.totalAsicItMw(), installed, idle));
            rows.add(row("all AI options", "total", a.totalAiItMw(), null, null));
            rows.add(row("peak site power (with PUE)", "site", a.peakFacilityMw(), null, null));
        }
        return new ReportTable("allocation", "Allocation", List.of(new Column("use", null, Format.TEXT),
                new Column("kind", null, Format.TEXT), new Column("IT load (runs at most)", "MW", Format.DECIMAL),
                new Column("installed", "MW", Format.DECIMAL), new Column("idle", "MW", Format.DECIMAL)), rows);
    }

    static ReportTable economics(AllocationResult r) {
        List<List<Object>> rows = new ArrayList<>();
        AllocationResult.Economics e = r.economics();
        Double years = years(r);
        if (e != null) {
            rows.add(money("net value", e.netUsd(), years));
            rows.add(money("mining revenue (after pool fees)", e.miningRevenueUsd(), years));
            rows.add(money("AI revenue", e.aiRevenueUsd(), years));
            rows.add(money("energy cost", e.energyCostUsd(), years));
            rows.add(money("capex charge", e.capexChargeUsd(), years));
            rows.add(money("operating cost", e.opexUsd(), years));
        }
        return new ReportTable("economics", "Economics", List.of(new Column("item", null, Format.TEXT),
                new Column("over the horizon", "USD", Format.MONEY), new Column("per year", "USD", Format.MONEY)), rows);
    }

    static ReportTable revenuePerMwh(AllocationResult r) {
        List<List<Object>> rows = new ArrayList<>();
        if (r.economics() != null && r.economics().revenuePerItMwhUsd() != null) {
            for (Map.Entry<String, Double> e : r.economics().revenuePerItMwhUsd().entrySet()) {
                rows.add(row(e.getKey(), e.getValue()));
            }
        }
        return new ReportTable("revenue-per-mwh", "Revenue per MWh", List.of(new Column("use", null, Format.TEXT),
                new Column("revenue per MWh of IT load", "USD/MWh", Format.DECIMAL)), rows);
    }

    static ReportTable dispatch(AllocationResult r) {
        List<List<Object>> rows = new ArrayList<>();
        if (r.dispatch() != null) {
            for (Map.Entry<String, AllocationResult.FleetDispatch> e : r.dispatch().entrySet()) {
                AllocationResult.FleetDispatch d = e.getValue();
                rows.add(row(e.getKey(), d.capacityMw(), d.maxRunMw(), d.idleMw(), d.idleReason() == null ? null : d.idleReason().name(),
                        d.energyMwh(), d.capacityFactor(), d.curtailedHours(), d.payingHours(), d.revenueUsd()));
            }
        }
        return new ReportTable("dispatch", "Dispatch", List.of(new Column("fleet", null, Format.TEXT),
                new Column("installed", "MW", Format.DECIMAL), new Column("runs at most", "MW", Format.DECIMAL),
                new Column("idle", "MW", Format.DECIMAL), new Column("why idle", null, Format.TEXT),
                new Column("energy", "MWh", Format.DECIMAL), new Column("capacity factor", null, Format.PERCENT),
                new Column("curtailed hours", "h", Format.INTEGER), new Column("paying hours", "h", Format.INTEGER),
                new Column("revenue", "USD", Format.MONEY)), rows);
    }

    static ReportTable breakeven(AllocationResult r) {
        List<List<Object>> rows = new ArrayList<>();
        if (r.breakeven() != null) {
            for (Map.Entry<String, AllocationResult.Breakeven> e : r.breakeven().entrySet()) {
                rows.add(row(e.getKey(), e.getValue().energyPriceUsdPerMwh(), e.getValue().hashpriceUsdPerPhDay()));
            }
        }
        return new ReportTable("breakeven", "Breakeven", List.of(new Column("fleet", null, Format.TEXT),
                new Column("stops paying above energy price", "USD/MWh", Format.DECIMAL),
                new Column("stops paying below hashprice", "USD/PH/day", Format.DECIMAL)), rows);
    }

    static ReportTable shadowPrices(AllocationResult r) {
        List<List<Object>> rows = new ArrayList<>();
        AllocationResult.ShadowPrices s = r.shadowPrices();
        Double years = years(r);
        if (s != null) {
            rows.add(row("one more MW of interconnect", "USD per MW", s.interconnectUsdPerMw(), perYear(s.interconnectUsdPerMw(), years)));
            rows.add(row("one more MW of allowed AI IT load", "USD per MW", s.maxAiItUsdPerMw(), perYear(s.maxAiItUsdPerMw(), years)));
            rows.add(row("one more MW of contracted AI IT load", "USD per MW", s.minAiItUsdPerMw(), perYear(s.minAiItUsdPerMw(), years)));
            rows.add(row("one more USD of capex budget", "USD per USD", s.capexBudgetUsdPerUsd(), perYear(s.capexBudgetUsdPerUsd(), years)));
        }
        return new ReportTable("shadow-prices", "Shadow prices", List.of(new Column("limit", null, Format.TEXT),
                new Column("unit", null, Format.TEXT), new Column("worth over the horizon", null, Format.DECIMAL),
                new Column("worth per year", null, Format.DECIMAL)), rows);
    }

    /**
     * The hourly detail of a solved what-if: per hour, each fleet's IT MW and the site power. Empty without a solution.
     *
     * @param fleetNames in the order of {@code dispatchMw}'s first index
     */
    public static ReportTable hourlyDispatch(List<String> fleetNames, double[][] dispatchMw, double[] facilityMw) {
        List<Column> cols = new ArrayList<>();
        cols.add(new Column("hour", null, Format.INTEGER));
        for (String f : fleetNames) {
            cols.add(new Column(f, "MW", Format.DECIMAL));
        }
        cols.add(new Column("site power", "MW", Format.DECIMAL));
        List<List<Object>> rows = new ArrayList<>();
        if (dispatchMw != null && facilityMw != null) {
            for (int t = 0; t < facilityMw.length; t++) {
                List<Object> row = new ArrayList<>(cols.size());
                row.add(t);
                for (int i = 0; i < fleetNames.size(); i++) {
                    row.add(dispatchMw[i][t]);
                }
                row.add(facilityMw[t]);
                rows.add(row);
            }
        }
        return new ReportTable("hourly-dispatch", "Hourly dispatch", cols, rows);
    }

    private static List<Object> money(String item, double usd, Double years) {
        return row(item, usd, perYear(usd, years));
    }

    private static Double perYear(double value, Double years) {
        return years == null ? null : value / years;
    }

    private static <T> List<T> nullToEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }

    /** A row that may hold nulls (List.of does not). */
    private static List<Object> row(Object... cells) {
        List<Object> out = new ArrayList<>(cells.length);
        for (Object c : cells) {
            out.add(c);
        }
        return out;
    }
}
