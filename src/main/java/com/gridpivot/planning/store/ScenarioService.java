package com.gridpivot.planning.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.catalog.Catalog;
import com.gridpivot.errors.ConflictException;
import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.persistence.Persistence;
import com.gridpivot.planning.input.PlanProblemAssembler;
import com.gridpivot.planning.input.PlanRequest;
import com.gridpivot.planning.input.PlanRequest.PlanAiOptionInput;
import com.gridpivot.planning.input.ScenarioBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stored scenarios: validated on write (every field by its JSON path), unique by name. */
@ApplicationScoped
public class ScenarioService {
    @Inject
    ObjectMapper json;

    @Inject
    Catalog catalog;

    @Transactional
    public ScenarioRecord create(ScenarioBody body) {
        validate(body);
        checkName(body.name(), null);
        ScenarioEntity e = new ScenarioEntity();
        e.name = body.name();
        e.contentJson = write(body);
        e.createdAt = Persistence.now();
        e.updatedAt = e.createdAt;
        e.persist();
        e.flush();
        return record(e);
    }

    /**
     * Stores a scenario given as the JSON of a scenario body, validated as {@link #create}, unless a scenario of its name
     * is stored already (the demo data's idempotent create).
     *
     * @return the stored scenario, or empty when its name exists
     */
    @Transactional
    public Optional<ScenarioRecord> createUnlessNamed(String bodyJson) {
        ScenarioBody body;
        try {
            body = json.readValue(bodyJson, ScenarioBody.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (body != null && body.name() != null && ScenarioEntity.count("name", body.name()) > 0) {
            return Optional.empty();
        }
        return Optional.of(create(body));
    }

    @Transactional
    public Optional<ScenarioRecord> get(long id) {
        return ScenarioEntity.<ScenarioEntity>findByIdOptional(id).map(this::record);
    }

    @Transactional
    public List<ScenarioRecord> list() {
        return ScenarioEntity.<ScenarioEntity>listAll(io.quarkus.panache.common.Sort.by("name")).stream().map(this::record).toList();
    }

    @Transactional
    public Optional<ScenarioRecord> update(long id, ScenarioBody body) {
        ScenarioEntity e = ScenarioEntity.findById(id);
        if (e == null) {
            return Optional.empty();
        }
        validate(body);
        checkName(body.name(), id);
        e.name = body.name();
        e.contentJson = write(body);
        e.updatedAt = Persistence.now();
        e.flush();
        return Optional.of(record(e));
    }

    @Transactional
    public boolean delete(long id) {
        return ScenarioEntity.deleteById(id);
    }

    private void checkName(String name, Long self) {
        ScenarioEntity other = ScenarioEntity.find("name", name).firstResult();
        if (other != null && !other.id.equals(self)) {
            throw new ConflictException("name", "a scenario named '" + name + "' already exists (id " + other.id + ")");
        }
    }

    /**
     * Checks every field of the scenario by assembling a one-month plan around it (one flat AI option per option override,
     * stored energy prices assumed present); errors keep the scenario's own paths (without the "scenario." prefix).
     */
    void validate(ScenarioBody body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null) {
            throw new InvalidRequestException("", "a JSON request body is required");
        }
        if (body.name() == null || body.name().isBlank()) {
            errors.add(FieldError.of("name", "is required"));
        } else if (body.name().length() > 200) {
            errors.add(FieldError.of("name", "is longer than 200 characters"));
        }
        List<PlanAiOptionInput> options = new ArrayList<>();
        if (body.ai() != null && body.ai().options() != null) {
            // A probe option per override, with a revenue basis only where the override gives none.
            body.ai().options().forEach((n, ov) -> {
                boolean lease = ov != null && ov.leaseUsdPerGpuHour() != null;
                boolean any = ov != null && (lease || ov.colocationUsdPerKwMonth() != null || ov.revenueUsdPerMwh() != null);
                options.add(new PlanAiOptionInput(n, null, lease ? 1.0 : null, null, null, null, any ? null : 1.0, null, null, null, null, null,
                        null, null, null));
            });
        }
        PlanRequest probe = new PlanRequest(null, body, new PlanRequest.PlanSiteInput(null, 1.0, null, null, null, null), List.of(), options,
                null, YearMonth.now().toString(), 1.0, null, null, null);
        try {
            new PlanProblemAssembler(catalog, SolverKind.GLOP, 1).assemble(probe, body, (node, year) -> new double[8784]);
        } catch (InvalidRequestException e) {
            for (FieldError f : e.errors()) {
                if (f.field().startsWith("scenario.")) {
                    errors.add(FieldError.of(f.field().substring("scenario.".length()), f.reason()));
                } else if (f.field().startsWith("aiOptions")) {
                    errors.add(FieldError.of("ai.options", f.reason()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private String write(ScenarioBody body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    ScenarioRecord record(ScenarioEntity e) {
        try {
            return new ScenarioRecord(e.id, e.name, json.readValue(e.contentJson, ScenarioBody.class), e.createdAt, e.updatedAt, e.version);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
