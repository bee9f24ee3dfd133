package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.ForcedCurtailment;
import com.gridpivot.optimization.model.HourBlock;
import java.util.List;

/**
 * A large-load curtailment order (Texas SB 6; issue 16 item 5; models/README.md, "Forced curtailment"). Symbols: C the forced
 * hours, L̂ = {@code limitMw} the grid site power allowed in them, D_bi the IT MW of fleet i in each hour of block b, yⱼ the AI
 * IT MW, B_C the blocks made of forced hours (the hour merging never mixes forced and free hours, {@code HourBlocks}).
 *
 * <p>Mining stops: its site power in a forced hour is limited, and the hours' margins are simply lost. The AI load is firm:
 * under BACKUP_POWER it runs on backup power in C (its energy cost there is the backup cost, in aⱼ through
 * {@link AllocationProblem#aiEnergyCostUsdPerMwh}) and draws nothing from the grid, so its coefficient in interconnect[b] is
 * 0 for b ∈ B_C; under COUNTED it stays on the grid and counts against L̂.
 */
public final class ForcedCurtailmentRows {
    private ForcedCurtailmentRows() {
    }

    /**
     * forcedCurtailmentMw[b], b ∈ B_C:  Σ_{i active in b} pueᵢ D_bi + [COUNTED] Σⱼ pueⱼ yⱼ ≤ L̂   (MW of grid site power).
     * Under BACKUP_POWER also interconnect[b] loses its yⱼ terms for b ∈ B_C. Returns the rows (null for free blocks); no
     * rows without an order.
     */
    public static MPConstraint[] add(MPSolver s, AllocationProblem p, List<HourBlock> blocks, MPVariable[][] d, MPVariable[] y,
                                     MPConstraint[] interconnect) {
        ForcedCurtailment f = p.forcedCurtailment();
        MPConstraint[] rows = new MPConstraint[blocks.size()];
        if (!f.active()) {
            return rows;
        }
        for (int b = 0; b < blocks.size(); b++) {
            HourBlock block = blocks.get(b);
            if (!forcedBlock(f, block)) {
                continue;
            }
            MPConstraint row = Lp.row(s, -Lp.inf(), f.limitMw(), LpNames.of("forcedCurtailmentMw", block.label()));
            for (int k = 0; k < d[b].length; k++) {
                row.setCoefficient(d[b][k], p.fleets().get(block.activeFleets()[k]).pue());
            }
            for (int j = 0; j < y.length; j++) {
                if (f.aiLoad() == ForcedCurtailment.AiLoad.COUNTED) {
                    row.setCoefficient(y[j], p.aiOptions().get(j).pue());
                } else if (interconnect != null && interconnect[b] != null) {
                    interconnect[b].setCoefficient(y[j], 0.0);
                }
            }
            rows[b] = row;
        }
        return rows;
    }

    /** Whether a block is made of forced hours; a block mixing forced and free hours is a defect of the merging. */
    public static boolean forcedBlock(ForcedCurtailment f, HourBlock block) {
        boolean first = f.isForced(block.hours()[0]);
        for (int t : block.hours()) {
            if (f.isForced(t) != first) {
                throw new IllegalStateException("block " + block.label() + " mixes forced curtailment hours and free hours");
            }
        }
        return first;
    }
}
