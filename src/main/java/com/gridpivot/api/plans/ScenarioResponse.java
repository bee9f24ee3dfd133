package com.gridpivot.api.plans;

import java.time.Instant;

/** A stored scenario. */
public record ScenarioResponse(long id, String name, Instant createdAt, Instant updatedAt, long version, ScenarioBody scenario) {
}
