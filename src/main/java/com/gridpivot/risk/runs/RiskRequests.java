package com.gridpivot.risk.runs;

import com.gridpivot.planning.input.FixedPlanBody;
import com.gridpivot.planning.input.PlanRequest;
import com.gridpivot.planning.input.ScenarioBody;
import java.util.List;

/** Request bodies of the Monte Carlo and stochastic-plan runs. Numbers are boxed so a missing field can be told from 0. */
public final class RiskRequests {
    private RiskRequests() {
    }

    /**
     * {@code POST /api/v1/risk/montecarlo/runs}.
     *
     * @param problem              the plan problem, as for a plan run (its scenario is the centre of the paths)
     * @param plans                fixed plans as for /plans/compare (0 to 10); unlisted decisions are 0 (nothing left to the optimizer)
     * @param includeOptimized     also evaluate the optimizer's plan at the scenario (default true)
     * @param paths                N, 1 … gridpivot.limits.montecarlo-paths (default 1000)
     * @param seed                 an integer (default 1); the same seed gives the same answer
     * @param volatilityMonthly    σ of the monthly log-return (default: the history's σ̂)
     * @param drift                SCENARIO (default: the scenario's BTC path is the median) or HISTORICAL (the history's μ̂)
     * @param difficultyElasticity η (default 0.5)
     * @param difficultyLagMonths  L (default 3)
     * @param aiRateDeclineSd      sd of the per-path shift of AI rate declines (default 0.05)
     * @param histogramBins        default 20
     * @param priceModel           GBM (default: normal monthly shocks of sd volatilityMonthly) or BOOTSTRAP (blocks of the BTC
     *                             history's demeaned monthly log-returns; volatilityMonthly must then be left out)
     * @param blockLengthMonths    BOOTSTRAP only: consecutive months per block, 1 … the history's number of returns (default 6)
     * @param feeSd                sd of ln F, the per-path lognormal factor on the fee part of hashprice, 0 … 3
     *                             (default: calibrated on blockchain.com fees / miners' revenue, see models/RISK.md; 0 = scenario fees)
     * @param label                the caller's name for the stored run (optional; default: problem.label); at most 200
     *                             characters, no control characters
     */
    public record MonteCarloRequest(PlanRequest problem, List<FixedPlanBody> plans, Boolean includeOptimized, Double paths, Double seed,
                                    Double volatilityMonthly, String drift, Double difficultyElasticity, Double difficultyLagMonths,
                                    Double aiRateDeclineSd, Double histogramBins, String priceModel, Double blockLengthMonths, Double feeSd,
                                    String label) {
        /** A request without a label. */
        public MonteCarloRequest(PlanRequest problem, List<FixedPlanBody> plans, Boolean includeOptimized, Double paths, Double seed,
                                 Double volatilityMonthly, String drift, Double difficultyElasticity, Double difficultyLagMonths,
                                 Double aiRateDeclineSd, Double histogramBins, String priceModel, Double blockLengthMonths, Double feeSd) {
            this(problem, plans, includeOptimized, paths, seed, volatilityMonthly, drift, difficultyElasticity, difficultyLagMonths,
                    aiRateDeclineSd, histogramBins, priceModel, blockLengthMonths, feeSd, null);
        }
    }

    /**
     * {@code POST /api/v1/risk/stochastic/runs}.
     *
     * @param problem      site, fleets, options, finance, horizon (its scenario is ignored: each scenario brings its own;
     *                     with {@code sampling} its scenario is the centre of the drawn paths)
     * @param scenarios    1 to 10, probabilities ≥ 0 summing to 1 (within 1e-9); absent with {@code sampling}
     * @param baseScenario the scenario VSS plans for alone (default: the most probable, the first on ties)
     * @param cvar         optional risk term
     * @param sampling     draw the scenarios from the Monte Carlo generator instead of listing them (sample-average plan)
     * @param label        the caller's name for the stored run (optional; default: problem.label); at most 200
     *                     characters, no control characters
     */
    public record StochasticRequest(PlanRequest problem, List<ScenarioInput> scenarios, String baseScenario, CvarInput cvar,
                                    SamplingInput sampling, String label) {
        /** A request of listed scenarios. */
        public StochasticRequest(PlanRequest problem, List<ScenarioInput> scenarios, String baseScenario, CvarInput cvar) {
            this(problem, scenarios, baseScenario, cvar, null, null);
        }

        /** A request without a label. */
        public StochasticRequest(PlanRequest problem, List<ScenarioInput> scenarios, String baseScenario, CvarInput cvar, SamplingInput sampling) {
            this(problem, scenarios, baseScenario, cvar, sampling, null);
        }
    }

    /**
     * The sample-average plan's scenarios: N paths of the Monte Carlo generator around problem.scenario (models/RISK.md).
     *
     * @param samples                   N, 1 … 1,000 (default 100)
     * @param seed                      an integer (default 1); the same seed gives the same answer bit for bit
     * @param method                    DECOMPOSITION (default without cvar: L-shaped, samples in parallel) or EXTENSIVE (one LP;
     *                                  at most 50 samples; the method with cvar)
     * @param priceModel                GBM (default) or BOOTSTRAP, as for a Monte Carlo run
     * @param volatilityMonthly         GBM σ (default: the history's σ̂)
     * @param drift                     SCENARIO (default) or HISTORICAL
     * @param difficultyElasticity      η (default 0.5)
     * @param difficultyLagMonths       L (default 3)
     * @param aiRateDeclineSd           sd of the per-path shift of AI rate declines (default 0.05)
     * @param blockLengthMonths         BOOTSTRAP only (default 6)
     * @param feeSd                     sd of ln F (default 0)
     * @param gapBatches                B, batches of the Mak–Morton–Wood gap estimate, 0 … 30 (default 5; 0 = none)
     * @param gapBatchSamples           samples per batch, 1 … 1,000 (default max(1, N / B))
     * @param evaluationSamples         fresh paths to evaluate the plan on, 0 … 20,000 (default 1,000)
     * @param perfectInformationSamples samples on which WS and EVPI are estimated, 0 … N (default min(N, 10); one plan LP each)
     * @param toleranceRelative         the decomposition's stopping gap, 1e-9 … 1e-2 (default 1e-6)
     */
    public record SamplingInput(Double samples, Double seed, String method, String priceModel, Double volatilityMonthly, String drift,
                                Double difficultyElasticity, Double difficultyLagMonths, Double aiRateDeclineSd, Double blockLengthMonths,
                                Double feeSd, Double gapBatches, Double gapBatchSamples, Double evaluationSamples, Double perfectInformationSamples,
                                Double toleranceRelative) {
    }

    /** @param name unique  @param probability pₛ  @param scenario a full plan scenario (inline) */
    public record ScenarioInput(String name, Double probability, ScenarioBody scenario) {
    }

    /** @param alpha α ∈ (0,1), 0.9 = worst 10 %  @param weight λ ∈ [0,1]  @param floorUsd CVaR_α ≥ floorUsd (optional) */
    public record CvarInput(Double alpha, Double weight, Double floorUsd) {
    }
}
