package com.gridpivot.optimization;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.catalog.Catalog;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblemAssembler;
import com.gridpivot.optimization.input.AllocationRequest;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.optimization.result.AllocationResult;

/** Builds problems from request JSON (the public contract) and solves them without Quarkus. */
public final class EngineTestSupport {
    public static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    public static final Catalog CATALOG = Catalog.load();
    private static final AllocationProblemAssembler ASSEMBLER = new AllocationProblemAssembler(CATALOG, SolverKind.GLOP, 60);

    private EngineTestSupport() {
    }

    public static AllocationRequest request(String json) {
        try {
            return JSON.readValue(json.replace('\'', '"'), AllocationRequest.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static AllocationProblem problem(String json) {
        return ASSEMBLER.assemble(request(json));
    }

    /** The request with "solver" and "hourAggregation" set, solved. */
    public static AllocationResult solve(String json, String solver, String aggregation) {
        String body = json.trim();
        body = body.substring(0, body.length() - 1) + ", 'solver': '" + solver + "', 'hourAggregation': '" + aggregation + "'}";
        return AllocationEngine.solve(problem(body)).result();
    }
}
