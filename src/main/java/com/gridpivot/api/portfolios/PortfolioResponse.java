package com.gridpivot.api.portfolios;

import com.gridpivot.planning.portfolio.PortfolioBody;
import com.gridpivot.planning.store.PortfolioRecord;
import java.time.Instant;

/**
 * A stored portfolio.
 *
 * @param id        its id (a run names it as portfolioId)
 * @param owner     the API key that stored it ("anonymous" without keys)
 * @param name      its name, unique among the owner's portfolios
 * @param createdAt when it was stored
 * @param updatedAt when it was last replaced
 * @param version   incremented by each replacement
 * @param portfolio its sites and shared terms as stored
 */
public record PortfolioResponse(long id, String owner, String name, Instant createdAt, Instant updatedAt, long version, PortfolioBody portfolio) {
    static PortfolioResponse of(PortfolioRecord r) {
        return new PortfolioResponse(r.id(), r.owner(), r.name(), r.createdAt(), r.updatedAt(), r.version(), r.content());
    }
}
