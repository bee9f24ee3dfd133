package com.gridpivot.planning.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.errors.ConflictException;
import com.gridpivot.errors.NotFoundException;
import com.gridpivot.persistence.Page;
import com.gridpivot.persistence.Persistence;
import com.gridpivot.planning.portfolio.PortfolioBody;
import com.gridpivot.planning.portfolio.PortfolioService;
import com.gridpivot.security.CurrentCaller;
import com.gridpivot.security.Role;
import io.quarkus.arc.Arc;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Stored portfolios, each owned by the API key that stored it: the owner and admin keys read, replace and delete it; to
 * any other key it does not exist (404, so ids do not tell what others store). Names are unique per owner. Every write is
 * validated as a portfolio run's sites and shared terms are ({@link PortfolioService#validate(PortfolioBody)}), so a run
 * by {@code portfolioId} fails only on what a run adds (scenario, months, stored prices).
 */
@ApplicationScoped
public class PortfolioStore {
    @Inject
    ObjectMapper json;

    @Inject
    PortfolioService portfolios;

    @Inject
    Instance<CurrentCaller> callers;

    /**
     * Who is asking.
     *
     * @param name  the API key's name ("anonymous" without keys; "system" outside a request)
     * @param admin whether the key is an admin key (sees every owner's portfolios); true outside a request
     */
    public record Owner(String name, boolean admin) {
    }

    /** The current request's key; outside a request (demo data, jobs) the system, which sees everything. */
    public Owner current() {
        if (!Arc.container().requestContext().isActive()) {
            return new Owner("system", true);
        }
        CurrentCaller c = callers.get();
        return new Owner(c.name(), c.role() == Role.ADMIN);
    }

    @Transactional
    public PortfolioRecord create(Owner owner, PortfolioBody body) {
        portfolios.validate(body);
        checkName(owner.name(), body.name(), null);
        PortfolioEntity e = new PortfolioEntity();
        e.owner = owner.name();
        e.name = body.name();
        e.contentJson = write(body);
        e.createdAt = Persistence.now();
        e.updatedAt = e.createdAt;
        e.persist();
        e.flush();
        return record(e);
    }

    /** The portfolio if it exists and the owner may see it. */
    @Transactional
    public PortfolioRecord get(Owner owner, long id) {
        return record(find(owner, id));
    }

    /** One page of the portfolios the owner may see (an admin: all), by name, then id. */
    @Transactional
    public Page<PortfolioRecord> list(Owner owner, int page, int size) {
        var q = owner.admin() ? PortfolioEntity.<PortfolioEntity>findAll(Sort.by("name").and("id"))
                : PortfolioEntity.<PortfolioEntity>find("owner", Sort.by("name").and("id"), owner.name());
        long total = q.count();
        List<PortfolioRecord> items = q.page(io.quarkus.panache.common.Page.of(page, size)).list().stream().map(this::record).toList();
        return new Page<>(page, size, total, items);
    }

    @Transactional
    public PortfolioRecord update(Owner owner, long id, PortfolioBody body) {
        PortfolioEntity e = find(owner, id);
        portfolios.validate(body);
        checkName(e.owner, body.name(), id);
        e.name = body.name();
        e.contentJson = write(body);
        e.updatedAt = Persistence.now();
        e.flush();
        return record(e);
    }

    @Transactional
    public void delete(Owner owner, long id) {
        find(owner, id).delete();
    }

    private PortfolioEntity find(Owner owner, long id) {
        PortfolioEntity e = PortfolioEntity.findById(id);
        if (e == null || !(owner.admin() || e.owner.equals(owner.name()))) {
            throw new NotFoundException("no portfolio with id " + id);
        }
        return e;
    }

    private void checkName(String owner, String name, Long self) {
        PortfolioEntity other = PortfolioEntity.find("owner = ?1 and name = ?2", owner, name).firstResult();
        if (other != null && !other.id.equals(self)) {
            throw new ConflictException("name", "a portfolio named '" + name + "' already exists (id " + other.id + ")");
        }
    }

    private String write(PortfolioBody body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    PortfolioRecord record(PortfolioEntity e) {
        try {
            return new PortfolioRecord(e.id, e.owner, e.name, json.readValue(e.contentJson, PortfolioBody.class), e.createdAt, e.updatedAt,
                    e.version);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
