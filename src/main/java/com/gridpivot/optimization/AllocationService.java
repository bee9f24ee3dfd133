package com.gridpivot.optimization;

import com.gridpivot.api.allocation.AllocationRequest;
import com.gridpivot.catalog.Catalog;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblemAssembler;
import com.gridpivot.optimization.result.AllocationOutcome;
import jakarta.enterprise.context.ApplicationScoped;

/** Validates a what-if, solves it and returns the answer. */
@ApplicationScoped
public class AllocationService {
    private final AllocationProblemAssembler assembler;

    public AllocationService(Catalog catalog, SolverConfig config) {
        this.assembler = new AllocationProblemAssembler(catalog, config.defaultSolver(), config.timeLimitSeconds());
    }

    /** Throws {@link com.gridpivot.api.InvalidRequestException} listing every invalid field. */
    public AllocationProblem validate(AllocationRequest request) {
        return assembler.assemble(request);
    }

    public AllocationOutcome allocate(AllocationRequest request) {
        return AllocationEngine.solve(validate(request));
    }
}
