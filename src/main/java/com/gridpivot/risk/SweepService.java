package com.gridpivot.risk;

import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.optimization.AllocationEngine;
import com.gridpivot.optimization.AllocationService;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.RevenueBasis;
import com.gridpivot.optimization.input.FieldChecks;
import com.gridpivot.optimization.result.AllocationResult;
import com.gridpivot.lp.LpStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import static com.gridpivot.optimization.input.FieldChecks.fmt;

/** Sweeps, the pivot frontier and tornados of a what-if. */
@ApplicationScoped
public class SweepService {
    private final AllocationService allocations;
    private final int maxPoints;

    public SweepService(AllocationService allocations, @ConfigProperty(name = "gridpivot.limits.sweep-points", defaultValue = "2000") int maxPoints) {
        this.allocations = allocations;
        this.maxPoints = maxPoints;
    }

    /** A validated sweep, ready to run. */
    public record Plan(ParametricAllocation parametric, List<SweepInput> axes, List<double[]> axisValues, List<SweepInput> tornadoInputs,
                       double tornadoDelta) {
        public int points() {
            return axisValues.stream().mapToInt(a -> a.length).reduce(1, (a, b) -> a * b);
        }
    }

    /**
     * The axes and tornado of a request, validated: shared by the what-if and the plan sweeps.
     *
     * @param axes         the swept inputs, in order (the first varies slowest)
     * @param axisValues   the values of each axis
     * @param tornado      the tornado's inputs; null when the request gave a tornado without inputs (the caller's default)
     * @param tornadoDelta ±fraction
     * @param wantTornado  whether the request asked for a tornado
     */
    record Grid(List<SweepInput> axes, List<double[]> axisValues, List<SweepInput> tornado, double tornadoDelta, boolean wantTornado) {
    }

    /** Checks that an input applies to what is swept; records an error naming {@code field} (or another field) if not. */
    @FunctionalInterface
    interface InputCheck {
        void check(FieldChecks c, String field, SweepInput input);
    }

    /** Validates every field (JSON paths as in the request) and returns the plan; throws InvalidRequestException. */
    public Plan validate(SweepRequest req) {
        FieldChecks c = new FieldChecks();
        if (req == null) {
            c.error("", "a JSON request body is required");
            c.throwIfAny();
        }
        AllocationProblem base = null;
        if (req.allocation() != null && req.plan() != null) {
            c.error("plan", "give allocation (a what-if) or plan (a pivot plan), not both");
        } else if (req.allocation() == null) {
            c.error("allocation", "is required: the what-if to sweep (or give plan instead, to sweep a pivot plan)");
        } else {
            try {
                base = allocations.validate(req.allocation());
            } catch (InvalidRequestException e) {
                e.errors().forEach(err -> c.error(err.field().isEmpty() ? "allocation" : "allocation." + err.field(), err.reason()));
            }
        }
        Double btc = req.baseBtcPriceUsd() == null ? null : c.range("baseBtcPriceUsd", req.baseBtcPriceUsd(), 1.0, 1e8, "USD");
        final AllocationProblem sweptBase = base;
        Grid g = grid(c, req, (checks, field, input) -> {
            if (input == SweepInput.ANCILLARY_PRICE_SCALE && sweptBase != null && !sweptBase.ancillary().active()) {
                checks.error(field, "ANCILLARY_PRICE_SCALE needs allocation.site.ancillary: the what-if offers no ancillary services");
            }
            if (input == SweepInput.SB6_CURTAILMENT_HOURS && sweptBase != null
                    && sweptBase.forcedCurtailment().placement() != com.gridpivot.optimization.input.ForcedCurtailment.Placement.HIGHEST_PRICE) {
                checks.error(field, "SB6_CURTAILMENT_HOURS needs allocation.site.forcedCurtailment with hourCount (hours placed at the "
                        + "highest prices), in force (site.interconnectMw ≥ largeLoadThresholdMw)");
            }
            if (input == SweepInput.COINCIDENT_PEAKS && sweptBase != null
                    && (!sweptBase.fourCp().active() || sweptBase.fourCp().historyStart() == null)) {
                checks.error(field, "COINCIDENT_PEAKS needs allocation.site.fourCp without intervalProbabilities: the peak probabilities "
                        + "of the months that 12CP adds are derived from the ERCOT history");
            }
            if (input == SweepInput.BTC_PRICE_USD && req.baseBtcPriceUsd() == null) {
                checks.error("baseBtcPriceUsd", field.startsWith("tornado")
                        ? "is required for a BTC_PRICE_USD tornado bar"
                        : "is required to sweep BTC_PRICE_USD: the BTC price at which the given hashprice holds");
            }
        });
        List<SweepInput> tornado = g.tornado() != null ? g.tornado() : base != null ? defaultTornado(base, btc) : List.of();
        c.throwIfAny();
        return new Plan(new ParametricAllocation(base, btc), g.axes(), g.axisValues(), tornado, g.tornadoDelta());
    }

    /** Parses and checks axes and tornado into {@code c}'s errors; the caller throws. */
    Grid grid(FieldChecks c, SweepRequest req, InputCheck applies) {
        List<SweepInput> axes = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        if (req.axes() == null || req.axes().isEmpty() || req.axes().size() > 2) {
            c.error("axes", "give one or two axes, e.g. [{\"input\": \"BTC_PRICE_USD\", \"from\": 40000, \"to\": 150000, \"points\": 200}]");
        } else {
            for (int k = 0; k < req.axes().size(); k++) {
                SweepRequest.Axis a = req.axes().get(k);
                String p = "axes[" + k + "]";
                SweepInput input = input(c, p + ".input", a == null ? null : a.input());
                if (a == null || input == null) {
                    continue;
                }
                if (axes.contains(input)) {
                    c.error(p + ".input", "is swept twice");
                    continue;
                }
                applies.check(c, p + ".input", input);
                double[] range = range(input);
                double from = c.required(p + ".from", a.from(), range[0], range[1], "");
                double to = c.required(p + ".to", a.to(), range[0], range[1], "");
                int n = c.wholeNumber(p + ".points", a.points(), -1, 2, maxPoints);
                if (a.points() == null) {
                    c.error(p + ".points", "is required (at least 2)");
                }
                if (!Double.isNaN(from) && !Double.isNaN(to) && to <= from) {
                    c.error(p + ".to", "must be greater than from (" + fmt(from) + ")");
                }
                if (c.hasErrors() || n < 2) {
                    continue;
                }
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = from + (to - from) * i / (n - 1);
                }
                if (!discreteValues(c, p, input, v)) {
                    continue;
                }
                axes.add(input);
                values.add(v);
            }
        }
        long total = values.stream().mapToLong(v -> v.length).reduce(1, (a, b) -> a * b);
        if (total > maxPoints) {
            c.error("axes", "the grid has " + total + " points; at most " + maxPoints + " are allowed");
        }
        List<SweepInput> tornado = new ArrayList<>();
        double delta = 0.2;
        if (req.tornado() != null) {
            delta = c.optional("tornado.deltaFraction", req.tornado().deltaFraction(), 0.2, 1e-4, 0.99, "");
            if (req.tornado().inputs() == null) {
                tornado = null;
            } else {
                for (int k = 0; k < req.tornado().inputs().size(); k++) {
                    String field = "tornado.inputs[" + k + "]";
                    SweepInput in = input(c, field, req.tornado().inputs().get(k));
                    if (in != null) {
                        applies.check(c, field, in);
                        if (in == SweepInput.SB6_CURTAILMENT_HOURS || in == SweepInput.COINCIDENT_PEAKS) {
                            c.error(field, in + " is a count (whole hours, or 4 or 12 peaks), not moved by ±deltaFraction: sweep it on an axis");
                        }
                    }
                    if (in != null && !tornado.contains(in)) {
                        tornado.add(in);
                    }
                }
            }
        }
        return new Grid(axes, values, tornado, delta, req.tornado() != null);
    }

    /** Runs a validated plan. */
    public SweepResult run(Plan plan, int threads, IntConsumer progress, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        SweepSolver.Outcome solved = solvePoints(plan, 0, plan.points(), threads, progress, cancelled);
        return finish(plan, solved.points(), solved.hourBlocks(), solved.sharedModel(), solved.times(), threads, start);
    }

    /**
     * Solves the grid points {@code from} (inclusive) to {@code to} (exclusive), in grid order: the whole grid, or one
     * chunk of it in cluster mode (its blocks refined over its own points: exact at each of them).
     */
    public SweepSolver.Outcome solvePoints(Plan plan, int from, int to, int threads, IntConsumer progress, BooleanSupplier cancelled) {
        ParametricAllocation pa = plan.parametric();
        List<Map<SweepInput, Double>> grid = grid(plan).subList(from, to);
        List<AllocationProblem> variants = grid.stream().map(pa::at).toList();
        List<Map<String, Double>> labels = grid.stream().map(SweepService::label).toList();
        return SweepSolver.solve(variants, labels, threads, progress, cancelled);
    }

    /**
     * The answer from the solved grid points (all of them, in grid order, unless cancelled): the base, the frontier of a
     * one-axis sweep and the tornado are solved here.
     */
    public SweepResult finish(Plan plan, List<SweepPointResult> points, int hourBlocks, boolean sharedModel, SweepTimes times, int threads,
                              long startNanos) {
        ParametricAllocation pa = plan.parametric();
        SweepPointResult base = single(pa, Map.of());
        // no frontier over COINCIDENT_PEAKS: between 4 and 12 there is no number of peaks to bisect on
        List<SweepResult.FrontierStep> frontier = plan.axes().size() == 1 && points.size() == plan.points()
                && plan.axes().get(0) != SweepInput.COINCIDENT_PEAKS ? frontier(pa, plan.axes().get(0), points) : null;
        List<SweepResult.TornadoBar> tornado = plan.tornadoInputs().isEmpty() ? null : tornado(pa, plan.tornadoInputs(), plan.tornadoDelta());
        return new SweepResult(base, points, frontier, tornado, times.stats(points.size(), hourBlocks, sharedModel, threads, startNanos));
    }

    private static List<Map<SweepInput, Double>> grid(Plan plan) {
        return combinations(plan.axes(), plan.axisValues());
    }

    /** Every combination of the axes' values, the first axis varying slowest. */
    static List<Map<SweepInput, Double>> combinations(List<SweepInput> axes, List<double[]> axisValues) {
        List<Map<SweepInput, Double>> out = new ArrayList<>();
        out.add(new EnumMap<>(SweepInput.class));
        for (int a = 0; a < axes.size(); a++) {
            List<Map<SweepInput, Double>> next = new ArrayList<>();
            for (Map<SweepInput, Double> partial : out) {
                for (double v : axisValues.get(a)) {
                    Map<SweepInput, Double> m = new EnumMap<>(partial);
                    m.put(axes.get(a), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    static Map<String, Double> label(Map<SweepInput, Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k.name(), v));
        return out;
    }

    /** One what-if solved on its own (exact blocks of that point). */
    static SweepPointResult single(ParametricAllocation pa, Map<SweepInput, Double> values) {
        AllocationResult r = AllocationEngine.solve(pa.at(values)).result();
        Map<String, Double> labels = label(values);
        if (r.allocation() == null) {
            return new SweepPointResult(labels, r.status(), Double.NaN, Double.NaN, Double.NaN, Map.of(), Map.of());
        }
        return new SweepPointResult(labels, r.status(), r.economics().netUsd(), r.allocation().totalAiItMw(), r.allocation().totalAsicItMw(),
                r.allocation().aiItMw(), r.allocation().asicItMw());
    }

    /**
     * Where the optimal AI MW steps between grid points, bisect on single exact solves until the bracket is 1e-7 of the
     * range: the value below which (or above which) converting the next MW pays.
     */
    static List<SweepResult.FrontierStep> frontier(ParametricAllocation pa, SweepInput input, List<SweepPointResult> points) {
        double[] values = points.stream().mapToDouble(p -> p.values().get(input.name())).toArray();
        double[] ai = points.stream().mapToDouble(p -> p.status() == LpStatus.OPTIMAL ? p.totalAiItMw() : Double.NaN).toArray();
        return Frontier.locate(input, values, ai, v -> single(pa, Map.of(input, v)).totalAiItMw(), 1e-7, 1e-6, false, Integer.MAX_VALUE, () -> false).steps();
    }

    static List<SweepResult.TornadoBar> tornado(ParametricAllocation pa, List<SweepInput> inputs, double delta) {
        List<SweepResult.TornadoBar> bars = new ArrayList<>();
        for (SweepInput in : inputs) {
            double base = pa.baseValue(in);
            double lo = base * (1 - delta);
            double hi = base * (1 + delta);
            double nLo = single(pa, Map.of(in, lo)).netUsd();
            double nHi = single(pa, Map.of(in, hi)).netUsd();
            bars.add(new SweepResult.TornadoBar(in.name(), lo, hi, nLo, nHi, Math.abs(nHi - nLo)));
        }
        bars.sort(Comparator.comparingDouble(SweepResult.TornadoBar::swingUsd).reversed());
        return bars;
    }

    private static List<SweepInput> defaultTornado(AllocationProblem base, Double btc) {
        List<SweepInput> out = new ArrayList<>();
        if (!base.fleets().isEmpty()) {
            out.add(btc != null ? SweepInput.BTC_PRICE_USD : SweepInput.HASHPRICE_SCALE);
        }
        if (base.aiOptions().stream().anyMatch(o -> o.revenueBasis() == RevenueBasis.GPU_LEASE)) {
            out.add(SweepInput.GPU_LEASE_SCALE);
        }
        if (base.aiOptions().stream().anyMatch(o -> o.revenueBasis() == RevenueBasis.COLOCATION)) {
            out.add(SweepInput.COLOCATION_SCALE);
        }
        out.add(SweepInput.ENERGY_PRICE_SCALE);
        if (base.ancillary().active()) {
            out.add(SweepInput.ANCILLARY_PRICE_SCALE);
        }
        if (base.aiOptions().stream().anyMatch(o -> o.capexUsdPerMw() > 0)) {
            out.add(SweepInput.CAPEX_SCALE);
            if (base.discountRate() > 0) {
                out.add(SweepInput.DISCOUNT_RATE);
            }
        }
        return out;
    }

    /**
     * SB6_CURTAILMENT_HOURS takes whole hours and COINCIDENT_PEAKS 4 or 12 only: every grid value of the axis must be one
     * (e.g. from 0 to 100 with 11 points; from 4 to 12 with 2 points). Records the error and returns false otherwise.
     */
    static boolean discreteValues(FieldChecks c, String axis, SweepInput input, double[] v) {
        for (double x : v) {
            if (input == SweepInput.SB6_CURTAILMENT_HOURS && Math.abs(x - Math.rint(x)) > 1e-9) {
                c.error(axis + ".points", "SB6_CURTAILMENT_HOURS takes whole hours: choose from, to and points so that every value is a "
                        + "whole number (got " + fmt(x) + ")");
                return false;
            }
            if (input == SweepInput.COINCIDENT_PEAKS && Math.rint(x) != 4 && Math.rint(x) != 12) {
                c.error(axis + ".points", "COINCIDENT_PEAKS takes 4 or 12 only: use from 4, to 12, points 2 (got " + fmt(x) + ")");
                return false;
            }
        }
        return true;
    }

    static double[] range(SweepInput input) {
        return switch (input) {
            case SB6_CURTAILMENT_HOURS -> new double[] {0.0, 8784.0};
            case COINCIDENT_PEAKS -> new double[] {4.0, 12.0};
            case BTC_PRICE_USD -> new double[] {0.0, 1e8};
            case DISCOUNT_RATE -> new double[] {0.0, 1.0};
            default -> new double[] {0.0, 100.0};
        };
    }

    static SweepInput input(FieldChecks c, String field, String value) {
        if (value == null) {
            c.error(field, "is required: one of " + java.util.Arrays.toString(SweepInput.values()));
            return null;
        }
        try {
            return SweepInput.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            c.error(field, "must be one of " + java.util.Arrays.toString(SweepInput.values()) + " (got '" + value + "')");
            return null;
        }
    }
}
