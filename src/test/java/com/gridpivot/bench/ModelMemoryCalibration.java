package com.gridpivot.bench;

import com.gridpivot.lp.LpSolver;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.optimization.input.AllocationProblem.RevenueBasis;
import com.gridpivot.optimization.input.AllocationProblem.SiteSpec;
import com.gridpivot.optimization.input.HourAggregation;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.optimization.model.AllocationModel;
import com.gridpivot.optimization.model.AllocationModelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Calibrates the memory guard's bytes per row, column and non-zero (lp.ModelSize): builds and solves the naive
 * (hourAggregation NONE) what-if of F fleets over H hours in a fresh JVM and prints the model's size, the estimate and the
 * process's peak RSS growth (VmHWM) and Java heap.
 * <pre>
 *   java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/cp.txt)" com.gridpivot.bench.ModelMemoryCalibration 20 8784 GLOP 30
 * </pre>
 */
public final class ModelMemoryCalibration {
    public static void main(String[] args) throws Exception {
        int fleets = Integer.parseInt(args[0]);
        int hours = Integer.parseInt(args[1]);
        SolverKind kind = SolverKind.valueOf(args[2]);
        double limit = Double.parseDouble(args[3]);
        double[] price = new double[hours];
        double[] hash = new double[hours];
        for (int t = 0; t < hours; t++) {
            price[t] = 40 + 30 * Math.sin(t / 5.0) + (t % 89 == 0 ? 600 : 0);
            hash[t] = 50 + 5 * Math.sin(t / 300.0);
        }
        List<FleetSpec> f = new ArrayList<>();
        for (int i = 0; i < fleets; i++) {
            f.add(new FleetSpec("F" + i, null, 1000, 100 + 3 * i, 3000, 1.05, 0.0, 1.0, 0.0));
        }
        List<AiOptionSpec> ai = List.of(new AiOptionSpec("AI", null, RevenueBasis.FLAT_PER_MWH, 130.0, false, 1.2, 50.0, 1e6, 2.0, 0.0));
        AllocationProblem p = new AllocationProblem(new SiteSpec("cal", 50.0, 40.0, 0.0, Double.POSITIVE_INFINITY), f, ai, price, hash,
                0.1, 5, kind, HourAggregation.NONE, limit);
        long rss0 = hwmKb();
        try (AllocationModel m = AllocationModelBuilder.build(p)) {
            long built = hwmKb();
            var o = LpSolver.solve(m.solver(), kind, limit, 1e-6);
            long solved = hwmKb();
            Runtime rt = Runtime.getRuntime();
            double heapMb = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
            var proto = m.solver().exportModelToProto();
            long nnz = 0;
            for (int i = 0; i < proto.getConstraintCount(); i++) {
                nnz += proto.getConstraint(i).getVarIndexCount();
            }
            System.out.printf("fleets=%d hours=%d kind=%s rows=%d cols=%d status=%s solveMs=%.0f builtRssMb=%.0f solvedRssMb=%.0f heapMb=%.0f nnz=%d%n",
                    fleets, hours, kind, m.solver().numConstraints(), m.solver().numVariables(), o.status(), o.solveMs(),
                    (built - rss0) / 1024.0, (solved - rss0) / 1024.0, heapMb, nnz);
        }
    }

    static long hwmKb() throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmHWM:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
