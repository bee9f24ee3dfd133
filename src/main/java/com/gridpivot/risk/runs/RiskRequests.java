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
     */
    public record MonteCarloRequest(PlanRequest problem, List<FixedPlanBody> plans, Boolean includeOptimized, Double paths, Double seed,
                                    Double volatilityMonthly, String drift, Double difficultyElasticity, Double difficultyLagMonths,
                                    Double aiRateDeclineSd, Double histogramBins, String priceModel, Double blockLengthMonths, Double feeSd) {
    }

    /**
     * {@code POST /api/v1/risk/stochastic/runs}.
     *
     * @param problem      site, fleets, options, finance, horizon (its scenario is ignored: each scenario brings its own)
     * @param scenarios    1 to 10, probabilities ≥ 0 summing to 1 (within 1e-9)
     * @param baseScenario the scenario VSS plans for alone (default: the most probable, the first on ties)
     * @param cvar         optional risk term
     */
    public record StochasticRequest(PlanRequest problem, List<ScenarioInput> scenarios, String baseScenario, CvarInput cvar) {
    }

    /** @param name unique  @param probability pₛ  @param scenario a full plan scenario (inline) */
    public record ScenarioInput(String name, Double probability, ScenarioBody scenario) {
    }

    /** @param alpha α ∈ (0,1), 0.9 = worst 10 %  @param weight λ ∈ [0,1]  @param floorUsd CVaR_α ≥ floorUsd (optional) */
    public record CvarInput(Double alpha, Double weight, Double floorUsd) {
    }
}
