package com.gridpivot.testdata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import com.gridpivot.planning.input.PlanProblem.PlanFleet;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a resolved plan problem (and, for a fixed plan, its decisions) as the JSON that models/crosscheck/plan_highs.py
 * reads: the data of models/PLANS.md's "Sets and data" table, never a coefficient of our LP. Hourly prices and hashprices,
 * monthly BTC prices, each fleet's units, TH/s and W (the script computes capacity, J/TH and revenue per MWh itself), each
 * option's first-month revenue per MWh with its decline, lead time and capex timing. Infinite limits are written as null.
 */
public final class PlanProblemJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanProblemJson() {
    }

    /** Writes p (fixed = null: every decision free) to file and returns the file. */
    public static Path write(PlanProblem p, FixedPlan fixed, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), toMap(p, fixed));
        return file;
    }

    /** The financing sources' input data (models/PLANS.md, "Financing sources"), month indices from the first month. */
    static Map<String, Object> financing(com.gridpivot.planning.input.PlanFinancing f) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (f.revolvingCredit() != null) {
            out.put("revolvingCredit", Map.of("limitUsd", f.revolvingCredit().limitUsd(), "interestRatePerYear",
                    f.revolvingCredit().interestRatePerYear(), "commitmentFeePerYear", f.revolvingCredit().commitmentFeePerYear()));
        }
        List<Map<String, Object>> loans = new ArrayList<>();
        for (var l : f.termLoans()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", l.name());
            m.put("amountUsd", l.amountUsd());
            m.put("availableFromIndex", l.availableFromIndex());
            m.put("interestRatePerYear", l.interestRatePerYear());
            m.put("tenorMonths", l.tenorMonths());
            m.put("amortization", l.amortization().name());
            m.put("upfrontFeeShare", l.upfrontFeeShare());
            loans.add(m);
        }
        out.put("termLoans", loans);
        List<Map<String, Object>> notes = new ArrayList<>();
        for (var n : f.convertibleNotes()) {
            notes.add(Map.of("name", n.name(), "principalUsd", n.principalUsd(), "couponPerYear", n.couponPerYear(), "issueIndex",
                    n.issueIndex(), "maturityIndex", n.maturityIndex()));
        }
        out.put("convertibleNotes", notes);
        Map<String, Object> cov = new LinkedHashMap<>();
        cov.put("minCashUsd", f.covenants().minCashUsd());
        cov.put("maxDebtToTrailingEbitda", f.covenants().maxDebtToTrailingEbitda());
        out.put("covenants", cov);
        if (f.tax() != null) { // finance.tax as resolved (defaults filled), models/PLANS.md "Taxes"
            var t = f.tax();
            Map<String, Object> tax = new LinkedHashMap<>();
            tax.put("incomeTaxRateShare", t.incomeTaxRateShare());
            tax.put("asics", depreciation(t.asics()));
            tax.put("gpus", depreciation(t.gpus()));
            tax.put("buildings", depreciation(t.buildings()));
            tax.put("buildingsShareOfAiCapex", t.buildingsShareOfAiCapex());
            tax.put("lossCarryForward", t.lossCarryForward());
            tax.put("lossUseLimitShare", t.lossUseLimitShare());
            tax.put("openingLossUsd", t.openingLossUsd());
            tax.put("btcCostBasisUsdPerBtc", t.btcCostBasisUsdPerBtc());
            out.put("tax", tax);
        }
        return out;
    }

    private static Map<String, Object> depreciation(com.gridpivot.planning.input.PlanTax.Depreciation d) {
        return Map.of("schedule", d.schedule().name(), "lifeYears", d.lifeYears(), "bonusShare", d.bonusShare());
    }

    public static Map<String, Object> toMap(PlanProblem p, FixedPlan fixed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("startMonth", p.startMonth().toString());
        out.put("discountRate", p.discountRate());
        out.put("interconnectMw", p.interconnectMw());
        out.put("maxAiItMw", finite(p.maxAiItMw()));
        out.put("minAiItMw", p.minAiItMw());
        out.put("minAiFromIndex", p.minAiFromIndex());
        out.put("maxConversionMwPerMonth", finite(p.maxConversionMwPerMonth()));
        out.put("startingCashUsd", p.startingCashUsd());
        out.put("cashFloorUsd", finite(p.cashFloorUsd()));
        out.put("treasuryBtc", p.treasuryBtc());
        Map<String, Object> tv = new LinkedHashMap<>(); // finance.terminalValue as the request gives it
        tv.put("method", p.terminalValue().method().name());
        tv.put("exitMultipleOfEbitda", p.terminalValue().exitMultiple());
        tv.put("perpetuityGrowthPerYear", p.terminalValue().growthPerYear());
        out.put("terminalValue", tv);
        out.put("financing", financing(p.financing()));
        List<Map<String, Object>> months = new ArrayList<>();
        for (MonthData md : p.months()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("month", md.month().toString());
            m.put("priceUsdPerMwh", md.priceUsdPerMwh());
            m.put("hashpriceUsdPerPhDay", md.hashpriceUsdPerPhDay());
            m.put("btcPriceUsd", md.btcPriceUsd());
            months.add(m);
        }
        out.put("months", months);
        List<Map<String, Object>> fleets = new ArrayList<>();
        for (PlanFleet pf : p.fleets()) {
            FleetSpec f = pf.spec();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("units", f.units());
            m.put("hashrateThPerUnit", f.hashrateThPerUnit());
            m.put("powerWPerUnit", f.powerWPerUnit());
            m.put("pue", f.pue());
            m.put("poolFeeFraction", f.poolFeeFraction());
            m.put("variableOpexUsdPerMwh", f.variableOpexUsdPerMwh());
            m.put("fixedOpexUsdPerMwYear", f.fixedOpexUsdPerMwYear());
            m.put("salvageUsdPerMw", pf.salvageUsdPerMw());
            m.put("purchaseUsdPerMw", pf.canBuy() ? pf.purchaseUsdPerMw() : null);
            m.put("priceElasticity", pf.priceElasticity());
            m.put("efficiencyDegradationPerYear", pf.degradationPerYear());
            fleets.add(m);
        }
        out.put("fleets", fleets);
        List<Map<String, Object>> options = new ArrayList<>();
        for (PlanOption po : p.options()) {
            AiOptionSpec o = po.spec();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", o.name());
            m.put("revenueBasis", o.revenueBasis().name());
            m.put("revenueUsdPerMwh", o.revenueUsdPerMwh());
            m.put("rateDeclinePerYear", po.rateDeclinePerYear());
            m.put("tenantPaysPower", o.tenantPaysPower());
            m.put("pue", o.pue());
            m.put("maxItMw", finite(o.maxItMw()));
            m.put("capexUsdPerMw", o.capexUsdPerMw());
            m.put("variableOpexUsdPerMwh", o.variableOpexUsdPerMwh());
            m.put("fixedOpexUsdPerMwYear", o.fixedOpexUsdPerMwYear());
            m.put("leadTimeMonths", po.leadTimeMonths());
            m.put("capexTiming", po.capexTiming().name());
            m.put("blockMw", po.blockMw());
            m.put("maxBlocks", po.maxBlocks() == Integer.MAX_VALUE ? null : po.maxBlocks());
            if (po.hasContract()) { // the request's contract terms, the price resolved to USD per MWh of IT at full use
                PlanProblem.AiContract c = po.contract();
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("termMonths", c.termMonths());
                k.put("priceUsdPerMwhAtFullUse", c.rateUsdPerMwh());
                k.put("usageShare", c.usageShare());
                k.put("escalatorPerYear", c.escalatorPerYear());
                k.put("takeOrPayShare", c.takeOrPayShare());
                k.put("tenantCapexShare", c.tenantCapexShare());
                k.put("prepaymentShare", c.prepaymentShare());
                k.put("rampShareByMonth", c.rampShare());
                k.put("maxMw", finite(c.maxMw()));
                k.put("afterTerm", c.renewAtMarket() ? "RENEW_AT_MARKET" : "NONE");
                m.put("contract", k);
            }
            if (po.hasGpuLife()) { // GPU life (PLANS.md, "GPU life and refresh"), the years resolved to months
                PlanProblem.GpuLife g = po.gpuLife();
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("lifeMonths", g.lifeMonths());
                k.put("gpuCapexUsdPerMw", g.gpuCapexUsdPerMw());
                k.put("residualShare", g.residualShare());
                k.put("priceDeclinePerYear", g.priceDeclinePerYear());
                k.put("endOfLife", g.endOfLife().name());
                k.put("hallLifeMonths", g.hallLifeMonths() == Integer.MAX_VALUE ? null : g.hallLifeMonths());
                m.put("gpuLife", k);
            }
            options.add(m);
        }
        out.put("options", options);
        if (fixed != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("aiStartsMw", fixed.aiStartsMw());
            f.put("asicRetiredMw", fixed.asicRetiredMw());
            f.put("asicBoughtMw", fixed.asicBoughtMw());
            Map<String, Double> sold = null;
            if (fixed.treasurySoldBtc() != null) {
                sold = new LinkedHashMap<>();
                for (Map.Entry<Integer, Double> e : fixed.treasurySoldBtc().entrySet()) {
                    sold.put(Integer.toString(e.getKey()), e.getValue());
                }
            }
            f.put("treasurySoldBtc", sold);
            f.put("aiContractedMw", fixed.aiContractedMw());
            out.put("fixed", f);
        }
        return out;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
