package com.gridpivot.planning;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gridpivot.catalog.Catalog;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.input.EnergySource;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblemAssembler;
import com.gridpivot.planning.input.PlanRequest;

/** Builds plan problems from request JSON (single quotes allowed) and solves them without Quarkus. */
public final class PlanTestSupport {
    public static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    public static final PlanProblemAssembler ASSEMBLER = new PlanProblemAssembler(Catalog.load(), SolverKind.GLOP, 120);
    /** Difficulty × 2³² = 2.7e23, so 86,400·10¹²/(difficulty·2³²) × 3.125 BTC = 1e-6 BTC per TH/s per day. */
    public static final double D_STAR = 2.7e23 / 4294967296.0;

    private PlanTestSupport() {
    }

    public static ObjectNode node(String json) {
        try {
            return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static PlanProblem problem(ObjectNode json, EnergySource energy) {
        try {
            PlanRequest req = JSON.treeToValue(json, PlanRequest.class);
            return ASSEMBLER.assemble(req, req.scenario(), energy);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static PlanProblem problem(ObjectNode json) {
        return problem(json, (node, year) -> {
            throw new IllegalArgumentException("no stored prices in this test");
        });
    }
}
