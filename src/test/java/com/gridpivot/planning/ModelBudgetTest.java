package com.gridpivot.planning;

import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.lp.ModelSize;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.optimization.input.AllocationProblem.RevenueBasis;
import com.gridpivot.optimization.input.AllocationProblem.SiteSpec;
import com.gridpivot.optimization.input.HourAggregation;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.optimization.model.AllocationModel;
import com.gridpivot.optimization.model.AllocationModelBuilder;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.model.PlanModel;
import com.gridpivot.planning.model.PlanModelBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory guard (issue 20 item 2): sizes estimated before building, and a refusal before a model of gigabytes is built. */
class ModelBudgetTest {
    private static final long GIB = 1L << 30;

    static long nonZeros(com.google.ortools.linearsolver.MPSolver s) {
        var proto = s.exportModelToProto();
        long n = 0;
        for (int i = 0; i < proto.getConstraintCount(); i++) {
            n += proto.getConstraint(i).getVarIndexCount();
        }
        return n;
    }

    /**
     * The naive what-if of 3 fleets and 1 option over 48 hours: B = 48 blocks of A = 48·3 = 144 dispatches. Rows A + B + 2 =
     * 144 + 48 + 2 = 194 (aiTotal and capexBudget given); columns F + J + A = 3 + 1 + 144 = 148; non-zeros 3A + BJ + 2J = 432
     * + 48 + 2 = 482: exactly the built model's.
     */
    @Test
    void theWhatIfEstimateIsTheBuiltModel() {
        int hours = 48;
        double[] price = new double[hours];
        double[] hash = new double[hours];
        for (int t = 0; t < hours; t++) {
            price[t] = 30 + 20 * Math.sin(t);
            hash[t] = 50;
        }
        List<FleetSpec> fleets = List.of(new FleetSpec("A", null, 1000, 100, 3000, 1.05, 0, 1, 0),
                new FleetSpec("B", null, 1000, 120, 3000, 1.05, 0, 1, 0), new FleetSpec("C", null, 1000, 200, 3500, 1.05, 0, 1, 0));
        AllocationProblem p = new AllocationProblem(new SiteSpec("s", 10, 5, 0, 1e9), fleets,
                List.of(new AiOptionSpec("AI", null, RevenueBasis.FLAT_PER_MWH, 130, false, 1.2, 5, 1e6, 2, 0)), price, hash, 0.1, 5,
                SolverKind.GLOP, HourAggregation.NONE, 10);
        ModelSize est = AllocationModelBuilder.estimate(p);
        assertThat(est).isEqualTo(new ModelSize(194, 148, 482));
        try (AllocationModel m = AllocationModelBuilder.build(p)) {
            assertThat(m.solver().numConstraints()).isEqualTo(194);
            assertThat(m.solver().numVariables()).isEqualTo(148);
            assertThat(nonZeros(m.solver())).isEqualTo(482);
        }
        assertThat(est.bytes()).isEqualTo((194 + 148 + 482) * 600L);
    }

    /**
     * The plan's estimate bounds the built model from above (rows, columns, non-zeros): within 1.5 × where the dispatch
     * dominates (HOURLY: 2,160 hourly blocks), within 2 × on the EXACT_BLOCKS model of 3 months and a handful of blocks,
     * where the per-month terms the estimate counts for every option and fleet (block rows, contract and conversion rows,
     * capex of every start month in the cash rows) are most of the model.
     */
    @Test
    void thePlanEstimateBoundsTheBuiltModel() {
        for (String hourModel : List.of("EXACT_BLOCKS", "HOURLY")) {
            ObjectNode json = PlanModelTest.base(2);
            json.put("hourModel", hourModel);
            PlanProblem p = problem(json);
            ModelSize est = PlanModelBuilder.estimate(p);
            long num = hourModel.equals("HOURLY") ? 3 : 4;
            try (PlanModel m = PlanModelBuilder.build(p, null)) {
                long rows = m.solver().numConstraints();
                long cols = m.solver().numVariables();
                long nnz = nonZeros(m.solver());
                assertThat(est.rows()).as(hourModel + " rows").isBetween(rows, rows * num / 2);
                assertThat(est.columns()).as(hourModel + " columns").isBetween(cols, cols * num / 2);
                assertThat(est.nonZeros()).as(hourModel + " non-zeros").isBetween(nnz, nnz * num / 2);
            }
        }
    }

    /** With finance.tax (tax rows per calendar year, a taxable-income row over the cash terms) the estimate still bounds the model. */
    @Test
    void thePlanEstimateBoundsTheBuiltModelWithTax() {
        ObjectNode json = PlanModelTest.base(2);
        json.put("startMonth", "2026-11"); // two tax years
        json.set("finance", PlanTestSupport.node("{'startingCashUsd': 1.0e9, 'tax': {'incomeTaxRateShare': 0.21}}"));
        PlanProblem p = problem(json);
        ModelSize est = PlanModelBuilder.estimate(p);
        try (PlanModel m = PlanModelBuilder.build(p, null)) {
            assertThat(m.financing().tax().years()).isEqualTo(2);
            assertThat(est.rows()).as("rows").isGreaterThanOrEqualTo(m.solver().numConstraints());
            assertThat(est.columns()).as("columns").isGreaterThanOrEqualTo(m.solver().numVariables());
            assertThat(est.nonZeros()).as("non-zeros").isGreaterThanOrEqualTo(nonZeros(m.solver()));
        }
    }

    /**
     * With a GPU life of one month and a 6-month hall (a refresh a month while the hall stands and the horizon lasts: cohorts
     * 0 … 6 five each, 7 … 11 four, three, two, one, none: 35 + 10 = 45 refresh columns) the estimate still bounds the model.
     */
    @Test
    void thePlanEstimateBoundsTheBuiltModelWithAGpuLife() {
        ObjectNode json = GpuLifePlanTest.json("'leaseUsdPerGpuHour': 2.0, 'kwPerGpu': 1.0",
                "'gpuLifeYears': %s, 'gpuCapexUsdPerMw': 2.0e6, 'residualValueShare': 0.25, 'hallLifeYears': 0.5".formatted(1.0 / 12.0));
        json.put("months", 12);
        PlanProblem p = problem(json);
        ModelSize est = PlanModelBuilder.estimate(p);
        try (PlanModel m = PlanModelBuilder.build(p, null)) {
            assertThat(com.gridpivot.lp.rows.GpuLifeRows.refreshColumns(p)).isEqualTo(45);
            assertThat(est.rows()).as("rows").isGreaterThanOrEqualTo(m.solver().numConstraints());
            assertThat(est.columns()).as("columns").isGreaterThanOrEqualTo(m.solver().numVariables());
            assertThat(est.nonZeros()).as("non-zeros").isGreaterThanOrEqualTo(nonZeros(m.solver()));
        }
    }

    /**
     * A ten-year HOURLY plan of 20 fleets: 87,648 hours × 20 = 1,752,960 dispatches; the estimate is over 4 GB and the guard
     * refuses it with a 400 on hourModel naming the size and the remedy, before anything is built (the JVM's heap does not
     * grow by the gigabytes the model would take). The same plan with EXACT_BLOCKS passes.
     */
    @Test
    void aModelOfGigabytesIsRefusedBeforeItIsBuilt() {
        ObjectNode json = PlanModelTest.base(2);
        ArrayNode fleets = json.putArray("asicFleets");
        for (int i = 0; i < 20; i++) {
            fleets.addObject().put("name", "F" + i).put("units", 1000).put("hashrateThPerUnit", 100 + i).put("powerWPerUnit", 3000);
        }
        json.put("months", 120);
        json.put("hourModel", "HOURLY");
        PlanProblem p = problem(json);
        assertThat(p.totalHours()).isEqualTo(87_648);
        ModelSize est = PlanModelBuilder.estimate(p);
        assertThat(est.columns()).isGreaterThan(87_648L * 20);
        assertThat(est.bytes()).isGreaterThan(4 * GIB);
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        assertThatThrownBy(() -> PlanService.guard(p, GIB)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.errors()).singleElement().satisfies(f -> {
                assertThat(f.field()).isEqualTo("hourModel");
                assertThat(f.reason()).startsWith("the plan's LP would be ").contains(" rows × ").contains(" GB of memory")
                        .contains("over this server's budget of 1.0 GB (gridpivot.solver.max-model-bytes)")
                        .contains("use hourModel EXACT_BLOCKS");
            });
        });
        long after = rt.totalMemory() - rt.freeMemory();
        assertThat(after - before).isLessThan(est.bytes() / 10);
        json.put("hourModel", "EXACT_BLOCKS");
        PlanService.guard(problem(json), GIB); // exact blocks: a few thousand blocks, far below the budget
        assertThat(PlanModelBuilder.estimate(problem(json)).bytes()).isLessThan(GIB / 10);
    }
}
