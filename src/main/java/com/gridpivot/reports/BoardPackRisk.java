package com.gridpivot.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridpivot.planning.input.PlanRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The board pack's risk page: the pivot frontier and the tornado of a finished sweep run, each plan's NPV at P10, P50
 * and P90 of a finished Monte Carlo run. Every number is read from the stored results; a run not given is not guessed:
 * the page says how to start it and pass its id ({@code sweepRunId}, {@code monteCarloRunId}).
 */
final class BoardPackRisk {
    /** The frontier chart's height: the page holds it, the tornado and the Monte Carlo table and chart. */
    static final int FRONTIER_HEIGHT = 140;

    private BoardPackRisk() {
    }

    static void page(StringBuilder b, PlanRequest problem, BoardPack.Risk risk) {
        String site = problem.site() == null ? null : problem.site().name();
        b.append("<div class=\"page\"><h2>Risk: the pivot frontier, the tornado and Monte Carlo</h2>");
        if (risk.sweep() == null) {
            b.append("<h3>Pivot frontier and tornado</h3><p class=\"note\">Not in this pack: no sweep run was given, and none is made up. ")
                    .append("To add them, start a plan sweep of this problem (POST /api/v1/sweeps/runs with \"plan\": this pack's problem, ")
                    .append("\"axes\": [{\"input\": \"BTC_PRICE_SCALE\", \"from\": 0.4, \"to\": 2.0, \"points\": 17}] and ")
                    .append("\"tornado\": {\"deltaFraction\": 0.2}); once it is OPTIMAL, ask for the pack again with \"sweepRunId\": its id.</p>");
        } else {
            sweep(b, risk.sweep(), site);
        }
        if (risk.monteCarlo() == null) {
            b.append("<h3>Monte Carlo: NPV at P10, P50 and P90</h3><p class=\"note\">Not in this pack: no Monte Carlo run was given, and none ")
                    .append("is made up. To add it, start one over this problem and its plans (POST /api/v1/risk/montecarlo/runs with ")
                    .append("\"problem\": this pack's problem, \"plans\": its fixed plans, \"paths\": 1000); once it has finished, ask for ")
                    .append("the pack again with \"monteCarloRunId\": its id.</p>");
        } else {
            monteCarlo(b, risk.monteCarlo(), site);
        }
        b.append("</div>");
    }

    /** Where a run's numbers come from, and a warning when it is about another site than the pack. */
    static String source(BoardPack.RiskRun run, String site) {
        StringBuilder s = new StringBuilder("From run ").append(run.id()).append(" (").append(run.kind()).append(", ").append(run.status());
        if (run.siteName() != null) {
            s.append(", site \"").append(run.siteName()).append('"');
        }
        if (run.label() != null) {
            s.append(", label \"").append(run.label()).append('"');
        }
        if (run.finishedAt() != null) {
            s.append(", finished ").append(run.finishedAt().toString().replace('T', ' ').replaceAll("(:\\d\\d)?(\\.\\d+)?Z$", " UTC"));
        }
        s.append(").");
        if (run.siteName() != null && site != null && !run.siteName().equals(site)) {
            s.append(" Note: this run is about the site \"").append(run.siteName()).append("\", the pack about \"").append(site).append("\".");
        }
        return s.toString();
    }

    private static void sweep(StringBuilder b, BoardPack.RiskRun run, String site) {
        JsonNode r = run.result();
        boolean plan = "PLAN_SWEEP".equals(run.kind());
        b.append("<h3>Pivot frontier</h3><p class=\"note\">").append(Html.escape(source(run, site))).append("</p>");
        List<String> steps = new ArrayList<>();
        r.path("frontier").forEach(f -> steps.add(f.path("description").asText()));
        if (steps.isEmpty()) {
            String note = r.path("frontierNote").asText(null);
            steps.add(note != null ? note : "No step: the optimal AI MW is the same at every value swept (or the sweep has two axes).");
        }
        b.append("<ul>");
        steps.forEach(t -> b.append("<li>").append(Html.escape(t)).append("</li>"));
        b.append("</ul>");
        // a one-axis sweep: AI IT MW at each swept value, the frontier's steps as jumps
        String axis = oneAxis(r.path("points"));
        if (axis != null) {
            List<String> xs = new ArrayList<>();
            List<Double> mw = new ArrayList<>();
            for (JsonNode p : r.path("points")) {
                xs.add(number(p.path("values").path(axis).asDouble()));
                JsonNode v = p.path(plan ? "aiItMwEnd" : "totalAiItMw");
                mw.add(v.isNumber() ? v.asDouble() : null);
            }
            // the legend names the swept input (the x axis): "end AI MW by BTC_PRICE_SCALE"
            String series = (plan ? "end AI MW by " : "AI MW by ") + axis;
            b.append("<div class=\"chart\">").append(SvgCharts.lines(xs, List.of(new SvgCharts.Series(series, mw)),
                    "AI IT load (MW)", FRONTIER_HEIGHT)).append("</div>");
        }
        JsonNode tornado = r.path("tornado");
        String what = plan ? "NPV of the optimal plan" : "net value of the what-if";
        if (!tornado.isArray() || tornado.isEmpty()) {
            b.append("<h3>Tornado</h3><p class=\"note\">The sweep run has no tornado (it was started without \"tornado\").</p>");
            return;
        }
        JsonNode base = r.path("base").path(plan ? "npvUsd" : "netUsd");
        Double baseUsd = base.isNumber() ? base.asDouble() : null;
        b.append("<h3>Tornado: the ").append(what).append(" when each input moves down and up").append(baseUsd == null ? ""
                : " (base " + BoardPack.usd(baseUsd) + ", the black mark)").append("</h3>");
        List<SvgCharts.Range> bars = new ArrayList<>();
        StringBuilder table = new StringBuilder("<table class=\"small\"><tr><th>input</th><th class=\"n\">down to</th><th class=\"n\">NPV there</th>"
                + "<th class=\"n\">up to</th><th class=\"n\">NPV there</th><th class=\"n\">swing</th></tr>");
        for (JsonNode t : tornado) {
            String input = t.path("input").asText();
            double low = t.path("netUsdLow").asDouble();
            double high = t.path("netUsdHigh").asDouble();
            bars.add(new SvgCharts.Range(input, low, high, baseUsd));
            table.append("<tr><td>").append(Html.escape(input)).append("</td><td class=\"n\">").append(number(t.path("lowValue").asDouble()))
                    .append("</td><td class=\"n\">").append(BoardPack.usd(low)).append("</td><td class=\"n\">").append(number(t.path("highValue").asDouble()))
                    .append("</td><td class=\"n\">").append(BoardPack.usd(high)).append("</td><td class=\"n\">")
                    .append(BoardPack.usd(t.path("swingUsd").asDouble())).append("</td></tr>");
        }
        b.append("<table class=\"layout\"><tr><td class=\"half\">").append(table).append("</table></td><td class=\"half\"><div class=\"chart\">")
                .append(SvgCharts.ranges(bars, what + " (USD)", 440)).append("</div></td></tr></table>");
    }

    private static void monteCarlo(StringBuilder b, BoardPack.RiskRun run, String site) {
        JsonNode r = run.result();
        b.append("<h3>Monte Carlo: NPV at P10, P50 and P90 over ").append(r.path("paths").asInt()).append(" BTC price paths</h3><p class=\"note\">")
                .append(Html.escape(source(run, site))).append(" Seed ").append(r.path("seed").asLong()).append(", ")
                .append(Html.escape(r.path("model").path("kind").asText("price model not stated")))
                .append(". P10: one path in ten ends below it; P50 the median; P90: one in ten above.</p>");
        b.append("<table class=\"layout\"><tr><td class=\"half\"><table class=\"small\"><tr><th>plan</th><th class=\"n\">P10</th>")
                .append("<th class=\"n\">P50</th><th class=\"n\">P90</th><th class=\"n\">worse than staying</th><th class=\"n\">lowest cash, P10</th></tr>");
        List<SvgCharts.Range> bars = new ArrayList<>();
        for (JsonNode p : r.path("plans")) {
            String name = p.path("name").asText();
            JsonNode npv = p.path("npvUsd");
            if (!npv.isObject()) {
                b.append("<tr><td>").append(Html.escape(name)).append("</td><td colspan=\"5\" class=\"note\">")
                        .append(Html.escape(p.path("status").asText() + ": " + p.path("explanation").asText(""))).append("</td></tr>");
                continue;
            }
            double p10 = npv.path("p10").asDouble();
            double p50 = npv.path("p50").asDouble();
            double p90 = npv.path("p90").asDouble();
            bars.add(new SvgCharts.Range(name, p10, p90, p50));
            JsonNode loss = p.path("probIncrementalNpvBelowZero");
            JsonNode cash = p.path("lowestCashUsd").path("p10");
            b.append("<tr><td>").append(Html.escape(name)).append("</td><td class=\"n\">").append(BoardPack.usd(p10)).append("</td><td class=\"n\">")
                    .append(BoardPack.usd(p50)).append("</td><td class=\"n\">").append(BoardPack.usd(p90)).append("</td><td class=\"n\">")
                    .append(loss.isNumber() ? String.format(Locale.ROOT, "%.0f%%", loss.asDouble() * 100) : "-").append("</td><td class=\"n\">")
                    .append(cash.isNumber() ? BoardPack.usd(cash.asDouble()) : "-").append("</td></tr>");
        }
        b.append("</table></td><td class=\"half\">");
        if (!bars.isEmpty()) {
            b.append("<div class=\"chart\">").append(SvgCharts.ranges(bars, "NPV (USD): bar P10 to P90, mark P50", 440)).append("</div>");
        }
        b.append("</td></tr></table>");
    }

    /** The one input of a one-axis sweep's points, or null (two axes, or no points). */
    static String oneAxis(JsonNode points) {
        if (!points.isArray() || points.size() < 2) {
            return null;
        }
        Iterator<String> names = points.get(0).path("values").fieldNames();
        if (!names.hasNext()) {
            return null;
        }
        String axis = names.next();
        return names.hasNext() ? null : axis;
    }

    /** A swept value as given: 0.4, 1.25, 95000. */
    static String number(double v) {
        return Double.isFinite(v) ? BoardPack.plain(Math.round(v * 1e6) / 1e6) : "-";
    }
}
