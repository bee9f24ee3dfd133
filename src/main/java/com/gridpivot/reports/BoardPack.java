package com.gridpivot.reports;

import com.gridpivot.planning.PlanEngine;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanRequest;
import com.gridpivot.planning.result.PlanComparison;
import com.gridpivot.planning.result.PlanResult;
import com.gridpivot.planning.result.PlanResult.MonthRow;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The board pack of a plan comparison as XHTML, one section per printed page: (1) the question and the answer, (2) the
 * plans side by side, (3) cash and debt by month with a table by year, (4) the value of each use per MWh of IT energy
 * and the MW by use, (5) risk: the pivot frontier and tornado of a sweep run and the P10/P50/P90 of a Monte Carlo run
 * (or, without them, how to add them), (6) the assumptions with their sources. Every figure is read from the comparison
 * or the stored runs; nothing is computed here but sums of the monthly rows by year, the credit line drawn (the negative
 * part of cumulative cash) and the selection of the recommended plan.
 */
public final class BoardPack {
    /** The baseline's name in a comparison. */
    static final String STAY = FixedPlan.stayOnBitcoin().name();

    private BoardPack() {
    }

    /**
     * @param title      the first page's heading
     * @param problem    the plan problem with its scenario resolved (a stored scenario's content, not its id)
     * @param comparison the service's comparison of that problem
     * @return a well-formed XHTML document
     */
    public static String html(String title, PlanRequest problem, PlanComparison comparison) {
        return html(title, problem, comparison, Risk.NONE);
    }

    /**
     * A stored run the risk page reads.
     *
     * @param result the run's result as stored (a PlanSweepResult, SweepResult or MonteCarloResult as JSON)
     */
    public record RiskRun(long id, String kind, String status, String siteName, String label, java.time.Instant finishedAt,
                          com.fasterxml.jackson.databind.JsonNode result) {
    }

    /**
     * The risk page's runs; either may be null (the page then says how to add it).
     *
     * @param sweep      a finished plan sweep or what-if sweep: frontier and tornado
     * @param monteCarlo a finished Monte Carlo run: each plan's NPV at P10, P50 and P90
     */
    public record Risk(RiskRun sweep, RiskRun monteCarlo) {
        public static final Risk NONE = new Risk(null, null);
    }

    /** {@link #html(String, PlanRequest, PlanComparison)} with the risk page's runs. */
    public static String html(String title, PlanRequest problem, PlanComparison comparison, Risk risk) {
        List<PlanResult> plans = comparison.plans();
        StringBuilder b = new StringBuilder(32_000);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>")
                .append(Html.escape(title)).append("</title><style>").append(CSS).append("</style></head><body>");
        answerPage(b, title, problem, comparison);
        plansPage(b, plans);
        cashPage(b, plans);
        valuePage(b, plans);
        BoardPackRisk.page(b, problem, risk == null ? Risk.NONE : risk);
        assumptionsPage(b, problem, comparison);
        return b.append("</body></html>").toString();
    }

    private static final String CSS = """
            @page { size: A4 landscape; margin: 14mm 14mm 16mm 14mm;
                    @bottom-right { content: "page " counter(page) " of " counter(pages); font-family: Helvetica; font-size: 8pt; color: #555555; } }
            body { font-family: Helvetica, sans-serif; font-size: 9.5pt; color: #111111; }
            h1 { font-size: 20pt; margin: 0 0 4mm 0; color: #1f4e79; }
            h2 { font-size: 15pt; margin: 0 0 3mm 0; color: #1f4e79; }
            h3 { font-size: 11pt; margin: 4mm 0 2mm 0; }
            .page { page-break-after: always; }
            .page.last { page-break-after: auto; }
            .question { font-size: 12pt; color: #333333; margin-bottom: 6mm; }
            .answer { font-size: 15pt; line-height: 1.4; margin-bottom: 6mm; }
            .note { font-size: 8.5pt; color: #444444; }
            table { border-collapse: collapse; width: 100%; margin-bottom: 3mm; }
            th, td { border-bottom: 0.5pt solid #bbbbbb; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
            th { background-color: #eef2f7; font-weight: bold; }
            td.n, th.n { text-align: right; }
            .chart { margin: 2mm 0 3mm 0; }
            .small td, .small th { font-size: 8pt; padding: 0.8mm 1.5mm; }
            td.name { white-space: nowrap; font-weight: bold; }
            table.layout, table.layout > tbody > tr > td { border: none; padding: 0; margin: 0; }
            td.half { width: 50%; vertical-align: top; padding-right: 3mm; }
            ul { margin: 1mm 0 2mm 0; }
            """;

    /** The plan recommended: the highest NPV among the plans solved (OPTIMAL or FEASIBLE). */
    static Optional<PlanResult> recommended(List<PlanResult> plans) {
        return plans.stream().filter(BoardPack::solved).max(Comparator.comparingDouble(PlanResult::npvUsd));
    }

    static boolean solved(PlanResult p) {
        return p.npvUsd() != null && ("OPTIMAL".equals(p.status()) || "FEASIBLE".equals(p.status()));
    }

    /** The answer in one or two sentences: the recommended plan against staying on Bitcoin, and the lowest cash. */
    static String answer(List<PlanResult> plans) {
        Optional<PlanResult> best = recommended(plans);
        if (best.isEmpty()) {
            return "No plan could be computed on these inputs; the reasons are on the next page.";
        }
        PlanResult p = best.get();
        StringBuilder s = new StringBuilder();
        Double stay = p.stayOnBitcoinNpvUsd();
        Double diff = p.incrementalNpvUsd();
        if (STAY.equals(p.name()) || diff == null || stay == null) {
            s.append("Recommended: stay on Bitcoin, with an NPV of ").append(usd(p.npvUsd())).append("; no plan that converts MW to AI is worth more.");
        } else if (diff <= 0) {
            s.append("Recommended: ").append(label(p)).append(", with an NPV of ").append(usd(p.npvUsd())).append(", ")
                    .append(usd(-diff)).append(" less than staying on Bitcoin (").append(usd(stay)).append(").");
        } else {
            s.append("Recommended: ").append(label(p)).append(", with an NPV of ").append(usd(p.npvUsd())).append(", ")
                    .append(usd(diff)).append(" more than staying on Bitcoin (").append(usd(stay)).append(").");
        }
        if (p.lowestCashMonth() != null && p.lowestCashUsd() != null) {
            s.append(" Its cash is lowest in ").append(p.lowestCashMonth()).append(", at ").append(usd(p.lowestCashUsd())).append('.');
        }
        return s.toString();
    }

    private static String label(PlanResult p) {
        return PlanEngine.OPTIMIZED.equals(p.name()) ? "the optimizer's plan (\"" + p.name() + "\")" : "\"" + p.name() + "\"";
    }

    private static void answerPage(StringBuilder b, String title, PlanRequest problem, PlanComparison c) {
        String site = problem.site() != null && problem.site().name() != null ? problem.site().name() : "the site";
        b.append("<div class=\"page\"><h1>").append(Html.escape(title)).append("</h1>");
        b.append("<p class=\"question\">The question: what is converting megawatts of ").append(Html.escape(site))
                .append(" from Bitcoin mining to AI/HPC worth against staying on Bitcoin, and when is cash lowest? ")
                .append(c.months()).append(" months from ").append(Html.escape(c.startMonth())).append(", scenario \"")
                .append(Html.escape(problem.scenario() == null ? "" : problem.scenario().name())).append("\".</p>");
        b.append("<p class=\"answer\">").append(Html.escape(answer(c.plans()))).append("</p>");
        b.append("<h3>The plans compared</h3><table><tr><th>plan</th><th>status</th><th class=\"n\">NPV</th>")
                .append("<th class=\"n\">NPV against staying on Bitcoin</th><th>lowest cash</th></tr>");
        for (PlanResult p : c.plans()) {
            b.append("<tr><td>").append(Html.escape(p.name())).append("</td><td>").append(Html.escape(p.status())).append("</td><td class=\"n\">")
                    .append(usd(p.npvUsd())).append("</td><td class=\"n\">").append(usd(p.incrementalNpvUsd())).append("</td><td>")
                    .append(lowest(p)).append("</td></tr>");
        }
        b.append("</table><p class=\"note\">NPV: discounted monthly cash flows plus the treasury's value at the end, at the scenario's discount rate. ")
                .append("The optimizer's plan and staying on Bitcoin are always compared; each fixed plan's decisions are fixed and only its dispatch is optimised. ")
                .append("Pages: 2 plans side by side, 3 cash and debt by month, 4 value per MWh of each use, 5 risk (frontier, tornado, Monte Carlo), ")
                .append("6 assumptions and sources.</p></div>");
    }

    private static String lowest(PlanResult p) {
        return p.lowestCashMonth() == null ? "-" : Html.escape(p.lowestCashMonth()) + ": " + usd(p.lowestCashUsd());
    }

    private static void plansPage(StringBuilder b, List<PlanResult> plans) {
        b.append("<div class=\"page\"><h2>Plans side by side</h2><table><tr><th>plan</th><th class=\"n\">NPV</th>")
                .append("<th class=\"n\">incremental NPV</th><th class=\"n\">incremental IRR</th><th>payback</th><th>lowest cash</th></tr>");
        for (PlanResult p : plans) {
            b.append("<tr><td class=\"name\">").append(Html.escape(p.name())).append(" <span class=\"note\">").append(Html.escape(p.status()))
                    .append("</span></td><td class=\"n\">").append(usd(p.npvUsd())).append("</td><td class=\"n\">").append(usd(p.incrementalNpvUsd()))
                    .append("</td><td class=\"n\">").append(percent(p.incrementalIrrAnnual())).append("</td><td>")
                    .append(p.paybackMonth() == null ? "none" : Html.escape(p.paybackMonth()) + " (" + p.paybackMonths() + " months)")
                    .append("</td><td>").append(lowest(p)).append("</td></tr>");
            List<String> notes = new ArrayList<>();
            if (p.explanation() != null) {
                notes.add(p.explanation());
            }
            if (p.irrNote() != null) {
                notes.add("IRR: " + p.irrNote());
            }
            if (p.paybackNote() != null) {
                notes.add("payback: " + p.paybackNote());
            }
            if (!notes.isEmpty()) {
                b.append("<tr><td></td><td colspan=\"5\" class=\"note\">").append(Html.escape(String.join("; ", notes))).append("</td></tr>");
            }
        }
        b.append("</table>");
        List<PlanResult> solved = plans.stream().filter(BoardPack::solved).toList();
        if (!solved.isEmpty()) {
            b.append("<h3>NPV by plan (USD)</h3><div class=\"chart\">")
                    .append(SvgCharts.bars(solved.stream().map(PlanResult::name).toList(), solved.stream().map(PlanResult::npvUsd).toList(), "NPV (USD)"))
                    .append("</div>");
        }
        b.append("</div>");
    }

    private static void cashPage(StringBuilder b, List<PlanResult> plans) {
        List<PlanResult> solved = plans.stream().filter(p -> solved(p) && p.monthly() != null && !p.monthly().isEmpty()).toList();
        b.append("<div class=\"page\"><h2>Cash and debt by month</h2>");
        if (solved.isEmpty()) {
            b.append("<p>No plan has monthly cash.</p></div>");
            return;
        }
        List<String> months = solved.get(0).monthly().stream().map(MonthRow::month).toList();
        List<SvgCharts.Series> lines = solved.stream()
                .map(p -> new SvgCharts.Series(p.name(), p.monthly().stream().map(MonthRow::cumulativeCashUsd).toList())).toList();
        // debt: the credit line drawn at each month's end, max(0, −cumulative cash); its chart only when some plan draws
        List<SvgCharts.Series> debt = solved.stream().filter(p -> p.monthly().stream().anyMatch(r -> r.cumulativeCashUsd() < -0.5))
                .map(p -> new SvgCharts.Series(p.name(), debtUsd(p.monthly()))).toList();
        b.append("<p class=\"note\">Cumulative cash: starting cash plus every month's cash flow; below zero it is drawn on the credit line (debt).</p>")
                .append("<div class=\"chart\">").append(SvgCharts.lines(months, lines, "cumulative cash (USD)", debt.isEmpty() ? SvgCharts.HEIGHT : 210))
                .append("</div>");
        if (debt.isEmpty()) {
            b.append("<p class=\"note\">Debt: no plan draws on its credit line; cumulative cash stays at or above 0 in every month.</p>");
        } else {
            b.append("<h3>Debt by month: credit line drawn at the month's end (USD)</h3><p class=\"note\">");
            for (SvgCharts.Series d : debt) {
                int peak = 0;
                for (int i = 1; i < d.values().size(); i++) {
                    peak = d.values().get(i) > d.values().get(peak) ? i : peak;
                }
                b.append(Html.escape(d.name())).append(": most drawn in ").append(months.get(peak)).append(", ").append(usd(d.values().get(peak))).append(". ");
            }
            b.append("</p><div class=\"chart\">").append(SvgCharts.lines(months, debt, "credit line drawn (USD)", 170)).append("</div>");
        }
        b.append("<h3>By year: cash flow and cash at the year's end</h3><table class=\"small\"><tr><th>year</th>");
        for (PlanResult p : solved) {
            b.append("<th class=\"n\">").append(Html.escape(p.name())).append(": cash flow</th><th class=\"n\">end cash</th>");
        }
        b.append("</tr>");
        Set<String> years = new LinkedHashSet<>();
        months.forEach(m -> years.add(m.substring(0, 4)));
        for (String year : years) {
            b.append("<tr><td>").append(year).append("</td>");
            for (PlanResult p : solved) {
                YearCash y = yearCash(p.monthly(), year);
                b.append("<td class=\"n\">").append(usd(y.cashFlowUsd())).append("</td><td class=\"n\">").append(usd(y.endCashUsd())).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</table></div>");
    }

    /**
     * @param cashFlowUsd the year's cash flows summed (months of the horizon only)
     * @param endCashUsd  cumulative cash in the year's last month of the horizon
     */
    record YearCash(double cashFlowUsd, double endCashUsd) {
    }

    /** The credit line drawn at each month's end: max(0, −cumulative cash) (models/PLANS.md: cash may fall to −creditLineUsd). */
    static List<Double> debtUsd(List<MonthRow> monthly) {
        return monthly.stream().map(r -> Math.max(0.0, -r.cumulativeCashUsd())).toList();
    }

    static YearCash yearCash(List<MonthRow> monthly, String year) {
        double flow = 0;
        double end = 0;
        for (MonthRow r : monthly) {
            if (r.month().startsWith(year)) {
                flow += r.cashFlowUsd();
                end = r.cumulativeCashUsd();
            }
        }
        return new YearCash(flow, end);
    }

    private static void valuePage(StringBuilder b, List<PlanResult> plans) {
        List<PlanResult> solved = plans.stream().filter(p -> solved(p) && p.totals() != null).toList();
        b.append("<div class=\"page\"><h2>Value of each use</h2>");
        Set<String> uses = new LinkedHashSet<>();
        solved.forEach(p -> uses.addAll(p.revenuePerItMwhUsd() == null ? Set.of() : p.revenuePerItMwhUsd().keySet()));
        b.append("<h3>Revenue per MWh of IT energy (USD/MWh)</h3><table class=\"small\"><tr><th>plan</th>");
        uses.forEach(u -> b.append("<th class=\"n\">").append(Html.escape(u)).append("</th>"));
        b.append("</tr>");
        for (PlanResult p : solved) {
            b.append("<tr><td>").append(Html.escape(p.name())).append("</td>");
            for (String u : uses) {
                Double v = p.revenuePerItMwhUsd() == null ? null : p.revenuePerItMwhUsd().get(u);
                b.append("<td class=\"n\">").append(v == null ? "-" : usd2(v)).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</table><h3>Totals over the horizon (USD, nominal; energy in MWh)</h3><table class=\"small\"><tr><th>plan</th>")
                .append("<th class=\"n\">mining revenue</th><th class=\"n\">mining energy</th><th class=\"n\">AI revenue</th><th class=\"n\">AI energy</th>")
                .append("<th class=\"n\">opex</th><th class=\"n\">AI capex</th><th class=\"n\">ASIC salvage</th><th class=\"n\">net cash flow</th>")
                .append("<th class=\"n\">mining MWh</th><th class=\"n\">AI MWh</th></tr>");
        for (PlanResult p : solved) {
            PlanResult.Totals t = p.totals();
            b.append("<tr><td>").append(Html.escape(p.name())).append("</td><td class=\"n\">").append(usd(t.miningRevenueUsd()))
                    .append("</td><td class=\"n\">").append(usd(t.miningEnergyCostUsd())).append("</td><td class=\"n\">").append(usd(t.aiRevenueUsd()))
                    .append("</td><td class=\"n\">").append(usd(t.aiEnergyCostUsd())).append("</td><td class=\"n\">").append(usd(t.opexUsd()))
                    .append("</td><td class=\"n\">").append(usd(t.aiCapexUsd())).append("</td><td class=\"n\">").append(usd(t.asicSalvageUsd()))
                    .append("</td><td class=\"n\">").append(usd(t.netCashFlowUsd())).append("</td><td class=\"n\">").append(mwh(t.miningEnergyMwh()))
                    .append("</td><td class=\"n\">").append(mwh(t.aiEnergyMwh())).append("</td></tr>");
        }
        b.append("</table>");
        Optional<PlanResult> best = recommended(plans).filter(p -> p.monthly() != null && !p.monthly().isEmpty());
        best.ifPresent(p -> {
            Set<String> options = new LinkedHashSet<>();
            p.monthly().forEach(r -> options.addAll(r.aiOnlineMw() == null ? Set.of() : r.aiOnlineMw().keySet()));
            List<SvgCharts.Series> layers = new ArrayList<>();
            layers.add(new SvgCharts.Series("mining", p.monthly().stream().map(MonthRow::miningMw).toList()));
            for (String o : options) {
                layers.add(new SvgCharts.Series("AI: " + o, p.monthly().stream()
                        .map(r -> r.aiOnlineMw() == null ? 0.0 : r.aiOnlineMw().getOrDefault(o, 0.0)).toList()));
            }
            b.append("<h3>MW of IT load by use, month by month: ").append(Html.escape(p.name())).append("</h3><div class=\"chart\">")
                    .append(SvgCharts.stacked(p.monthly().stream().map(MonthRow::month).toList(), layers, "IT load (MW)")).append("</div>");
        });
        b.append("</div>");
    }

    private static void assumptionsPage(StringBuilder b, PlanRequest problem, PlanComparison c) {
        b.append("<div class=\"page last\"><h2>Assumptions and their sources</h2>");
        if (problem.scenario() != null) {
            b.append("<h3>Scenario \"").append(Html.escape(problem.scenario().name())).append("\"</h3>");
            String description = problem.scenario().description();
            b.append("<p class=\"note\">").append(description == null || description.isBlank()
                    ? "The scenario states no sources (it has no description)." : "Sources and description: " + Html.escape(description)).append("</p>");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("scenario", problem.scenario(), fields);
        fields.remove("scenario.name");
        fields.remove("scenario.description");
        flatten("site", problem.site(), fields);
        flatten("asicFleets", problem.asicFleets(), fields);
        flatten("aiOptions", problem.aiOptions(), fields);
        flatten("finance", problem.finance(), fields);
        fields.put("startMonth", c.startMonth());
        fields.put("months", Integer.toString(c.months()));
        fields.put("hourModel", c.hourModel());
        // two inputs a row, so that a site with several fleets and options still fits one page
        b.append("<p class=\"note\">Every input as given; fields not given take their documented defaults.</p><table class=\"small\">")
                .append("<tr><th>input</th><th>value</th><th>input</th><th>value</th></tr>");
        List<Map.Entry<String, String>> entries = new ArrayList<>(fields.entrySet());
        for (int i = 0; i < entries.size(); i += 2) {
            b.append("<tr>");
            for (int k = i; k < i + 2; k++) {
                if (k < entries.size()) {
                    b.append("<td>").append(Html.escape(entries.get(k).getKey())).append("</td><td>").append(Html.escape(entries.get(k).getValue()))
                            .append("</td>");
                } else {
                    b.append("<td></td><td></td>");
                }
            }
            b.append("</tr>");
        }
        b.append("</table>");
        Set<String> notes = new LinkedHashSet<>();
        Set<String> warnings = new LinkedHashSet<>();
        for (PlanResult p : c.plans()) {
            notes.addAll(p.dataNotes() == null ? List.of() : p.dataNotes());
            warnings.addAll(p.warnings() == null ? List.of() : p.warnings());
        }
        list(b, "Data notes (what was done to the stored data)", notes, "none");
        list(b, "Warnings (inputs outside their plausible ranges; the plans use them as given)", warnings, "none");
        b.append("</div>");
    }

    private static void list(StringBuilder b, String heading, Collection<String> items, String empty) {
        b.append("<h3>").append(Html.escape(heading)).append("</h3>");
        if (items.isEmpty()) {
            b.append("<p class=\"note\">").append(empty).append("</p>");
            return;
        }
        b.append("<ul class=\"note\">");
        items.forEach(i -> b.append("<li>").append(Html.escape(i)).append("</li>"));
        b.append("</ul>");
    }

    /** Every non-null leaf of an input (records, lists, maps) as "path = value", in declaration order. */
    static void flatten(String path, Object value, Map<String, String> out) {
        if (value == null) {
            return;
        }
        if (value instanceof Record r) {
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                try {
                    flatten(path + "." + rc.getName(), rc.getAccessor().invoke(r), out);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + path + "." + rc.getName(), e);
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), out);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(path + "." + k, v, out));
        } else if (value instanceof Double d) {
            out.put(path, plain(d));
        } else {
            out.put(path, value.toString());
        }
    }

    /** A number as given, without exponent or trailing zeros: 0.1, 95000, 1.2E14 → 120000000000000. */
    static String plain(double d) {
        return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /** USD rounded to whole dollars with thousands separators: "$41,250,000", "-$1,200,000"; null as "-". */
    public static String usd(Double v) {
        if (v == null) {
            return "-";
        }
        long r = Math.round(v);
        return (r < 0 ? "-$" : "$") + String.format(Locale.ROOT, "%,d", Math.abs(r));
    }

    /** USD with cents (per-MWh figures): "$52.37". */
    static String usd2(double v) {
        return (v < 0 ? "-$" : "$") + String.format(Locale.ROOT, "%,.2f", Math.abs(v));
    }

    static String mwh(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    static String percent(Double v) {
        return v == null ? "none" : String.format(Locale.ROOT, "%.1f %%", v * 100);
    }

    /** A chart tick, its unit in the axis title: "1.5M", "-250k", "0", "37.5". */
    static String compact(double v) {
        double a = Math.abs(v);
        String sign = v < 0 ? "-" : "";
        if (a >= 1e9) {
            return sign + trim(a / 1e9) + "B";
        }
        if (a >= 1e6) {
            return sign + trim(a / 1e6) + "M";
        }
        if (a >= 1e3) {
            return sign + trim(a / 1e3) + "k";
        }
        return sign + trim(a);
    }

    private static String trim(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.2f", v)).stripTrailingZeros().toPlainString();
    }
}
