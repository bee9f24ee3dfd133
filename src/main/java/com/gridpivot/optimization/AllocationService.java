package com.gridpivot.optimization;

import com.gridpivot.jobs.RunTags;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.catalog.Catalog;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblemAssembler;
import com.gridpivot.optimization.input.AllocationRequest;
import com.gridpivot.optimization.input.RequestResolver;
import com.gridpivot.optimization.model.AllocationModel;
import com.gridpivot.optimization.model.AllocationModelBuilder;
import com.gridpivot.lp.MpsWriter;
import com.gridpivot.optimization.result.AllocationOutcome;
import com.gridpivot.optimization.result.AllocationResult;
import com.gridpivot.persistence.AllocationRunService;
import com.gridpivot.persistence.SolverStats;
import com.gridpivot.lp.SolveGate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The what-if pipeline behind {@code POST /api/v1/allocations}: parse → resolve references → validate → solve →
 * record the run (request as sent, resolved request, answer, solver statistics, time, caller).
 */
@ApplicationScoped
public class AllocationService {
    private final AllocationProblemAssembler assembler;
    private final RequestResolver resolver;
    private final AllocationRunService runs;
    private final ObjectMapper json;

    private final SolveGate gate;
    private final MeterRegistry metrics;
    private final long maxModelBytes;

    public AllocationService(Catalog catalog, SolverConfig config, RequestResolver resolver, AllocationRunService runs, ObjectMapper json,
                             SolveGate gate, MeterRegistry metrics) {
        this.maxModelBytes = config.maxModelBytes();
        this.assembler = new AllocationProblemAssembler(catalog, config.defaultSolver(), config.timeLimitSeconds(),
                config.maxFleets(), config.maxAiOptions());
        this.resolver = resolver;
        this.runs = runs;
        this.json = json;
        this.gate = gate;
        this.metrics = metrics;
    }

    /** The memory guard: a what-if whose LP would exceed gridpivot.solver.max-model-bytes is refused before it is built. */
    void guard(AllocationProblem problem) {
        boolean naive = problem.hourAggregation() == com.gridpivot.optimization.input.HourAggregation.NONE;
        AllocationModelBuilder.estimate(problem).refuseOver(maxModelBytes, naive ? "hourAggregation" : "market", "the what-if's LP",
                naive ? "use hourAggregation EXACT (the same optimum: hours merged exactly), fewer hours or fewer fleets"
                        : "give fewer hours (a shorter horizon) or fewer fleets");
    }

    /** Solves within a solver slot and records the solve time by solver, model form and status. */
    private AllocationOutcome solve(AllocationProblem problem) {
        guard(problem);
        AllocationOutcome out = gate.run(() -> AllocationEngine.solve(problem));
        var st = out.result().solver();
        Timer.builder("gridpivot.solve").description("what-if solve time (build + solve + results)")
                .tag("solver", st.name()).tag("model", st.hourAggregation()).tag("status", out.result().status().name())
                .publishPercentileHistogram().register(metrics)
                .record(java.time.Duration.ofNanos((long) (st.wallMs() * 1e6)));
        metrics.counter("gridpivot.allocation.runs", "status", out.result().status().name()).increment();
        return out;
    }

    /** Parses a request body; malformed JSON and wrong types surface as Jackson exceptions (400 problem+json). */
    public AllocationRequest parse(String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("", "a JSON request body is required");
        }
        return json.readValue(body, AllocationRequest.class);
    }

    /** The request with its references (stored site, series) resolved to inline numbers; inline requests as they are. */
    public AllocationRequest resolveInline(AllocationRequest request) {
        return resolver.resolve(request).request();
    }

    /** Throws {@link InvalidRequestException} listing every invalid field. */
    public AllocationProblem validate(AllocationRequest request) {
        AllocationProblem p = assembler.assemble(resolver.resolve(request).request());
        guard(p);
        return p;
    }

    /** Solves without recording (exports, re-runs). */
    public AllocationOutcome allocate(AllocationRequest request) {
        RequestResolver.Resolved resolved = resolver.resolve(request);
        List<String> warnings = new ArrayList<>();
        AllocationOutcome out = solve(assembler.assemble(resolved.request(), warnings));
        return new AllocationOutcome(out.result().withInputWarnings(warnings).withRun(resolved.inputs(), null), out.dispatchMw(), out.facilityMw());
    }

    /** Solves the body and records the run; the answer carries the run's id. */
    public AllocationOutcome allocateAndRecord(String body, String caller) throws JsonProcessingException {
        AllocationRequest request = parse(body);
        String label = RunTags.checkedLabel(request.label(), "label");
        RequestResolver.Resolved resolved = resolver.resolve(request);
        List<String> warnings = new ArrayList<>();
        AllocationProblem problem = assembler.assemble(resolved.request(), warnings);
        AllocationOutcome out = solve(problem);
        AllocationResult result = out.result().withInputWarnings(warnings).withRun(resolved.inputs(), null);
        var st = result.solver();
        RunTags tags = new RunTags(resolved.request().site() == null ? null : resolved.request().site().name(), label);
        long runId = runs.record(caller, request.siteId(), tags, body, resolved.usedReferences() ? write(resolved.request()) : null,
                write(result), result.status().name(), result.economics() == null ? null : result.economics().netUsd(),
                new SolverStats(st.name(), Math.round(st.wallMs()), st.variables(), st.constraints()));
        return new AllocationOutcome(result.withRun(resolved.inputs(), runId), out.dispatchMw(), out.facilityMw());
    }

    /** The LP of a request in MPS format, built but not solved. */
    public String modelMps(String body) throws JsonProcessingException {
        AllocationProblem problem = validate(parse(body));
        try (AllocationModel m = AllocationModelBuilder.build(problem)) {
            return MpsWriter.write(m.solver(), problem.site().name());
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
