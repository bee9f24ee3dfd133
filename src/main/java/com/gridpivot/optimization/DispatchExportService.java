package com.gridpivot.optimization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.catalog.Catalog;
import com.gridpivot.errors.ConflictException;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.errors.NotFoundException;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblemAssembler;
import com.gridpivot.optimization.input.AllocationRequest;
import com.gridpivot.optimization.result.AllocationOutcome;
import com.gridpivot.optimization.result.DispatchCsv;
import com.gridpivot.persistence.AllocationRunRecord;
import com.gridpivot.persistence.AllocationRunService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Reproduces a recorded run from its resolved request (the inline numbers it was solved with) and writes its hourly
 * dispatch. The hourly detail is not stored: the LP is deterministic, and the reproduced objective is checked
 * against the recorded one, so a changed model or catalog cannot pass off a different answer as the old one.
 */
@ApplicationScoped
public class DispatchExportService {
    private final AllocationRunService runs;
    private final ObjectMapper json;
    private final AllocationProblemAssembler assembler;

    public DispatchExportService(AllocationRunService runs, ObjectMapper json, Catalog catalog, SolverConfig config) {
        this.runs = runs;
        this.json = json;
        // A recorded run was solved within the server's limit; give the reproduction the same room.
        this.assembler = new AllocationProblemAssembler(catalog, config.defaultSolver(), config.timeLimitSeconds());
    }

    public record Export(String csv, double objectiveUsd) {
    }

    public Export export(long runId) {
        AllocationRunRecord run = runs.get(runId).orElseThrow(() -> new NotFoundException("no allocation run " + runId));
        if (run.objectiveUsd() == null) {
            throw new NotFoundException("allocation run " + runId + " has no solution (status " + run.status() + ")");
        }
        AllocationRequest request;
        try {
            request = json.readValue(run.resolvedRequestJson() != null ? run.resolvedRequestJson() : run.requestJson(), AllocationRequest.class);
        } catch (JsonProcessingException e) {
            throw new ConflictException("allocation run " + runId + " has a stored request this version cannot read: " + e.getOriginalMessage(), List.of());
        }
        AllocationProblem problem;
        try {
            problem = assembler.assemble(request);
        } catch (InvalidRequestException e) {
            // The GET has no fields of its own to blame: a stored request that this version's checks refuse is a conflict
            // between the run and the service as it is now.
            throw new ConflictException("allocation run " + runId + " has a stored request that this version's checks refuse: "
                    + e.getMessage(), List.of());
        }
        AllocationOutcome out = AllocationEngine.solve(problem);
        double recorded = run.objectiveUsd();
        if (out.result().economics() == null
                || Math.abs(out.result().economics().netUsd() - recorded) > 1e-6 * Math.max(1.0, Math.abs(recorded))) {
            throw new ConflictException("allocation run " + runId + " no longer solves to its recorded objective of " + recorded
                    + " USD; the model or catalog changed since it was recorded", List.of());
        }
        Instant start = startOf(request);
        return new Export(DispatchCsv.write(problem, out, start), recorded);
    }

    private static Instant startOf(AllocationRequest request) {
        String start = request.market() == null ? null : request.market().startUtc();
        return start == null ? null : Instant.parse(start);
    }

    /** For tests and diagnostics: the stored result as a tree. */
    JsonNode result(AllocationRunRecord run) throws JsonProcessingException {
        return json.readTree(run.resultJson());
    }
}
