package com.gridpivot.planning.result;

import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.planning.input.FixedPlanBody.Step;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.lp.rows.CashCategory;
import com.gridpivot.lp.rows.TerminalValueRows;
import com.gridpivot.planning.model.MonthBlock;
import com.gridpivot.planning.model.PlanModel;
import com.gridpivot.lp.rows.CashRows.Term;
import java.util.ArrayList;
import java.util.List;

/** The numbers read out of a solved plan model, so that the model can be deleted before results are assembled. */
public final class PlanValues {
    public final PlanProblem problem;
    public final double objectiveUsd;
    /** CFₘ (the flows the NPV counts: everything but debt principal) and its parts [m][category]. */
    public final double[] cashFlowUsd;
    /** Debt principal of month m: draws and issues less repayments (cash only, not in CFₘ nor the NPV). */
    public final double[] debtPrincipalUsd;
    /** EBITDAₘ: the month's mining and AI revenue, energy and opex. */
    public final double[] ebitdaUsd;
    /** The financing sources by month, the debt and the trailing EBITDA. */
    public final FinancingValues financing;
    /** The covenant rows (null without covenants), to know which months are tested. */
    public final com.gridpivot.lp.rows.CovenantRows.Covenants covenantRows;
    /** The income tax by tax year (models/PLANS.md, "Taxes"); null without finance.tax. */
    public final TaxValues tax;
    public final double[][] byCategoryUsd;
    public final double[] cumulativeCashUsd;
    public final double[][] keptMw;
    public final double[][] dispatchedMwAvg;
    public final double[] miningEnergyMwh;
    public final double[][] startedMw;
    public final double[][] reservedMw;
    public final double[][] onlineMw;
    public final double[] soldBtc;
    public final double[][] retiredMw;
    public final double[][] boughtMw;
    /** Sc[j][m], the MW started under contract (a null row for an option without contract terms); null when no option has terms. */
    public final double[][] contractedMw;
    /** The terminal value by use, discounted (models/PLANS.md, "Terminal value"); objectiveUsd includes it. */
    public final double terminalMiningUsd;
    public final double terminalAiUsd;
    /** Refreshed and retired GPU MW, refresh capex and residual value per option and month; null when no option has a GPU life. */
    public final com.gridpivot.lp.rows.GpuLifeRows.Figures gpuLife;

    public PlanValues(PlanModel model, double objectiveUsd) {
        this.problem = model.problem();
        this.objectiveUsd = objectiveUsd;
        int months = problem.monthCount();
        int fleets = problem.fleets().size();
        int options = problem.options().size();
        cashFlowUsd = new double[months];
        debtPrincipalUsd = new double[months];
        ebitdaUsd = new double[months];
        byCategoryUsd = new double[months][CashCategory.values().length];
        cumulativeCashUsd = new double[months];
        keptMw = new double[fleets][months];
        retiredMw = new double[fleets][months];
        boughtMw = new double[fleets][months];
        dispatchedMwAvg = new double[fleets][months];
        miningEnergyMwh = new double[months];
        startedMw = new double[options][months];
        reservedMw = new double[options][months];
        onlineMw = new double[options][months];
        soldBtc = new double[months];
        terminalMiningUsd = TerminalValueRows.valueUsd(model.terminal(), problem, TerminalValueRows.MINING);
        terminalAiUsd = TerminalValueRows.valueUsd(model.terminal(), problem, TerminalValueRows.AI);
        gpuLife = model.gpu() == null ? null : com.gridpivot.lp.rows.GpuLifeRows.figures(problem, model.gpu());
        contractedMw = model.contracts() == null ? null : new double[options][];
        for (int j = 0; contractedMw != null && j < options; j++) {
            if (model.contracts().has(j)) {
                contractedMw[j] = new double[months];
                for (int m = 0; m < months; m++) {
                    contractedMw[j][m] = model.contracts().contracted()[j][m].solutionValue();
                }
            }
        }
        double cash = problem.startingCashUsd();
        for (int m = 0; m < months; m++) {
            for (Term t : model.terms().get(m)) {
                double v = t.coefficientUsd() * t.variable().solutionValue();
                if (t.category().inNpv()) {
                    cashFlowUsd[m] += v;
                } else {
                    debtPrincipalUsd[m] += v;
                }
                if (t.category().inEbitda()) {
                    ebitdaUsd[m] += v;
                }
                byCategoryUsd[m][t.category().ordinal()] += v;
            }
            cash += cashFlowUsd[m] + debtPrincipalUsd[m];
            cumulativeCashUsd[m] = cash;
            for (int i = 0; i < fleets; i++) {
                keptMw[i][m] = model.kept()[i][m].solutionValue();
                retiredMw[i][m] = model.retired()[i][m].solutionValue();
                boughtMw[i][m] = model.bought()[i] == null ? 0.0 : model.bought()[i][m].solutionValue();
            }
            List<MonthBlock> blocks = model.blocks().get(m);
            double hours = problem.months().get(m).hours();
            for (int b = 0; b < blocks.size(); b++) {
                MonthBlock block = blocks.get(b);
                for (int k = 0; k < block.activeFleets().length; k++) {
                    double mwh = model.dispatch()[m][b][k].solutionValue() * block.hours();
                    dispatchedMwAvg[block.activeFleets()[k]][m] += mwh / hours;
                    miningEnergyMwh[m] += mwh;
                }
            }
            for (int j = 0; j < options; j++) {
                startedMw[j][m] = model.start()[j][m].solutionValue();
                reservedMw[j][m] = model.reserved()[j][m].solutionValue();
                onlineMw[j][m] = model.online()[j][m].solutionValue();
            }
            soldBtc[m] = model.sold() == null ? 0.0 : model.sold()[m].solutionValue();
        }
        financing = FinancingValues.read(problem, model.financing(), ebitdaUsd);
        covenantRows = model.financing().covenants();
        tax = TaxValues.read(problem, model.financing().tax(), model.terms());
    }

    /** The horizon's NPV alone: the objective less the terminal value. */
    public double horizonNpvUsd() {
        return objectiveUsd - terminalMiningUsd - terminalAiUsd;
    }

    public double category(int m, CashCategory c) {
        return byCategoryUsd[m][c.ordinal()];
    }

    public double total(CashCategory c) {
        double s = 0.0;
        for (double[] row : byCategoryUsd) {
            s += row[c.ordinal()];
        }
        return s;
    }

    public double totalSoldBtc() {
        double s = 0.0;
        for (double v : soldBtc) {
            s += v;
        }
        return s;
    }

    /** Nonzero decisions, in the form of a fixed plan. */
    public PlanResult.Decisions decisions() {
        List<Step> ai = new ArrayList<>();
        List<Step> retired = new ArrayList<>();
        List<Step> bought = new ArrayList<>();
        List<Step> sold = new ArrayList<>();
        List<Step> contracted = contractedMw == null ? null : new ArrayList<>();
        for (int m = 0; m < problem.monthCount(); m++) {
            String month = problem.months().get(m).month().toString();
            for (int j = 0; j < problem.options().size(); j++) {
                add(ai, problem.options().get(j).spec().name(), month, startedMw[j][m]);
                if (contracted != null && contractedMw[j] != null) {
                    add(contracted, problem.options().get(j).spec().name(), month, contractedMw[j][m]);
                }
            }
            for (int i = 0; i < problem.fleets().size(); i++) {
                add(retired, problem.fleets().get(i).spec().name(), month, retiredMw[i][m]);
                add(bought, problem.fleets().get(i).spec().name(), month, boughtMw[i][m]);
            }
            add(sold, null, month, soldBtc[m]);
        }
        return new PlanResult.Decisions(ai, retired, bought, sold, contracted);
    }

    private static void add(List<Step> out, String name, String month, double v) {
        if (Math.abs(v) > 1e-9) {
            out.add(new Step(name, month, v));
        }
    }

    /** Variables whose value is read; used by tests to compare two models' decisions. */
    static double value(MPVariable v) {
        return v == null ? 0.0 : v.solutionValue();
    }
}
