package com.gridpivot.demo;

import com.gridpivot.planning.store.ScenarioRecord;
import com.gridpivot.planning.store.ScenarioService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo scenarios that fit the demo site (HB_WEST, its fleets and AI options): a base case from the history in the
 * demo data, a bear case (BTC toward $40k) and a bull case (BTC toward $150k, the market brief's Bernstein target). Each
 * is a JSON file under {@code demo/scenarios/} (the body of {@code POST /api/v1/scenarios}) whose description names its
 * sources; see {@code demo/PROVENANCE.md}.
 */
@ApplicationScoped
public class DemoScenarios {
    /** The files, in the order they are stored. */
    static final List<String> FILES = List.of("scenarios/base.json", "scenarios/bear.json", "scenarios/bull.json");
    /** Name of the base case, the one a first look runs on. */
    public static final String BASE_NAME = "Base case (demo)";

    @Inject
    ScenarioService scenarios;

    /**
     * Stores every demo scenario whose name is not stored yet.
     *
     * @return per file what was done
     */
    public List<String> load() {
        List<String> done = new ArrayList<>();
        for (String file : FILES) {
            Optional<ScenarioRecord> r = scenarios.createUnlessNamed(new String(DemoDataLoader.resource(file), StandardCharsets.UTF_8));
            done.add(file + ": " + r.map(x -> "created '" + x.name() + "' id " + x.id()).orElse("exists already"));
        }
        return done;
    }
}
