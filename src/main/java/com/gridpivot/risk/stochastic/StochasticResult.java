package com.gridpivot.risk.stochastic;

import java.util.List;
import java.util.Map;

/**
 * The two-stage plan and its value measures (models/RISK.md).
 *
 * @param status            OPTIMAL, FEASIBLE, INFEASIBLE, TIMED_OUT or FAILED (of the stochastic LP)
 * @param explanation       why not OPTIMAL, or null
 * @param expectedNpvUsd    Σ pₛ NPVₛ of the stochastic plan (RP when risk-neutral)
 * @param objectiveUsd      the LP objective ((1 − λ) E + λ CVaR, or E)
 * @param cvar              the risk term at the solution, or null
 * @param scenarios         per scenario
 * @param decisions         the first-stage decisions of the stochastic plan
 * @param valueMeasures     VSS and EVPI (risk-neutral)
 * @param solver            LP size and time
 * @param sampling          the sample-average answer (bounds, out-of-sample value, gap estimate), or null for listed scenarios
 */
public record StochasticResult(String status, String explanation, Double expectedNpvUsd, Double objectiveUsd, CvarValue cvar,
                               List<ScenarioValue> scenarios, List<Decision> decisions, ValueMeasures valueMeasures, SolverInfo solver,
                               SampleAverage sampling) {

    /** A result of listed scenarios (no sampling). */
    public StochasticResult(String status, String explanation, Double expectedNpvUsd, Double objectiveUsd, CvarValue cvar,
                            List<ScenarioValue> scenarios, List<Decision> decisions, ValueMeasures valueMeasures, SolverInfo solver) {
        this(status, explanation, expectedNpvUsd, objectiveUsd, cvar, scenarios, decisions, valueMeasures, solver, null);
    }

    /**
     * The sample-average (SAA) plan's statistics (models/RISK.md).
     *
     * @param samples                  N, the scenarios drawn
     * @param seed                     the seed (the same seed and settings give the same answer bit for bit)
     * @param method                   DECOMPOSITION (L-shaped) or EXTENSIVE (one LP)
     * @param iterations               the decomposition's master solves (null for EXTENSIVE)
     * @param optimalityCuts           dispatch cuts added (null for EXTENSIVE)
     * @param feasibilityCuts          cash-floor cuts added (null for EXTENSIVE)
     * @param lowerBoundUsd            the plan's expected NPV over the sample (the SAA value reported)
     * @param upperBoundUsd            no plan does better over the sample (the master's bound; = lower for EXTENSIVE)
     * @param toleranceRelative        the decomposition stops when upper − lower ≤ this × max(1, |lower|)
     * @param outOfSample              the plan evaluated on a fresh, independent sample
     * @param gap                      Mak–Morton–Wood estimate of the plan's optimality gap, or null (no batches asked, or CVaR)
     * @param perfectInformationSamples samples on which WS and EVPI are estimated (the first ones)
     * @param evpiStandardErrorUsd     standard error of EVPI when estimated on fewer than N samples, else null
     */
    public record SampleAverage(int samples, long seed, String method, Integer iterations, Integer optimalityCuts, Integer feasibilityCuts,
                                double lowerBoundUsd, double upperBoundUsd, double toleranceRelative, OutOfSample outOfSample, GapEstimate gap,
                                int perfectInformationSamples, Double evpiStandardErrorUsd) {
    }

    /**
     * @param samples             N′ fresh paths (independent of the N solved)
     * @param meanNpvUsd          the plan's mean NPV over them: an unbiased estimate of its true expected NPV
     * @param standardErrorUsd    sd / √N′
     * @param lower95Usd          mean − 1.645 × standard error (one-sided 95 %)
     * @param cashFloorBreachShare share of the fresh paths where the plan's cash falls below the floor (its NPV still counted)
     */
    public record OutOfSample(int samples, double meanNpvUsd, double standardErrorUsd, double lower95Usd, double cashFloorBreachShare) {
    }

    /**
     * Mak–Morton–Wood with independent batches: per batch b, Gᵦ = (SAA optimum of batch b) − (the plan's mean NPV on batch b) ≥ 0,
     * E[Gᵦ] ≥ the true gap of the plan.
     *
     * @param batches       B
     * @param batchSamples  samples per batch
     * @param meanUsd       Ḡ
     * @param sdUsd         sample sd of the Gᵦ
     * @param upper95Usd    Ḡ + t_{B−1, 0.95} sd / √B: the gap is below it with about 95 % confidence
     */
    public record GapEstimate(int batches, int batchSamples, double meanUsd, double sdUsd, double upper95Usd) {
    }

    /** @param alpha α  @param weight λ  @param floorUsd the floor or null  @param valueAtRiskUsd ζ  @param cvarUsd CVaR_α of the NPV */
    public record CvarValue(double alpha, double weight, Double floorUsd, double valueAtRiskUsd, double cvarUsd) {
    }

    /**
     * @param name                        scenario
     * @param probability                 pₛ
     * @param npvUsd                      NPV of the stochastic plan in s
     * @param lowestCashUsd               lowest cumulative cash of the stochastic plan in s
     * @param cashByCategoryUsd           the stochastic plan's cash flows in s over the horizon by category (as a plan's totals,
     *                                    undiscounted; costs negative): MINING_REVENUE, MINING_ENERGY, …, TREASURY_SALE
     * @param perfectInformationNpvUsd    NPV*(s): the best plan had s been known
     * @param baseCasePlanNpvUsd          NPV of the base-case plan's decisions in s (null: they break a limit in s)
     * @param expectedValuePlanNpvUsd     NPV of the expected-value scenario's plan in s (the textbook EEV's terms; null: it breaks
     *                                    a limit in s, or there is no such plan)
     */
    public record ScenarioValue(String name, double probability, double npvUsd, double lowestCashUsd, Map<String, Double> cashByCategoryUsd,
                                Double perfectInformationNpvUsd,
                                Double baseCasePlanNpvUsd, Double expectedValuePlanNpvUsd) {
    }

    /** kind = aiStart (MW), asicRetired (MW), asicBought (MW), treasurySold (BTC). */
    public record Decision(String kind, String name, String month, double amount) {
    }

    /**
     * @param baseScenario          the scenario the base-case plan is optimised for
     * @param riskNeutralRpUsd      RP: max Σ pₛ NPVₛ over shared decisions
     * @param eevUsd                EEV: Σ pₛ NPVₛ of the base-case plan's decisions, dispatch re-optimised per scenario
     * @param wsUsd                 WS: Σ pₛ NPV*(s)
     * @param vssUsd                VSS = RP − EEV ≥ 0 (null when the base-case plan breaks a limit in some scenario: VSS is then unbounded)
     * @param evpiUsd               EVPI = WS − RP ≥ 0
     * @param note                  how to read them
     * @param evUsd                 EV: the optimal NPV of the expected-value scenario ξ̄ (every random input at its mean,
     *                              {@link ExpectedValueScenario}) on ξ̄ itself; not a value of any scenario
     * @param eevExpectedValueUsd   textbook EEV: Σ pₛ NPVₛ of the expected-value scenario's plan, dispatch re-optimised per scenario
     * @param vssExpectedValueUsd   textbook VSS = RP − EEV(ξ̄) ≥ 0 (Birge–Louveaux; null when that plan breaks a limit in some
     *                              scenario, or ξ̄ has no plan)
     */
    public record ValueMeasures(String baseScenario, Double riskNeutralRpUsd, Double eevUsd, Double wsUsd, Double vssUsd, Double evpiUsd,
                                String note, Double evUsd, Double eevExpectedValueUsd, Double vssExpectedValueUsd) {
    }

    public record SolverInfo(String solver, int variables, int constraints, double buildMs, double solveMs, int lpSolves) {
    }
}
