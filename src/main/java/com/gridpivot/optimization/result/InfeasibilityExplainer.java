package com.gridpivot.optimization.result;

import static com.gridpivot.optimization.input.FieldChecks.fmt;

import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Names the inputs that make an allocation impossible, with their numbers. ASIC dispatch can always be zero, so
 * only the contracted AI minimum can conflict with the other limits; each test below is one way it can.
 */
public final class InfeasibilityExplainer {
    private InfeasibilityExplainer() {
    }

    /** The conflicts found, empty when the inputs are consistent. */
    public static List<String> conflicts(AllocationProblem p) {
        List<String> out = new ArrayList<>();
        var site = p.site();
        double min = site.minAiItMw();
        if (min <= 0.0) {
            return out;
        }
        if (p.aiOptions().isEmpty()) {
            out.add("contracted AI minAiItMw " + fmt(min) + " MW but no AI option is given");
            return out;
        }
        if (site.hasMaxAiIt() && min > site.maxAiItMw()) {
            out.add("contracted AI minAiItMw " + fmt(min) + " MW > maxAiItMw " + fmt(site.maxAiItMw()) + " MW");
        }
        double sumMax = p.aiOptions().stream().mapToDouble(AiOptionSpec::maxItMw).sum();
        if (min > sumMax) {
            out.add("contracted AI minAiItMw " + fmt(min) + " MW > the sum of the options' maxItMw " + fmt(sumMax) + " MW");
            return out;
        }
        // Least site power that hosts min MW of IT: fill the lowest-PUE options first.
        double power = fill(p.aiOptions(), min, Comparator.comparingDouble(AiOptionSpec::pue), AiOptionSpec::pue);
        if (power > site.interconnectMw() * (1 + 1e-9)) {
            AiOptionSpec best = p.aiOptions().stream().min(Comparator.comparingDouble(AiOptionSpec::pue)).orElseThrow();
            String how = Double.isFinite(best.maxItMw()) && best.maxItMw() < min ? "at the options' PUEs"
                    : "× PUE " + fmt2(best.pue());
            out.add("contracted AI " + fmt(min) + " MW " + how + " = " + fmt2(power) + " MW > interconnect " + fmt(site.interconnectMw()) + " MW");
        }
        var order = p.forcedCurtailment();
        if (order.active() && order.aiLoad() == com.gridpivot.optimization.input.ForcedCurtailment.AiLoad.COUNTED
                && power > order.limitMw() * (1 + 1e-9) + 1e-9) {
            out.add("contracted AI " + fmt(min) + " MW needs " + fmt2(power) + " MW of site power > site.forcedCurtailment.limitMw "
                    + fmt(order.limitMw()) + " MW in the forced curtailment hours (aiLoad COUNTED: the AI load cannot stop)");
        }
        if (site.hasCapexBudget()) {
            double capex = fill(p.aiOptions(), min, Comparator.comparingDouble(AiOptionSpec::capexUsdPerMw), AiOptionSpec::capexUsdPerMw);
            if (capex > site.capexBudgetUsd() * (1 + 1e-9)) {
                out.add("contracted AI " + fmt(min) + " MW needs at least $" + fmt(capex) + " of capex > capexBudgetUsd $" + fmt(site.capexBudgetUsd()));
            }
        }
        return out;
    }

    /** The sentence for an INFEASIBLE answer. */
    public static String explain(AllocationProblem p) {
        List<String> c = conflicts(p);
        if (c.isEmpty()) {
            return "No allocation meets every limit at once: the contracted AI minimum of " + fmt(p.site().minAiItMw())
                    + " MW cannot be hosted within the interconnect and the capex budget together with the options' limits.";
        }
        return "No allocation meets every limit: " + String.join("; ", c) + ".";
    }

    private static double fill(List<AiOptionSpec> options, double need, Comparator<AiOptionSpec> order,
                               java.util.function.ToDoubleFunction<AiOptionSpec> perMw) {
        double left = need;
        double total = 0.0;
        for (AiOptionSpec o : options.stream().sorted(order).toList()) {
            double take = Math.min(left, o.maxItMw());
            total += take * perMw.applyAsDouble(o);
            left -= take;
            if (left <= 0) {
                break;
            }
        }
        return total;
    }

    private static String fmt2(double v) {
        return v == Math.rint(v) ? fmt(v) : String.format(java.util.Locale.ROOT, "%,.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
