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
 */
public record StochasticResult(String status, String explanation, Double expectedNpvUsd, Double objectiveUsd, CvarValue cvar,
                               List<ScenarioValue> scenarios, List<Decision> decisions, ValueMeasures valueMeasures, SolverInfo solver) {

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
     */
    public record ScenarioValue(String name, double probability, double npvUsd, double lowestCashUsd, Map<String, Double> cashByCategoryUsd,
                                Double perfectInformationNpvUsd,
                                Double baseCasePlanNpvUsd) {
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
     */
    public record ValueMeasures(String baseScenario, Double riskNeutralRpUsd, Double eevUsd, Double wsUsd, Double vssUsd, Double evpiUsd,
                                String note) {
    }

    public record SolverInfo(String solver, int variables, int constraints, double buildMs, double solveMs, int lpSolves) {
    }
}
