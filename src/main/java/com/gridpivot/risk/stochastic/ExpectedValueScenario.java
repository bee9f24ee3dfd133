package com.gridpivot.risk.stochastic;

import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import com.gridpivot.planning.input.PlanProblem.PlanFleet;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The expected-value scenario of the textbook VSS (Birge and Louveaux, "Introduction to Stochastic Programming", §4.1): every
 * random input replaced by its mean, ξ̄ = Σₛ pₛ ξₛ. The random inputs of a plan's scenarios, each averaged on its own:
 * every hour's energy price pₜ and hashprice hₜ; every month's BTC price Pₘ; the fees' share of hashprice (as fees:
 * Σ pₛ φₛₜ hₛₜ / h̄ₜ); per fleet the first month's salvage and purchase per MW and each month's ASIC price index ιₘ; per AI
 * option the first month's revenue per MWh, the rate decline per year and the capex per MW; the discount rate r. Everything
 * else (site, fleets, options' sizes, lead times, finance) is the same in every scenario and taken from the first.
 */
public final class ExpectedValueScenario {
    private ExpectedValueScenario() {
    }

    /** The mean scenario ξ̄ of {@code scenarios} under probabilities {@code p} (all scenarios of the same horizon). */
    public static PlanProblem of(List<PlanProblem> scenarios, double[] p) {
        Mean mean = new Mean(scenarios.get(0));
        for (int s = 0; s < scenarios.size(); s++) {
            mean.add(scenarios.get(s), p[s]);
        }
        return mean.build();
    }

    /** The mean of the sample-average plan's samples (each 1/N), built one sample at a time (N may be 1,000). */
    public static PlanProblem ofSamples(PlanProblem base, com.gridpivot.risk.montecarlo.MonteCarloSettings mc, int[] paths) {
        Mean mean = new Mean(base);
        for (int k : paths) {
            mean.add(ScenarioSampler.sample(base, mc, k), 1.0 / paths.length);
        }
        return mean.build();
    }

    /** Σₛ pₛ ξₛ of every random input, accumulated scenario by scenario. */
    static final class Mean {
        private final PlanProblem first;
        private final double[][] price;
        private final double[][] hash;
        private final double[][] fees;
        private final double[] btc;
        private final double[] salvage;
        private final double[] purchase;
        private final double[] elasticity;
        private final double[][] index;
        private final double[] revenue;
        private final double[] decline;
        private final double[] capex;
        private double rate;

        Mean(PlanProblem first) {
            this.first = first;
            int months = first.monthCount();
            price = new double[months][];
            hash = new double[months][];
            fees = new double[months][];
            for (int m = 0; m < months; m++) {
                int hours = first.months().get(m).hours();
                price[m] = new double[hours];
                hash[m] = new double[hours];
                fees[m] = new double[hours];
            }
            btc = new double[months];
            int f = first.fleets().size();
            salvage = new double[f];
            purchase = new double[f];
            elasticity = new double[f];
            index = new double[f][months];
            int o = first.options().size();
            revenue = new double[o];
            decline = new double[o];
            capex = new double[o];
        }

        void add(PlanProblem sc, double p) {
            for (int m = 0; m < price.length; m++) {
                MonthData md = sc.months().get(m);
                for (int t = 0; t < price[m].length; t++) {
                    price[m][t] += p * md.priceUsdPerMwh()[t];
                    hash[m][t] += p * md.hashpriceUsdPerPhDay()[t];
                    fees[m][t] += p * md.feeShareOfHashprice()[t] * md.hashpriceUsdPerPhDay()[t];
                }
                btc[m] += p * md.btcPriceUsd();
            }
            for (int i = 0; i < salvage.length; i++) {
                PlanFleet f = sc.fleets().get(i);
                salvage[i] += p * f.salvageUsdPerMw();
                purchase[i] += p * f.purchaseUsdPerMw(); // NaN in every scenario when purchases are not offered
                elasticity[i] += p * f.priceElasticity();
                for (int m = 0; m < price.length; m++) {
                    index[i][m] += p * f.priceIndex(m);
                }
            }
            for (int j = 0; j < revenue.length; j++) {
                PlanOption o = sc.options().get(j);
                revenue[j] += p * o.spec().revenueUsdPerMwh();
                decline[j] += p * o.rateDeclinePerYear();
                capex[j] += p * o.spec().capexUsdPerMw();
            }
            rate += p * sc.discountRate();
        }

        PlanProblem build() {
            List<MonthData> months = new ArrayList<>(price.length);
            for (int m = 0; m < price.length; m++) {
                double[] share = new double[fees[m].length];
                for (int t = 0; t < share.length; t++) {
                    share[t] = hash[m][t] > 0.0 ? fees[m][t] / hash[m][t] : 0.0;
                }
                months.add(new MonthData(first.months().get(m).month(), price[m], hash[m], btc[m], share));
            }
            List<PlanFleet> fleets = new ArrayList<>();
            for (int i = 0; i < salvage.length; i++) {
                PlanFleet f0 = first.fleets().get(i);
                fleets.add(new PlanFleet(f0.spec(), salvage[i], purchase[i], index[i], elasticity[i], f0.degradationPerYear()));
            }
            List<PlanOption> options = new ArrayList<>();
            for (int j = 0; j < revenue.length; j++) {
                PlanOption o0 = first.options().get(j);
                AiOptionSpec a = o0.spec();
                AiOptionSpec mean = new AiOptionSpec(a.name(), a.offering(), a.revenueBasis(), revenue[j], a.tenantPaysPower(), a.pue(),
                        a.maxItMw(), capex[j], a.variableOpexUsdPerMwh(), a.fixedOpexUsdPerMwYear());
                options.add(new PlanOption(mean, o0.leadTimeMonths(), o0.capexTiming(), decline[j], o0.blockMw(), o0.maxBlocks(), o0.contract(), o0.gpuLife()));
            }
            return new PlanProblem(first.startMonth(), months, first.interconnectMw(), first.maxAiItMw(), first.minAiItMw(),
                    first.minAiFromIndex(), first.maxConversionMwPerMonth(), fleets, options, first.startingCashUsd(), first.cashFloorUsd(),
                    first.treasuryBtc(), rate, first.solver(), first.hourModel(), first.timeLimitSeconds(), first.dataNotes(),
                    first.terminalValue());
        }
    }
}
