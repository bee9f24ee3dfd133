package com.gridpivot.sites;

import com.gridpivot.errors.ConflictException;
import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.errors.NotFoundException;
import com.gridpivot.persistence.AiOptionEntity;
import com.gridpivot.persistence.AsicFleetEntity;
import com.gridpivot.persistence.Page;
import com.gridpivot.persistence.Persistence;
import com.gridpivot.persistence.SiteEntity;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates, reads, replaces and deletes sites with their ASIC fleets and AI options. Fleets and options are
 * owned by their site: a PUT replaces both lists, a DELETE removes them. Each public method is one transaction.
 */
@ApplicationScoped
public class SiteService {

    @Inject
    EntityManager em;

    /**
     * Stores a new site.
     *
     * @throws InvalidRequestException on invalid fields (400)
     * @throws ConflictException on a duplicate site name or duplicate fleet/option names (409)
     */
    @Transactional
    public SiteResponse create(SiteRequest request) {
        SiteValidator.validate(request);
        checkChildNames(request);
        SiteEntity.findByName(request.name()).ifPresent(other -> {
            throw duplicateName(request.name(), other.id);
        });
        SiteEntity site = new SiteEntity();
        site.createdAt = Persistence.now();
        apply(site, request);
        addChildren(site, request);
        site.persist();
        flush(request.name());
        return toResponse(site);
    }

    /** The site, or {@link NotFoundException} (404). */
    @Transactional
    public SiteResponse get(long id) {
        return toResponse(load(id));
    }

    /** The site, if it exists. */
    @Transactional
    public Optional<SiteResponse> find(long id) {
        return SiteEntity.<SiteEntity>findByIdOptional(id).map(SiteService::toResponse);
    }

    /** Sites ordered by name. */
    @Transactional
    public Page<SiteResponse> list(int page, int size) {
        var query = SiteEntity.<SiteEntity>findAll(Sort.by("name").and("id")).page(page, size);
        return new Page<>(page, size, query.count(), query.list().stream().map(SiteService::toResponse).toList());
    }

    /**
     * Replaces a site's fields, fleets and options. When the request carries a version it must be the stored one.
     *
     * @throws NotFoundException when there is no such site (404)
     * @throws ConflictException on a duplicate name or a stale version (409)
     */
    @Transactional
    public SiteResponse replace(long id, SiteRequest request) {
        SiteValidator.validate(request);
        checkChildNames(request);
        SiteEntity site = load(id);
        if (request.version() != null && request.version() != site.version) {
            throw new ConflictException("version", "is " + request.version() + " but the stored site is at version "
                    + site.version + "; read it again and retry");
        }
        SiteEntity.findByName(request.name()).filter(other -> !other.id.equals(site.id)).ifPresent(other -> {
            throw duplicateName(request.name(), other.id);
        });
        apply(site, request);
        // Remove the old children before inserting the new ones: Hibernate flushes inserts before deletes,
        // which would trip the (site_id, name) unique keys when a fleet keeps its name.
        site.asicFleets.clear();
        site.aiOptions.clear();
        flush(request.name());
        addChildren(site, request);
        flush(request.name());
        return toResponse(site);
    }

    /** Deletes a site with its fleets and options, or throws {@link NotFoundException} (404). */
    @Transactional
    public void delete(long id) {
        load(id).delete();
    }

    private SiteEntity load(long id) {
        return SiteEntity.<SiteEntity>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("no site with id " + id));
    }

    private void flush(String name) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (Persistence.isConstraintViolation(e)) {
                // A concurrent request stored the same name between our check and our insert.
                throw new ConflictException("name", "a site named '" + name + "' already exists, or a fleet or option name is used twice");
            }
            throw e;
        }
    }

    private static ConflictException duplicateName(String name, long otherId) {
        return new ConflictException("name", "a site named '" + name + "' already exists (id " + otherId + ")");
    }

    /** Fleet names and option names must each be unique within the site. */
    private static void checkChildNames(SiteRequest r) {
        List<FieldError> errors = new ArrayList<>();
        duplicates("asicFleets", r.asicFleets() == null ? List.of() : r.asicFleets().stream().map(AsicFleetBody::name).toList(), errors);
        duplicates("aiOptions", r.aiOptions() == null ? List.of() : r.aiOptions().stream().map(AiOptionBody::name).toList(), errors);
        if (!errors.isEmpty()) {
            throw new ConflictException(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
                    : errors.size() + " names are used twice", errors);
        }
    }

    private static void duplicates(String list, List<String> names, List<FieldError> errors) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Integer earlier = first.putIfAbsent(names.get(i), i);
            if (earlier != null) {
                errors.add(FieldError.of(list + "[" + i + "].name",
                        "'" + names.get(i) + "' is already the name of " + list + "[" + earlier + "]"));
            }
        }
    }

    private static void apply(SiteEntity site, SiteRequest r) {
        site.name = r.name();
        site.interconnectMw = r.interconnectMw();
        site.maxAiItMw = r.maxAiItMw();
        site.minAiItMw = r.minAiItMw() == null ? 0.0 : r.minAiItMw();
        site.capexBudgetUsd = r.capexBudgetUsd();
        site.marketNode = r.marketNode();
        site.notes = r.notes();
        site.updatedAt = Persistence.now();
    }

    private static void addChildren(SiteEntity site, SiteRequest r) {
        List<AsicFleetBody> fleets = r.asicFleets() == null ? List.of() : r.asicFleets();
        for (int i = 0; i < fleets.size(); i++) {
            AsicFleetBody f = fleets.get(i);
            AsicFleetEntity e = new AsicFleetEntity();
            e.site = site;
            e.position = i;
            e.name = f.name();
            e.model = f.model();
            e.units = f.units();
            e.hashrateThPerUnit = f.hashrateThPerUnit();
            e.powerWPerUnit = f.powerWPerUnit();
            e.pue = f.pue();
            e.poolFeeFraction = f.poolFeeFraction();
            e.variableOpexUsdPerMwh = f.variableOpexUsdPerMwh();
            e.fixedOpexUsdPerMwYear = f.fixedOpexUsdPerMwYear();
            site.asicFleets.add(e);
        }
        List<AiOptionBody> options = r.aiOptions() == null ? List.of() : r.aiOptions();
        for (int i = 0; i < options.size(); i++) {
            AiOptionBody o = options.get(i);
            AiOptionEntity e = new AiOptionEntity();
            e.site = site;
            e.position = i;
            e.name = o.name();
            e.offering = o.offering();
            e.kind = o.kind();
            e.kwPerGpu = o.kwPerGpu();
            e.leaseUsdPerGpuHour = o.leaseUsdPerGpuHour();
            e.utilization = o.utilization();
            e.colocationUsdPerKwMonth = o.colocationUsdPerKwMonth();
            e.revenueUsdPerMwh = o.revenueUsdPerMwh();
            e.tenantPaysPower = o.tenantPaysPower();
            e.pue = o.pue();
            e.maxItMw = o.maxItMw();
            e.capexUsdPerMw = o.capexUsdPerMw();
            e.variableOpexUsdPerMwh = o.variableOpexUsdPerMwh();
            e.fixedOpexUsdPerMwYear = o.fixedOpexUsdPerMwYear();
            e.leadTimeMonths = o.leadTimeMonths();
            site.aiOptions.add(e);
        }
    }

    static SiteResponse toResponse(SiteEntity s) {
        List<AsicFleetBody> fleets = s.asicFleets.stream()
                .map(f -> new AsicFleetBody(f.name, f.model, f.units, f.hashrateThPerUnit, f.powerWPerUnit, f.pue,
                        f.poolFeeFraction, f.variableOpexUsdPerMwh, f.fixedOpexUsdPerMwYear))
                .toList();
        List<AiOptionBody> options = s.aiOptions.stream()
                .map(o -> new AiOptionBody(o.name, o.offering, o.kind, o.kwPerGpu, o.leaseUsdPerGpuHour, o.utilization,
                        o.colocationUsdPerKwMonth, o.revenueUsdPerMwh, o.tenantPaysPower, o.pue, o.maxItMw,
                        o.capexUsdPerMw, o.variableOpexUsdPerMwh, o.fixedOpexUsdPerMwYear, o.leadTimeMonths))
                .toList();
        return new SiteResponse(s.id, s.name, s.interconnectMw, s.maxAiItMw, s.minAiItMw, s.capexBudgetUsd, s.marketNode,
                s.notes, fleets, options, s.version, s.createdAt, s.updatedAt);
    }
}
