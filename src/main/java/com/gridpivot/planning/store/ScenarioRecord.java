package com.gridpivot.planning.store;

import com.gridpivot.planning.input.ScenarioBody;
import java.time.Instant;

/** A stored scenario as services return it. */
public record ScenarioRecord(long id, String name, ScenarioBody content, Instant createdAt, Instant updatedAt, long version) {
}
