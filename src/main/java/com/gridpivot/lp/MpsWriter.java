package com.gridpivot.lp;

import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariableProto;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a built model as free-format MPS at full double precision. OR-Tools' own
 * {@code exportModelAsMpsFormat} prints 6 significant digits (e.g. {@code 3.57214e+06}), which moves the objective of
 * a year-long what-if by ~3e-7 relative: too coarse for a cross-check at 1e-7. Numbers here use the shortest decimal
 * that reads back as the same double.
 */
public final class MpsWriter {
    private static final String OBJ = "COST";

    private MpsWriter() {
    }

    public static String write(MPSolver solver, String modelName) {
        MPModelProto m = solver.exportModelToProto();
        StringBuilder out = new StringBuilder(1 << 16);
        out.append("NAME ").append(modelName.replaceAll("\\s+", "_")).append('\n');
        out.append("OBJSENSE\n    ").append(m.getMaximize() ? "MAX" : "MIN").append('\n');
        out.append("ROWS\n N  ").append(OBJ).append('\n');
        List<List<int[]>> entries = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        for (int j = 0; j < m.getVariableCount(); j++) {
            entries.add(new ArrayList<>());
            values.add(new ArrayList<>());
        }
        for (int r = 0; r < m.getConstraintCount(); r++) {
            MPConstraintProto c = m.getConstraint(r);
            out.append(' ').append(rowType(c)).append("  ").append(c.getName()).append('\n');
            for (int k = 0; k < c.getVarIndexCount(); k++) {
                entries.get(c.getVarIndex(k)).add(new int[] {r});
                values.get(c.getVarIndex(k)).add(c.getCoefficient(k));
            }
        }
        out.append("COLUMNS\n");
        for (int j = 0; j < m.getVariableCount(); j++) {
            MPVariableProto v = m.getVariable(j);
            if (v.getObjectiveCoefficient() != 0.0) {
                out.append("    ").append(v.getName()).append(' ').append(OBJ).append(' ').append(num(v.getObjectiveCoefficient())).append('\n');
            }
            for (int k = 0; k < entries.get(j).size(); k++) {
                out.append("    ").append(v.getName()).append(' ').append(m.getConstraint(entries.get(j).get(k)[0]).getName())
                        .append(' ').append(num(values.get(j).get(k))).append('\n');
            }
        }
        out.append("RHS\n");
        if (m.getObjectiveOffset() != 0.0) {
            out.append("    RHS ").append(OBJ).append(' ').append(num(-m.getObjectiveOffset())).append('\n');
        }
        StringBuilder ranges = new StringBuilder();
        for (int r = 0; r < m.getConstraintCount(); r++) {
            MPConstraintProto c = m.getConstraint(r);
            double lo = c.getLowerBound();
            double hi = c.getUpperBound();
            double rhs = switch (rowType(c)) {
                case "L" -> hi;
                case "G", "E" -> lo;
                default -> 0.0;
            };
            if (rhs != 0.0) {
                out.append("    RHS ").append(c.getName()).append(' ').append(num(rhs)).append('\n');
            }
            if (Double.isFinite(lo) && Double.isFinite(hi) && lo != hi) {
                ranges.append("    RNG ").append(c.getName()).append(' ').append(num(hi - lo)).append('\n');
            }
        }
        if (ranges.length() > 0) {
            out.append("RANGES\n").append(ranges);
        }
        out.append("BOUNDS\n");
        for (int j = 0; j < m.getVariableCount(); j++) {
            MPVariableProto v = m.getVariable(j);
            double lo = v.getLowerBound();
            double hi = v.getUpperBound();
            String n = v.getName();
            if (lo == hi) {
                out.append(" FX BND ").append(n).append(' ').append(num(lo)).append('\n');
                continue;
            }
            if (Double.isInfinite(lo) && Double.isInfinite(hi)) {
                out.append(" FR BND ").append(n).append('\n');
                continue;
            }
            if (Double.isInfinite(lo)) {
                out.append(" MI BND ").append(n).append('\n');
            } else if (lo != 0.0) {
                out.append(" LO BND ").append(n).append(' ').append(num(lo)).append('\n');
            }
            if (Double.isFinite(hi)) {
                out.append(" UP BND ").append(n).append(' ').append(num(hi)).append('\n');
            }
        }
        out.append("ENDATA\n");
        return out.toString();
    }

    /** Rows with both bounds finite and different are written as G rows with a range. */
    private static String rowType(MPConstraintProto c) {
        double lo = c.getLowerBound();
        double hi = c.getUpperBound();
        if (lo == hi) {
            return "E";
        }
        if (Double.isFinite(lo)) {
            return "G";
        }
        return Double.isFinite(hi) ? "L" : "N";
    }

    private static String num(double v) {
        return Double.toString(v);
    }
}
