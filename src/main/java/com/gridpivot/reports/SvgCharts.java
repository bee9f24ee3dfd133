package com.gridpivot.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small SVG charts for the board pack (laid out by the PDF renderer's SVG support): a line chart, a bar chart, a
 * stacked area chart and horizontal range bars (tornado, P10–P90). Each chart is a fixed-size SVG element with its own axes, tick labels and legend; tick labels
 * sit outside the plot area (left of the y axis, below the x axis) so they never overlap the axis title or each other.
 */
public final class SvgCharts {
    /** Chart width and height in SVG user units (CSS px). */
    public static final int WIDTH = 900;
    public static final int HEIGHT = 300;
    /** The plot area inside the chart: left, top, right and bottom margins hold ticks, titles and the legend. */
    static final int LEFT = 80;
    static final int TOP = 16;
    static final int RIGHT = 16;
    static final int BOTTOM = 70;
    /** Series colours, distinguishable in grey print too (alternating dark and light). */
    static final List<String> COLOURS = List.of("#1f4e79", "#e07b00", "#2e7d32", "#8e24aa", "#c62828", "#00838f", "#6d4c41",
            "#5c6bc0", "#9e9d24", "#ad1457", "#455a64", "#f9a825");

    private SvgCharts() {
    }

    /** One named series of y values, one per x label. */
    public record Series(String name, List<Double> values) {
    }

    /**
     * Lines over months (e.g. cumulative cash by plan).
     *
     * @param xLabels one label per point ("2027-01"); about eight are written
     * @param series  lines, each with one value per label
     * @param yTitle  the y axis' title with its unit
     */
    public static String lines(List<String> xLabels, List<Series> series, String yTitle) {
        return lines(xLabels, series, yTitle, HEIGHT);
    }

    /** {@link #lines(List, List, String)} in a chart {@code height} units high (at least 140). */
    public static String lines(List<String> xLabels, List<Series> series, String yTitle, int height) {
        double[] range = range(series, false);
        StringBuilder s = open(yTitle, range, height);
        int n = xLabels.size();
        xTicks(s, xLabels, height);
        for (int k = 0; k < series.size(); k++) {
            List<Double> v = series.get(k).values();
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < v.size(); i++) {
                pts.append(num(x(i, n))).append(',').append(num(y(v.get(i), range, height))).append(' ');
            }
            s.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour(k)).append("\" points=\"")
                    .append(pts.toString().strip()).append("\"/>");
        }
        return close(s, series.stream().map(Series::name).toList(), height);
    }

    /**
     * One bar per category (e.g. NPV by plan); negative bars go below the zero line.
     *
     * @param labels the categories
     * @param values one value per category
     * @param yTitle the y axis' title with its unit
     */
    public static String bars(List<String> labels, List<Double> values, String yTitle) {
        double[] range = range(List.of(new Series("", values)), true);
        StringBuilder s = open(yTitle, range, HEIGHT);
        int n = labels.size();
        double slot = plotWidth() / (double) n;
        double zero = y(0.0, range, HEIGHT);
        for (int i = 0; i < n; i++) {
            double top = y(values.get(i), range, HEIGHT);
            double x = LEFT + i * slot + slot * 0.2;
            s.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(Math.min(top, zero))).append("\" width=\"")
                    .append(num(slot * 0.6)).append("\" height=\"").append(num(Math.max(Math.abs(zero - top), 0.5)))
                    .append("\" fill=\"").append(colour(i)).append("\"/>");
        }
        return close(s, labels, HEIGHT);
    }

    /**
     * Stacked areas over months (e.g. MW by use: mining, then each AI option); values must be ≥ 0.
     *
     * @param xLabels one label per point
     * @param layers  stacked bottom to top, one value per label each
     * @param yTitle  the y axis' title with its unit
     */
    public static String stacked(List<String> xLabels, List<Series> layers, String yTitle) {
        int n = xLabels.size();
        List<double[]> tops = new ArrayList<>();
        double[] base = new double[n];
        for (Series layer : layers) {
            double[] top = new double[n];
            for (int i = 0; i < n; i++) {
                top[i] = base[i] + Math.max(0, layer.values().get(i));
            }
            tops.add(top);
            base = top;
        }
        double max = 0;
        for (double v : base) {
            max = Math.max(max, v);
        }
        double[] range = nice(0, max);
        StringBuilder s = open(yTitle, range, HEIGHT);
        xTicks(s, xLabels, HEIGHT);
        double[] below = new double[n];
        for (int k = 0; k < layers.size(); k++) {
            double[] top = tops.get(k);
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < n; i++) {
                pts.append(num(x(i, n))).append(',').append(num(y(top[i], range, HEIGHT))).append(' ');
            }
            for (int i = n - 1; i >= 0; i--) {
                pts.append(num(x(i, n))).append(',').append(num(y(below[i], range, HEIGHT))).append(' ');
            }
            s.append("<polygon stroke=\"none\" fill=\"").append(colour(k)).append("\" points=\"").append(pts.toString().strip()).append("\"/>");
            below = top;
        }
        return close(s, layers.stream().map(Series::name).toList(), HEIGHT);
    }

    /** One horizontal bar of {@link #ranges}: from {@code low} to {@code high}, a mark at {@code mark} (null: none). */
    public record Range(String label, double low, double high, Double mark) {
    }

    /** Label column, row height and the space under the rows (ticks and the axis title) of {@link #ranges}. */
    static final int RANGE_LABELS = 150;
    static final int RANGE_ROW = 24;
    static final int RANGE_BOTTOM = 40;

    /**
     * Horizontal bars, one row each, over one value axis (e.g. a tornado: NPV at −δ and +δ of each input, the mark at the
     * base NPV; or P10 to P90 of each plan's NPV, the mark at P50). Row labels sit left of the plot, tick labels under it,
     * so no two texts share a place.
     *
     * @param rows   the bars, top to bottom
     * @param xTitle the value axis' title with its unit
     * @param width  the chart's width (at least 300)
     */
    public static String ranges(List<Range> rows, String xTitle, int width) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Range r : rows) {
            for (Double v : new Double[] {r.low(), r.high(), r.mark()}) {
                if (v != null && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double[] range = lo == Double.POSITIVE_INFINITY ? new double[] {0, 1} : nice(lo, hi);
        int height = TOP + RANGE_ROW * Math.max(1, rows.size()) + RANGE_BOTTOM;
        double plotLeft = RANGE_LABELS;
        double plotWidth = width - RANGE_LABELS - 24;
        java.util.function.DoubleUnaryOperator x = v -> plotLeft + plotWidth * (v - range[0]) / (range[1] - range[0]);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" font-family=\"Helvetica\" font-size=\"10\">");
        s.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>");
        double bottom = TOP + RANGE_ROW * Math.max(1, rows.size());
        for (int t = 0; t <= 4; t++) {
            double v = range[0] + (range[1] - range[0]) * t / 4.0;
            double xx = x.applyAsDouble(v);
            s.append("<line x1=\"").append(num(xx)).append("\" x2=\"").append(num(xx)).append("\" y1=\"").append(TOP).append("\" y2=\"")
                    .append(num(bottom)).append("\" stroke=\"").append(Math.abs(v) < 1e-9 ? "#333333" : "#dddddd").append("\" stroke-width=\"1\"/>");
            String anchor = t == 0 ? "start" : t == 4 ? "end" : "middle";
            s.append("<text x=\"").append(num(xx)).append("\" y=\"").append(num(bottom + 13)).append("\" text-anchor=\"").append(anchor).append("\">")
                    .append(Html.escape(BoardPack.compact(v))).append("</text>");
        }
        s.append("<text x=\"").append(num(plotLeft + plotWidth / 2)).append("\" y=\"").append(num(bottom + 30))
                .append("\" text-anchor=\"middle\">").append(Html.escape(xTitle)).append("</text>");
        for (int k = 0; k < rows.size(); k++) {
            Range r = rows.get(k);
            double yy = TOP + k * RANGE_ROW;
            double a = x.applyAsDouble(Math.min(r.low(), r.high()));
            double b = x.applyAsDouble(Math.max(r.low(), r.high()));
            s.append("<text x=\"").append(RANGE_LABELS - 6).append("\" y=\"").append(num(yy + RANGE_ROW / 2.0 + 3)).append("\" text-anchor=\"end\">")
                    .append(Html.escape(shorten(r.label(), 26))).append("</text>");
            s.append("<rect x=\"").append(num(a)).append("\" y=\"").append(num(yy + 5)).append("\" width=\"").append(num(Math.max(b - a, 1.5)))
                    .append("\" height=\"").append(RANGE_ROW - 10).append("\" fill=\"").append(colour(k)).append("\"/>");
            if (r.mark() != null && Double.isFinite(r.mark())) {
                double m = x.applyAsDouble(r.mark());
                s.append("<line x1=\"").append(num(m)).append("\" x2=\"").append(num(m)).append("\" y1=\"").append(num(yy + 2)).append("\" y2=\"")
                        .append(num(yy + RANGE_ROW - 2)).append("\" stroke=\"#111111\" stroke-width=\"2\"/>");
            }
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(String yTitle, double[] range, int height) {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" font-family=\"Helvetica\" font-size=\"10\">");
        s.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>");
        for (int t = 0; t <= 4; t++) {
            double v = range[0] + (range[1] - range[0]) * t / 4.0;
            double yy = y(v, range, height);
            s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(num(yy)).append("\" y2=\"")
                    .append(num(yy)).append("\" stroke=\"#dddddd\" stroke-width=\"1\"/>");
            s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(num(yy + 3)).append("\" text-anchor=\"end\">")
                    .append(Html.escape(BoardPack.compact(v))).append("</text>");
        }
        s.append("<text x=\"12\" y=\"").append(TOP + plotHeight(height) / 2).append("\" text-anchor=\"middle\" transform=\"rotate(-90 12 ")
                .append(TOP + plotHeight(height) / 2).append(")\">").append(Html.escape(yTitle)).append("</text>");
        s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" y2=\"")
                .append(TOP + plotHeight(height)).append("\" stroke=\"#333333\"/>");
        if (range[0] < 0 && range[1] > 0) {
            double z = y(0.0, range, height);
            s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(num(z)).append("\" y2=\"")
                    .append(num(z)).append("\" stroke=\"#333333\"/>");
        }
        return s;
    }

    private static void xTicks(StringBuilder s, List<String> labels, int height) {
        int n = labels.size();
        int every = Math.max(1, (int) Math.ceil(n / 8.0));
        for (int i = 0; i < n; i += every) {
            String anchor = n > 1 && i == 0 ? "start" : n > 1 && i == n - 1 ? "end" : "middle";
            s.append("<text x=\"").append(num(x(i, n))).append("\" y=\"").append(TOP + plotHeight(height) + 14).append("\" text-anchor=\"")
                    .append(anchor).append("\">")
                    .append(Html.escape(labels.get(i))).append("</text>");
        }
    }

    /** The legend under the plot, four entries a row. */
    private static String close(StringBuilder s, List<String> names, int height) {
        int perRow = 4;
        double w = (WIDTH - LEFT - RIGHT) / (double) perRow;
        for (int k = 0; k < names.size(); k++) {
            double lx = LEFT + (k % perRow) * w;
            double ly = TOP + plotHeight(height) + 30 + (k / perRow) * 14;
            s.append("<rect x=\"").append(num(lx)).append("\" y=\"").append(num(ly - 8)).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(colour(k)).append("\"/>");
            s.append("<text x=\"").append(num(lx + 14)).append("\" y=\"").append(num(ly)).append("\">")
                    .append(Html.escape(shorten(names.get(k), 30))).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private static double[] range(List<Series> series, boolean withZero) {
        double lo = withZero ? 0 : Double.POSITIVE_INFINITY;
        double hi = withZero ? 0 : Double.NEGATIVE_INFINITY;
        for (Series ser : series) {
            for (Double v : ser.values()) {
                if (v != null && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return new double[] {0, 1};
        }
        return nice(lo, hi);
    }

    /** The range widened to round tick steps (1, 2 or 5 × 10ⁿ, four steps). */
    static double[] nice(double lo, double hi) {
        if (hi - lo < 1e-9) {
            hi = lo + Math.max(1, Math.abs(lo) * 0.1);
        }
        double raw = (hi - lo) / 4.0;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag <= 1 ? mag : raw / mag <= 2 ? 2 * mag : raw / mag <= 5 ? 5 * mag : 10 * mag;
        double from = Math.floor(lo / step) * step;
        double to = from + 4 * step;
        while (to < hi - 1e-9) {
            step = step * 2;
            from = Math.floor(lo / step) * step;
            to = from + 4 * step;
        }
        return new double[] {from, to};
    }

    private static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static int plotHeight(int height) {
        return height - TOP - BOTTOM;
    }

    private static double x(int i, int n) {
        return n <= 1 ? LEFT + plotWidth() / 2.0 : LEFT + plotWidth() * i / (double) (n - 1);
    }

    private static double y(Double v, double[] range, int height) {
        double value = v == null || !Double.isFinite(v) ? range[0] : v;
        return TOP + plotHeight(height) * (1 - (value - range[0]) / (range[1] - range[0]));
    }

    private static String colour(int k) {
        return COLOURS.get(k % COLOURS.size());
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
