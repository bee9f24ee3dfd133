package com.gridpivot.api.plans;

import com.gridpivot.planning.input.ScenarioBody;
import java.time.Instant;

/** A stored scenario. */
public record ScenarioResponse(long id, String name, Instant createdAt, Instant updatedAt, long version, ScenarioBody scenario) {
}
