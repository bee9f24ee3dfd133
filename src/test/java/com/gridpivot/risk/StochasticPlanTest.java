package com.gridpivot.risk;

import static com.gridpivot.planning.PlanTestSupport.D_STAR;
import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gridpivot.planning.PlanEngine;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.lp.RunControl;
import com.gridpivot.risk.stochastic.StochasticEngine;
import com.gridpivot.risk.stochastic.StochasticProblem;
import com.gridpivot.risk.stochastic.StochasticResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two-stage plan: one scenario = the deterministic plan; VSS and EVPI by hand; VSS, EVPI ≥ 0 everywhere. */
class StochasticPlanTest {

    /*
     * One month (2026-01, 744 h), r = 0, energy 20 USD/MWh, interconnect 5 MW. Fleet: 1600 × 150 TH × 3125 W = 5 MW,
     * 20.833 J/TH, pue 1, no fee; difficulty D* gives 1e-6 BTC/TH/day, so hashprice = P/1000 USD/PH/day and revenue
     * = P/1000 × 1000/(24 × 20.833) = P/500 USD/MWh: 100 at 50,000 (bull), 50 at 25,000 (bear). Mining margin 80 | 30.
     * AI: 120 USD/MWh, pays its power (20), pue 1, lead time 0, capex 40,000/MW, ≤ 5 MW; each MW displaces 1 MW of mining.
     * Converting x MW: bull 5·80·744 − x (80·744 − 100·744 + 40,000) = 297,600 − 25,120 x;
     *                  bear 5·30·744 + x (100·744 − 30·744 − 40,000) = 111,600 + 12,080 x.
     * p(bull) = 0.3, p(bear) = 0.7: E = 167,400 + 920 x → the stochastic plan converts x = 5: RP = 172,000.
     * Base case = bull → x = 0: EEV = 167,400 → VSS = 4,600.  WS = 0.3 · 297,600 + 0.7 · 172,000 = 209,680 → EVPI = 37,680.
     */
    static PlanProblem oneMonth(double btcUsd) {
        ObjectNode json = node("""
                {'scenario': {'btc': {'priceUsd': %s, 'startDifficulty': %s, 'difficultyGrowthPerMonth': 0, 'feesBtcPerBlock': 0},
                              'energy': {'flatPriceUsdPerMwh': 20}, 'discountRate': 0},
                 'site': {'name': 'tiny', 'interconnectMw': 5},
                 'asicFleets': [{'name': 'S21', 'units': 1600, 'hashrateThPerUnit': 150, 'powerWPerUnit': 3125, 'pue': 1, 'poolFeeFraction': 0}],
                 'aiOptions': [{'name': 'flat', 'revenueUsdPerMwh': 120, 'tenantPaysPower': false, 'pue': 1, 'maxItMw': 5,
                                'capexUsdPerMw': 40000, 'leadTimeMonths': 0}],
                 'startMonth': '2026-01', 'months': 1}""".formatted(Double.toString(btcUsd), Double.toString(D_STAR)));
        return problem(json);
    }

    static final double EPS = 1e-3;

    @Test
    void twoScenariosByHand() {
        StochasticProblem sp = new StochasticProblem(List.of("bull", "bear"), new double[] {0.3, 0.7},
                List.of(oneMonth(50_000), oneMonth(25_000)), 0, null);
        StochasticResult r = StochasticEngine.run(sp, RunControl.NONE);
        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(r.expectedNpvUsd()).isCloseTo(172_000.0, within(EPS));
        assertThat(r.decisions()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo("aiStart");
            assertThat(d.month()).isEqualTo("2026-01");
            assertThat(d.amount()).isCloseTo(5.0, within(1e-7));
        });
        assertThat(r.scenarios().get(0).npvUsd()).isCloseTo(297_600.0 - 25_120.0 * 5, within(EPS));
        assertThat(r.scenarios().get(1).npvUsd()).isCloseTo(111_600.0 + 12_080.0 * 5, within(EPS));
        var v = r.valueMeasures();
        assertThat(v.eevUsd()).isCloseTo(167_400.0, within(EPS));
        assertThat(v.wsUsd()).isCloseTo(209_680.0, within(EPS));
        assertThat(v.vssUsd()).isCloseTo(4_600.0, within(EPS));
        assertThat(v.evpiUsd()).isCloseTo(37_680.0, within(EPS));
        // Textbook VSS: the expected-value scenario ξ̄ has BTC 0.3 · 50,000 + 0.7 · 25,000 = 32,500 → revenue 65, margin 45;
        // converting a MW gives 120·744 − 20·744 − 40,000 = 34,400 > 45·744 = 33,480 → x = 5, EV = 5 · 34,400 = 172,000.
        // Its plan is the stochastic plan: EEV(ξ̄) = 172,000, VSS = 0 (NPV linear in the price: the mean plans right),
        // while against the named base scenario (bull) VSS = 4,600.
        assertThat(v.evUsd()).isCloseTo(172_000.0, within(EPS));
        assertThat(v.eevExpectedValueUsd()).isCloseTo(172_000.0, within(EPS));
        assertThat(v.vssExpectedValueUsd()).isCloseTo(0.0, within(EPS));
        assertThat(r.scenarios().get(0).expectedValuePlanNpvUsd()).isCloseTo(297_600.0 - 25_120.0 * 5, within(EPS));
    }

    /*
     * Textbook VSS where the mean misleads: bull 50,000 at 0.6, crash 5,000 at 0.4. In the crash revenue is 10 USD/MWh <
     * energy 20: the fleet stops (the dispatch's max(0, margin) makes the NPV convex in the price). Converting x MW:
     * bull 297,600 − 25,120 x; crash 0 from mining + 34,400 x. E = 178,560 − 15,072 x + 13,760 x = 178,560 − 1,312 x → x = 0:
     * RP = 0.6 · 297,600 = 178,560.
     * ξ̄: BTC 0.6 · 50,000 + 0.4 · 5,000 = 32,000 → revenue 64, margin 44 → mining 44·744 = 32,736 < 34,400 per MW converted
     * → x = 5, EV = 5 · 34,400 = 172,000. EEV(ξ̄) = 0.6 (297,600 − 125,600) + 0.4 · 172,000 = 103,200 + 68,800 = 172,000
     * → textbook VSS = 178,560 − 172,000 = 6,560. Base = bull: its plan (x = 0) is the stochastic one → VSS vs bull = 0.
     */
    @Test
    void textbookVssPlansOnTheMeanScenario() {
        StochasticResult r = StochasticEngine.run(new StochasticProblem(List.of("bull", "crash"), new double[] {0.6, 0.4},
                List.of(oneMonth(50_000), oneMonth(5_000)), 0, null), RunControl.NONE);
        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(r.decisions()).isEmpty();
        var v = r.valueMeasures();
        assertThat(v.riskNeutralRpUsd()).isCloseTo(178_560.0, within(EPS));
        assertThat(v.evUsd()).isCloseTo(172_000.0, within(EPS));
        assertThat(v.eevExpectedValueUsd()).isCloseTo(172_000.0, within(EPS));
        assertThat(v.vssExpectedValueUsd()).isCloseTo(6_560.0, within(EPS));
        assertThat(r.scenarios().get(1).expectedValuePlanNpvUsd()).isCloseTo(172_000.0, within(EPS));
        assertThat(v.eevUsd()).isCloseTo(178_560.0, within(EPS));
        assertThat(v.vssUsd()).isCloseTo(0.0, within(EPS));
        assertThat(v.note()).contains("RP − EEV(ξ̄)").contains("bull");
    }

    /*
     * CVaR at α = 0.5 of the same two scenarios: the worst half is all of bear (0.5 of the 0.7) → CVaR = NPV_bear, rising
     * in x, so with any weight the plan still converts 5 MW; floor CVaR ≥ 200,000 is impossible (bear ≤ 172,000) → INFEASIBLE.
     * The risk-neutral VSS and EVPI are unchanged.
     */
    @Test
    void cvarWeightAndFloor() {
        List<PlanProblem> sc = List.of(oneMonth(50_000), oneMonth(25_000));
        StochasticResult w = StochasticEngine.run(new StochasticProblem(List.of("bull", "bear"), new double[] {0.3, 0.7}, sc, 0,
                new StochasticProblem.Cvar(0.5, 0.5, Double.NaN)), RunControl.NONE);
        assertThat(w.status()).isEqualTo("OPTIMAL");
        assertThat(w.cvar().cvarUsd()).isCloseTo(172_000.0, within(EPS));
        assertThat(w.objectiveUsd()).isCloseTo(172_000.0, within(EPS));
        assertThat(w.valueMeasures().vssUsd()).isCloseTo(4_600.0, within(EPS));
        assertThat(w.valueMeasures().evpiUsd()).isCloseTo(37_680.0, within(EPS));
        // CVaR at α = 0.8 (worst 20 %, all bear) ≥ 150,000 → x ≥ (150,000 − 111,600)/12,080 = 3.18: satisfied by x = 5.
        StochasticResult f = StochasticEngine.run(new StochasticProblem(List.of("bull", "bear"), new double[] {0.3, 0.7}, sc, 0,
                new StochasticProblem.Cvar(0.8, 0.0, 150_000)), RunControl.NONE);
        assertThat(f.status()).isEqualTo("OPTIMAL");
        assertThat(f.cvar().cvarUsd()).isGreaterThanOrEqualTo(150_000 - EPS);
        StochasticResult bad = StochasticEngine.run(new StochasticProblem(List.of("bull", "bear"), new double[] {0.3, 0.7}, sc, 0,
                new StochasticProblem.Cvar(0.8, 0.0, 200_000)), RunControl.NONE);
        assertThat(bad.status()).isEqualTo("INFEASIBLE");
    }

    /*
     * A risk-averse bull-heavy case: p(bull) = 0.6 → E = 223,560 − 7,840 x: risk-neutral x = 0. CVaR at α = 0.6 (worst 40 %:
     * all bear) with λ = 1 maximises NPV_bear → x = 5. Checked by the sorted-tail CVaR (172,000).
     */
    @Test
    void cvarWeightChangesThePlan() {
        List<PlanProblem> sc = List.of(oneMonth(50_000), oneMonth(25_000));
        StochasticResult rn = StochasticEngine.run(new StochasticProblem(List.of("bull", "bear"), new double[] {0.6, 0.4}, sc, 0, null),
                RunControl.NONE);
        assertThat(rn.decisions()).isEmpty();
        assertThat(rn.expectedNpvUsd()).isCloseTo(0.6 * 297_600 + 0.4 * 111_600, within(EPS));
        StochasticResult ra = StochasticEngine.run(new StochasticProblem(List.of("bull", "bear"), new double[] {0.6, 0.4}, sc, 0,
                new StochasticProblem.Cvar(0.6, 1.0, Double.NaN)), RunControl.NONE);
        assertThat(ra.decisions()).singleElement().satisfies(d -> assertThat(d.amount()).isCloseTo(5.0, within(1e-7)));
        assertThat(ra.cvar().cvarUsd()).isCloseTo(172_000.0, within(EPS));
        assertThat(ra.cvar().valueAtRiskUsd()).isCloseTo(172_000.0, within(EPS));
        assertThat(ra.valueMeasures().vssUsd()).isGreaterThanOrEqualTo(-EPS);
        assertThat(ra.valueMeasures().evpiUsd()).isGreaterThanOrEqualTo(-EPS);
    }

    /*
     * Cash by category per scenario, as a plan reports it (the same CashRows terms, each scenario's coefficients). At
     * p(bull) = 0.6 the expected NPV 0.6 (297,600 − 25,120 x) + 0.4 (111,600 + 12,080 x) falls in x: no conversion, the
     * 5 MW fleet mines all 744 h in both scenarios. Bull: revenue 100 × 744 × 5 = 372,000, energy −20 × 744 × 5 = −74,400;
     * bear: revenue 50 × 744 × 5 = 186,000, the same energy. Nothing else moves cash; r = 0, so the sum is the NPV.
     */
    @Test
    void eachScenarioReportsCashByCategory() {
        StochasticResult r = StochasticEngine.run(new StochasticProblem(List.of("bull", "bear"), new double[] {0.6, 0.4},
                List.of(oneMonth(50_000), oneMonth(25_000)), 0, null), RunControl.NONE);
        var bull = r.scenarios().get(0).cashByCategoryUsd();
        var bear = r.scenarios().get(1).cashByCategoryUsd();
        assertThat(bull.get("MINING_REVENUE")).isCloseTo(372_000.0, within(EPS));
        assertThat(bull.get("MINING_ENERGY")).isCloseTo(-74_400.0, within(EPS));
        assertThat(bear.get("MINING_REVENUE")).isCloseTo(186_000.0, within(EPS));
        assertThat(bear.get("MINING_ENERGY")).isCloseTo(-74_400.0, within(EPS));
        for (String c : List.of("AI_REVENUE", "AI_ENERGY", "AI_CAPEX", "AI_OPEX", "MINING_OPEX", "ASIC_PURCHASE", "TREASURY_SALE")) {
            assertThat(bull.get(c)).as(c).isCloseTo(0.0, within(EPS));
        }
        assertThat(bull.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(297_600.0, within(EPS));
        assertThat(bear.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(111_600.0, within(EPS));
    }

    @Test
    void oneScenarioOfProbabilityOneIsTheDeterministicPlan() {
        // By hand (bear alone): x = 5, NPV 172,000 — and the same as the plan LP.
        PlanProblem bear = oneMonth(25_000);
        StochasticResult r = StochasticEngine.run(new StochasticProblem(List.of("bear"), new double[] {1.0}, List.of(bear), 0, null),
                RunControl.NONE);
        double det = PlanEngine.evaluate(bear, null, RunControl.NONE).values().objectiveUsd;
        assertThat(det).isCloseTo(172_000.0, within(EPS));
        assertThat(r.expectedNpvUsd()).isCloseTo(det, within(EPS));
        // (retiring the idle fleet at salvage 0 is worth nothing either way: only the AI start is unique)
        assertThat(r.decisions().stream().filter(d -> d.kind().equals("aiStart")).toList()).singleElement().satisfies(d -> assertThat(d.amount()).isCloseTo(5.0, within(1e-7)));
        assertThat(r.valueMeasures().vssUsd()).isCloseTo(0.0, within(EPS));
        assertThat(r.valueMeasures().evpiUsd()).isCloseTo(0.0, within(EPS));
        // The 12-month case with two fleets, spiky prices, spread capex, decline and a treasury: same NPV, and the same
        // decisions (all AI starts equal month by month).
        PlanProblem p = MonteCarloEngineTest.twelveMonths();
        StochasticResult s = StochasticEngine.run(new StochasticProblem(List.of("base"), new double[] {1.0}, List.of(p), 0, null),
                RunControl.NONE);
        var opt = PlanEngine.evaluate(p, null, RunControl.NONE).values();
        assertThat(s.expectedNpvUsd()).isCloseTo(opt.objectiveUsd, within(1e-7 * Math.abs(opt.objectiveUsd)));
        for (int m = 0; m < p.monthCount(); m++) {
            String month = p.months().get(m).month().toString();
            double stoch = s.decisions().stream().filter(d -> d.kind().equals("aiStart") && d.month().equals(month))
                    .mapToDouble(StochasticResult.Decision::amount).sum();
            assertThat(stoch).as(month).isCloseTo(opt.startedMw[0][m], within(1e-6));
        }
        assertThat(s.valueMeasures().evpiUsd()).isCloseTo(0.0, within(1e-6 * Math.abs(opt.objectiveUsd)));
    }

    /** Bear / base / bull versions of the 12-month case, with and without CVaR: VSS ≥ 0 and EVPI ≥ 0. */
    @Test
    void vssAndEvpiAreNonNegative() {
        PlanProblem base = MonteCarloEngineTest.twelveMonths();
        List<PlanProblem> sc = List.of(scaled(base, 0.5), base, scaled(base, 1.6));
        for (StochasticProblem.Cvar cvar : new StochasticProblem.Cvar[] {null, new StochasticProblem.Cvar(0.9, 0.5, Double.NaN)}) {
            for (int baseIndex = 0; baseIndex < 3; baseIndex++) {
                StochasticResult r = StochasticEngine.run(new StochasticProblem(List.of("bear", "base", "bull"), new double[] {0.25, 0.5, 0.25},
                        sc, baseIndex, cvar), RunControl.NONE);
                assertThat(r.status()).isEqualTo("OPTIMAL");
                double tol = 1e-7 * Math.abs(r.valueMeasures().riskNeutralRpUsd());
                assertThat(r.valueMeasures().vssUsd()).as("VSS base %d cvar %s", baseIndex, cvar).isGreaterThanOrEqualTo(-tol);
                assertThat(r.valueMeasures().evpiUsd()).as("EVPI base %d cvar %s", baseIndex, cvar).isGreaterThanOrEqualTo(-tol);
            }
        }
    }

    /** The same problem with BTC price (and so hashprice and treasury value) × k. */
    static PlanProblem scaled(PlanProblem p, double k) {
        List<PlanProblem.MonthData> months = p.months().stream().map(md -> {
            double[] h = md.hashpriceUsdPerPhDay().clone();
            for (int t = 0; t < h.length; t++) {
                h[t] *= k;
            }
            return new PlanProblem.MonthData(md.month(), md.priceUsdPerMwh(), h, md.btcPriceUsd() * k, md.feeShareOfHashprice());
        }).toList();
        return new PlanProblem(p.startMonth(), months, p.interconnectMw(), p.maxAiItMw(), p.minAiItMw(), p.minAiFromIndex(),
                p.maxConversionMwPerMonth(), p.fleets(), p.options(), p.startingCashUsd(), p.cashFloorUsd(), p.treasuryBtc(), p.discountRate(),
                p.solver(), p.hourModel(), p.timeLimitSeconds());
    }
}
