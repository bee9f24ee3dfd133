package com.gridpivot.planning.store;

import com.gridpivot.planning.portfolio.PortfolioBody;
import java.time.Instant;

/** A stored portfolio as services return it. */
public record PortfolioRecord(long id, String owner, String name, PortfolioBody content, Instant createdAt, Instant updatedAt, long version) {
}
