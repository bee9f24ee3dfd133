package com.gridpivot;

import static com.gridpivot.planning.PlanTestSupport.D_STAR;
import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gridpivot.optimization.EngineTestSupport;
import com.gridpivot.optimization.result.AllocationResult;
import com.gridpivot.planning.PlanEngine;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.result.PlanComparison;
import com.gridpivot.lp.RunControl;
import com.gridpivot.risk.ParametricPlan;
import com.gridpivot.risk.PlanSweepService;
import com.gridpivot.risk.SweepInput;
import com.gridpivot.testdata.Sentences;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Walks every sentence the what-if, the plans and a plan sweep generate (explanations, binding limits, fleet notes,
 * warnings, IRR notes, frontier notes) for answers whose fleets and options carry names that end in the word a template adds ("S21 fleet",
 * "H100 option"), and fails on a word written twice in a row ("The S21 fleet fleet stops paying").
 */
class ExplanationSentencesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Fleets that run fully, partly (interconnect), not at all (never pays; fixed opex), options at their limits. */
    static final String WHAT_IF = """
            {'site': {'name': 'West Texas site', 'interconnectMw': 10, 'maxAiItMw': 6, 'capexBudgetUsd': 5e7},
             'asicFleets': [{'name': 'S21 fleet', 'units': 1000, 'hashrateThPerUnit': 200, 'powerWPerUnit': 3500},
                            {'name': 'S19 XP fleet', 'units': 1000, 'hashrateThPerUnit': 100, 'powerWPerUnit': 3000},
                            {'name': 'old fleet', 'units': 1000, 'hashrateThPerUnit': 30, 'powerWPerUnit': 3000},
                            {'name': 'opex fleet', 'units': 1000, 'hashrateThPerUnit': 200, 'powerWPerUnit': 3500,
                             'fixedOpexUsdPerMwYear': 5e7}],
             'aiOptions': [{'name': 'H100 option', 'revenueUsdPerMwh': 200, 'maxItMw': 3, 'capexUsdPerMw': 1e6},
                           {'name': 'colo option', 'revenueUsdPerMwh': 150}],
             'market': {'energyPricesUsdPerMwh': [20, 40, 150], 'hashpriceUsdPerPhDay': 42}}""";

    @Test
    void whatIfSentencesNeverRepeatAWord() throws Exception {
        List<String> texts = new ArrayList<>();
        for (String aggregation : List.of("EXACT", "NONE")) {
            texts.addAll(texts(EngineTestSupport.solve(WHAT_IF, "GLOP", aggregation)));
        }
        // a contract that cannot be met: the infeasibility explanation
        texts.addAll(texts(EngineTestSupport.solve(WHAT_IF.replace("'maxAiItMw': 6", "'maxAiItMw': 6, 'minAiItMw': 8"), "GLOP", "EXACT")));
        assertThat(texts).anyMatch(t -> t.startsWith("S19 XP fleet: ")).anyMatch(t -> t.startsWith("No allocation meets every limit"));
        assertThat(texts).hasSizeGreaterThan(10);
        assertNoRepeatedWords(texts);
    }

    @Test
    void planAndSweepSentencesNeverRepeatAWord() throws Exception {
        ObjectNode json = node("""
                {'scenario': {'btc': {'priceUsd': 50000, 'startDifficulty': %s, 'difficultyGrowthPerMonth': 0, 'feesBtcPerBlock': 0},
                              'energy': {'flatPriceUsdPerMwh': 20}, 'discountRate': 0},
                 'site': {'name': 'tiny site', 'interconnectMw': 10},
                 'asicFleets': [{'name': 'S21 fleet', 'units': 1600, 'hashrateThPerUnit': 150, 'powerWPerUnit': 3125}],
                 'aiOptions': [{'name': 'flat option', 'revenueUsdPerMwh': 120, 'maxItMw': 10, 'leadTimeMonths': 1}],
                 'startMonth': '2026-01', 'months': 3}""".formatted(Double.toString(D_STAR)));
        PlanProblem p = problem(json);
        FixedPlan tooMuch = new FixedPlan("plan plan B", Map.of(FixedPlan.key("flat option", 0), 50.0), Map.of(), Map.of(), Map.of());
        FixedPlan five = new FixedPlan("5 MW plan", Map.of(FixedPlan.key("flat option", 0), 5.0), Map.of(), Map.of(), Map.of());
        PlanComparison c = PlanEngine.compare(p, List.of(five, tooMuch), RunControl.NONE);
        List<String> texts = new ArrayList<>(Sentences.texts(JSON.valueToTree(c)));
        // an impossible contract: the plan's infeasibility explanation
        json.set("site", node("{'interconnectMw': 10, 'minAiItMw': 5, 'minAiFromMonth': '2026-01'}"));
        texts.addAll(Sentences.texts(JSON.valueToTree(PlanEngine.optimize(problem(json), RunControl.NONE))));
        assertThat(texts).anyMatch(t -> t.contains("contracted AI 5 MW")).anyMatch(t -> t.contains("IRR") || t.contains("annualised"));
        // a sweep of the plan over its BTC price path, with its frontier and tornado: the sweep's notes
        PlanSweepService.Validated sweep = new PlanSweepService.Validated(null, new ParametricPlan(p), List.of(SweepInput.BTC_PRICE_SCALE),
                List.<double[]>of(new double[] {0.4, 1.0, 2.0}), List.of(SweepInput.BTC_PRICE_SCALE), 0.2);
        texts.addAll(Sentences.texts(JSON.valueToTree(new PlanSweepService(null, null).run(sweep, 1, k -> { }, () -> false))));
        // the fixed plan's own name repeats a word; only the sentences around it are checked
        assertNoRepeatedWords(texts.stream().map(t -> t.replace("plan plan B", "B")).toList());
    }

    private static List<String> texts(AllocationResult r) {
        JsonNode tree = JSON.valueToTree(r);
        return Sentences.texts(tree);
    }

    private static void assertNoRepeatedWords(List<String> texts) {
        List<String> repeated = new ArrayList<>();
        texts.forEach(t -> repeated.addAll(Sentences.repeatedWords(t)));
        assertThat(repeated).as("words written twice in a row").isEmpty();
    }
}
