package com.gridpivot.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.jobs.JobStore;
import com.gridpivot.jobs.JobView;
import com.gridpivot.planning.PlanService;
import com.gridpivot.planning.input.CompareRequest;
import com.gridpivot.planning.input.PlanRequest;
import com.gridpivot.planning.result.PlanComparison;
import com.gridpivot.risk.PlanSweepJobHandler;
import com.gridpivot.risk.SweepJobHandler;
import com.gridpivot.risk.runs.RiskRunService;
import com.gridpivot.security.CurrentCaller;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The board pack of a plan comparison: runs the comparison, reads the risk runs it names, then writes its pages as a PDF. */
@ApplicationScoped
public class BoardPackService {
    /** The longest title taken. */
    public static final int MAX_TITLE = 200;

    @Inject
    PlanService plans;

    @Inject
    JobStore jobs;

    @Inject
    ObjectMapper json;

    @Inject
    Instance<CurrentCaller> callers;

    /** The PDF; 400 with every invalid field (as the comparison answers, plus {@code title}, {@code sweepRunId}, {@code monteCarloRunId}). */
    public byte[] pdf(BoardPackRequest request) {
        if (request == null) {
            throw new InvalidRequestException("", "a JSON body with problem and plans is required");
        }
        if (request.title() != null && request.title().strip().length() > MAX_TITLE) {
            throw new InvalidRequestException("title", "at most " + MAX_TITLE + " characters");
        }
        List<FieldError> errors = new ArrayList<>();
        BoardPack.RiskRun sweep = riskRun(request.sweepRunId(), "sweepRunId", Set.of(PlanSweepJobHandler.JOB_KIND, SweepJobHandler.JOB_KIND),
                "a sweep run (PLAN_SWEEP or SWEEP, POST /api/v1/sweeps/runs)", errors);
        BoardPack.RiskRun monteCarlo = riskRun(request.monteCarloRunId(), "monteCarloRunId", Set.of(RiskRunService.MONTE_CARLO),
                "a Monte Carlo run (MONTE_CARLO, POST /api/v1/risk/montecarlo/runs)", errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        PlanComparison comparison = plans.compare(new CompareRequest(request.problem(), request.plans()));
        PlanRequest resolved = plans.snapshot(request.problem()).request();
        return PdfReport.write(BoardPack.html(title(request, resolved), resolved, comparison, new BoardPack.Risk(sweep, monteCarlo)));
    }

    /**
     * The stored run {@code id} names, when it is one of {@code kinds}, finished with a result, and queued by the caller's
     * own API key; otherwise an error naming {@code field} (and null). Null when no id was given.
     */
    private BoardPack.RiskRun riskRun(Long id, String field, Set<String> kinds, String wanted, List<FieldError> errors) {
        if (id == null) {
            return null;
        }
        JobView run = jobs.get(id, true).orElse(null);
        String caller = Arc.container().requestContext().isActive() ? callers.get().name() : "system";
        if (run == null || !caller.equals(run.caller())) {
            // another key's run is not told apart from a missing one
            errors.add(FieldError.of(field, "no run with id " + id + " of this API key; give the id of " + wanted));
            return null;
        }
        if (!kinds.contains(run.kind())) {
            errors.add(FieldError.of(field, "run " + id + " is a " + run.kind() + " run; give the id of " + wanted));
            return null;
        }
        if (!run.status().terminal() || run.resultJson() == null) {
            errors.add(FieldError.of(field, "run " + id + " is " + run.status() + (run.status().terminal() ? " without a result" : ", not finished")
                    + "; give a finished run with a result"));
            return null;
        }
        try {
            return new BoardPack.RiskRun(run.id(), run.kind(), run.status().name(), run.siteName(), run.label(), run.finishedAt(),
                    json.readTree(run.resultJson()));
        } catch (JsonProcessingException e) {
            errors.add(FieldError.of(field, "run " + id + "'s stored result cannot be read: " + e.getOriginalMessage()));
            return null;
        }
    }

    static String title(BoardPackRequest request, PlanRequest resolved) {
        if (request.title() != null && !request.title().isBlank()) {
            return request.title().strip();
        }
        String site = resolved.site() != null && resolved.site().name() != null ? resolved.site().name() : "the site";
        return "Board pack: " + site;
    }
}
