package com.gridpivot.planning.portfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.errors.NotFoundException;
import com.gridpivot.jobs.JobRunner;
import com.gridpivot.jobs.JobView;
import com.gridpivot.jobs.RunTags;
import com.gridpivot.lp.ModelSize;
import com.gridpivot.optimization.input.FieldChecks;
import com.gridpivot.planning.PlanService;
import com.gridpivot.planning.PlanService.PlanRunInput;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.FixedPlanBody;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PortfolioFixedPlan;
import com.gridpivot.planning.input.PlanRequest;
import com.gridpivot.planning.input.PlanRequest.PlanSiteInput;
import com.gridpivot.planning.input.PortfolioProblem;
import com.gridpivot.planning.input.ScenarioBody;
import com.gridpivot.planning.input.ScenarioBody.EnergyAssumptions;
import com.gridpivot.planning.model.PlanModelBuilder;
import com.gridpivot.planning.store.PortfolioStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Portfolio plan runs. Each site is validated and snapshotted as a plan request of its own (its energy replacing the
 * scenario's; its stored prices copied), its errors named under {@code sites[k]}; the shared terms are validated here. The
 * run is stored with the complete snapshot before the 202 and solved by {@link PortfolioJobHandler}.
 */
@ApplicationScoped
public class PortfolioService {
    public static final String JOB_KIND = "PORTFOLIO_PLAN";
    /** Most sites in one portfolio run. */
    public static final int MAX_SITES = 20;
    /** Longest stored portfolio name and description (as a scenario's). */
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 4000;

    @Inject
    ObjectMapper json;

    @Inject
    PlanService plans;

    @Inject
    JobRunner runner;

    @Inject
    PortfolioStore store;

    /**
     * A run's stored input: each site's plan snapshot (scenario inline, replayed prices copied) and the shared terms resolved.
     *
     * @param names            the sites' names, in order
     * @param sites            each site's plan snapshot (its own finance unused)
     * @param startingCashUsd  the company's starting cash
     * @param cashFloorUsd     −creditLineUsd
     * @param treasuryBtc      the company's BTC
     * @param capexBudgetUsdByYear budget by plan year (empty: none)
     * @param crewMwPerMonth   crews, or +∞ (stored as null)
     * @param relocations      the relocation routes as validated (toFleet and downtimeMonths filled in); null in runs stored
     *                         before relocations existed
     * @param fixedPlans       the fixed plans to compare, as sent and validated (null or empty: none)
     */
    public record PortfolioRunInput(List<String> names, List<PlanRunInput> sites, double startingCashUsd, double cashFloorUsd,
                                    double treasuryBtc, List<Double> capexBudgetUsdByYear, Double crewMwPerMonth,
                                    List<PortfolioRequest.RelocationInput> relocations, List<PortfolioFixedPlanBody> fixedPlans) {
    }

    /**
     * Validates and snapshots a request: 400 listing every invalid field, named as sent (e.g. {@code sites[1].interconnectMw});
     * a stored portfolio named by {@code portfolioId} is copied in (400 on portfolioId when the caller's key cannot see it).
     */
    public PortfolioRunInput snapshot(PortfolioRequest req) {
        if (req == null) {
            throw new InvalidRequestException("", "a JSON request body is required");
        }
        if (req.portfolioId() != null) {
            if (req.sites() != null || req.shared() != null || req.relocations() != null) {
                throw new InvalidRequestException("portfolioId", "give portfolioId or inline sites, shared and relocations, not both");
            }
            PortfolioBody stored;
            try {
                stored = store.get(store.current(), req.portfolioId()).content();
            } catch (NotFoundException e) {
                throw new InvalidRequestException("portfolioId", "no stored portfolio with id " + req.portfolioId());
            }
            req = req.withPortfolio(stored);
        }
        PortfolioRunInput input = check(req, plans::snapshot);
        guard(input);
        if (!input.fixedPlans().isEmpty()) {
            fixedPlans(problem(input, new ArrayList<>()), input);
        }
        return input;
    }

    /** Most fixed plans in one portfolio run. */
    public static final int MAX_FIXED_PLANS = 10;

    /**
     * Resolves a run's fixed plans against its problem: 400 naming {@code fixedPlans[k].…} for an unknown site, option,
     * fleet or route, a month outside the horizon, a negative amount, a move that would arrive after the horizon, or a
     * treasury sale without a treasury.
     */
    public static List<PortfolioFixedPlan> fixedPlans(PortfolioProblem pp, PortfolioRunInput input) {
        FieldChecks c = new FieldChecks();
        List<PortfolioFixedPlan> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<PortfolioFixedPlanBody> bodies = input.fixedPlans() == null ? List.of() : input.fixedPlans();
        for (int k = 0; k < bodies.size(); k++) {
            PortfolioFixedPlanBody b = bodies.get(k);
            String at = "fixedPlans[" + k + "]";
            if (b == null) {
                c.error(at, "must be an object, not null");
                continue;
            }
            if (b.name() == null || b.name().isBlank()) {
                c.error(at + ".name", "is required");
            } else if (!names.add(b.name())) {
                c.error(at + ".name", "repeats the name of another fixed plan: \"" + b.name() + "\"");
            }
            String name = b.name() == null || b.name().isBlank() ? "fixed plan " + k : b.name();
            List<FixedPlanBody.Step> none = List.of();
            List<FixedPlan> sites = new ArrayList<>();
            for (PortfolioProblem.Site site : pp.sites()) {
                sites.add(PlanService.fixedPlan(site.plan(), new FixedPlanBody(name, none, none, none, null), at, c));
            }
            Set<String> seenSites = new HashSet<>();
            for (int i = 0; b.sites() != null && i < b.sites().size(); i++) {
                PortfolioFixedPlanBody.SiteSteps st = b.sites().get(i);
                String sp = at + ".sites[" + i + "]";
                if (st == null) {
                    c.error(sp, "must be an object, not null");
                    continue;
                }
                int idx = input.names().indexOf(st.site());
                if (idx < 0) {
                    c.error(sp + ".site", st.site() == null ? "is required" : "names no site of the portfolio: \"" + st.site() + "\"");
                    continue;
                }
                if (!seenSites.add(st.site())) {
                    c.error(sp + ".site", "repeats site \"" + st.site() + "\"; give each site's decisions once");
                    continue;
                }
                sites.set(idx, PlanService.fixedPlan(pp.sites().get(idx).plan(),
                        new FixedPlanBody(name, st.aiStartsMw(), st.asicRetiredMw(), st.asicBoughtMw(), null, st.aiContractedMw()), sp, c));
            }
            Map<Integer, Double> sold = Map.of();
            if (b.treasurySoldBtc() != null && !b.treasurySoldBtc().isEmpty()) {
                if (pp.treasuryBtc() <= 0.0) {
                    c.error(at + ".treasurySoldBtc", "sells BTC but the portfolio has no treasury (shared.treasuryBtc)");
                } else {
                    FixedPlan t = PlanService.fixedPlan(pp.calendar(), new FixedPlanBody(name, none, none, none, b.treasurySoldBtc()), at, c);
                    sold = t == null ? Map.of() : t.treasurySoldBtc();
                }
            }
            Map<String, Double> moved = new HashMap<>();
            for (int j = 0; b.movedMw() != null && j < b.movedMw().size(); j++) {
                PortfolioFixedPlanBody.MoveStep mv = b.movedMw().get(j);
                String mp = at + ".movedMw[" + j + "]";
                if (mv == null) {
                    c.error(mp, "must be an object, not null");
                    continue;
                }
                if (mv.route() == null || mv.route() < 0 || mv.route() >= pp.relocations().size()) {
                    c.error(mp + ".route", "must be the index of one of the run's " + pp.relocations().size() + " relocations");
                    continue;
                }
                int m = PlanService.monthIndex(pp.calendar(), mv.month(), mp + ".month", c);
                double v = c.required(mp + ".amount", mv.amount(), 0.0, FieldChecks.MAX_MW, "MW");
                if (m >= 0 && m + pp.relocations().get(mv.route()).downtimeMonths() >= pp.monthCount() && v > 0.0) {
                    c.error(mp + ".month", "machines leaving then would arrive after the horizon (downtime "
                            + pp.relocations().get(mv.route()).downtimeMonths() + " months)");
                } else if (m >= 0 && !Double.isNaN(v)) {
                    moved.merge(PortfolioFixedPlan.key(mv.route(), m), v, Double::sum);
                }
            }
            if (sites.stream().noneMatch(java.util.Objects::isNull)) {
                out.add(new PortfolioFixedPlan(name, sites, sold, moved));
            }
        }
        c.throwIfAny();
        return out;
    }

    /** A scenario that every field check accepts: the stored portfolio's own fields are checked around it. */
    private static final ScenarioBody PROBE_SCENARIO = new ScenarioBody(null, null,
            new ScenarioBody.BtcAssumptions(50_000.0, 0.0, null, 1.0e14, 0.0, 0.0), new EnergyAssumptions(null, null, 50.0, null, null),
            null, null, 0.10);

    /**
     * Validates a stored portfolio: its name and description, and its sites and shared terms as a run checks them (around a
     * probe scenario of 120 months from this month, zero prices standing in for replayed years; month fields are checked
     * against a run's horizon only when it runs). 400 listing every invalid field.
     */
    public void validate(PortfolioBody body) {
        if (body == null) {
            throw new InvalidRequestException("", "a JSON request body is required");
        }
        Map<String, FieldError> errors = new LinkedHashMap<>();
        if (body.name() == null || body.name().isBlank()) {
            put(errors, "name", "is required");
        } else if (body.name().length() > MAX_NAME) {
            put(errors, "name", "is longer than " + MAX_NAME + " characters");
        }
        if (body.description() != null && body.description().length() > MAX_DESCRIPTION) {
            put(errors, "description", "is longer than " + MAX_DESCRIPTION + " characters");
        }
        PortfolioRequest probe = new PortfolioRequest(null, PROBE_SCENARIO, body.sites(), body.shared(), body.relocations(), null,
                YearMonth.now(ZoneOffset.UTC).toString(), 120.0, null, null, null, null);
        try {
            check(probe, r -> {
                plans.checkWithoutPrices(r);
                return new PlanRunInput(r, null, null);
            });
        } catch (InvalidRequestException e) {
            for (FieldError f : e.errors()) {
                if ((f.field().startsWith("sites") || f.field().startsWith("shared") || f.field().startsWith("relocations"))
                        && !f.reason().contains("inside the horizon")) {
                    put(errors, f.field(), f.reason());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(List.copyOf(errors.values()));
        }
    }

    /** Checks a request with its sites inline; each site snapshotted by {@code site} (its errors renamed under sites[k]). */
    private PortfolioRunInput check(PortfolioRequest req, Function<PlanRequest, PlanRunInput> site) {
        Map<String, FieldError> errors = new LinkedHashMap<>();
        FieldChecks c = new FieldChecks();
        PortfolioRequest.PortfolioSharedInput sh = req.shared() == null ? new PortfolioRequest.PortfolioSharedInput(null, null, null, null, null) : req.shared();
        double cash = c.optional("shared.startingCashUsd", sh.startingCashUsd(), 0.0, -1e13, 1e13, "USD");
        double credit = c.optional("shared.creditLineUsd", sh.creditLineUsd(), 0.0, 0.0, 1e13, "USD");
        double treasury = c.optional("shared.treasuryBtc", sh.treasuryBtc(), 0.0, 0.0, 2.1e7, "BTC");
        List<Double> budget = new ArrayList<>();
        if (sh.capexBudgetUsdByYear() != null) {
            for (int y = 0; y < sh.capexBudgetUsdByYear().size(); y++) {
                budget.add(c.required("shared.capexBudgetUsdByYear[" + y + "]", sh.capexBudgetUsdByYear().get(y), 0.0, 1e13, "USD"));
            }
        }
        Double crews = sh.crewMwPerMonth() == null ? null : c.range("shared.crewMwPerMonth", sh.crewMwPerMonth(), 0.0, 1e6, "MW");
        try {
            c.throwIfAny();
        } catch (InvalidRequestException e) {
            e.errors().forEach(f -> errors.putIfAbsent(f.field() + "\n" + f.reason(), f));
        }
        List<String> names = new ArrayList<>();
        List<PlanRunInput> sites = new ArrayList<>();
        if (req.sites() == null || req.sites().isEmpty() || req.sites().size() > MAX_SITES) {
            put(errors, "sites", "give 1 to " + MAX_SITES + " sites");
        } else {
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < req.sites().size(); k++) {
                PortfolioRequest.PortfolioSiteInput s = req.sites().get(k);
                String at = "sites[" + k + "]";
                if (s == null) {
                    put(errors, at, "is required");
                    continue;
                }
                if (s.name() == null || s.name().isBlank()) {
                    put(errors, at + ".name", "is required: each site is named in the answer");
                } else if (!seen.add(s.name())) {
                    put(errors, at + ".name", "repeats the name of another site: \"" + s.name() + "\"");
                }
                names.add(s.name());
                try {
                    sites.add(site.apply(siteRequest(req, s)));
                } catch (InvalidRequestException e) {
                    for (FieldError f : e.errors()) {
                        FieldError named = FieldError.of(rename(f.field(), at, s.energy() != null), f.reason());
                        errors.putIfAbsent(named.field() + "\n" + named.reason(), named);
                    }
                }
            }
        }
        List<PortfolioRequest.RelocationInput> moves = relocations(req, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(List.copyOf(errors.values()));
        }
        if (req.fixedPlans() != null && req.fixedPlans().size() > MAX_FIXED_PLANS) {
            put(errors, "fixedPlans", "give at most " + MAX_FIXED_PLANS + " fixed plans");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(List.copyOf(errors.values()));
        }
        return new PortfolioRunInput(List.copyOf(names), List.copyOf(sites), cash, -credit, treasury, List.copyOf(budget), crews, moves,
                req.fixedPlans() == null ? List.of() : req.fixedPlans());
    }

    /** Most relocation routes in one portfolio. */
    public static final int MAX_RELOCATIONS = 400;

    /**
     * Checks the relocation routes against the request's sites (errors under {@code relocations[k]}): both sites named and
     * different, the fleet at the origin, the receiving fleet at the destination and the same machine (model, TH/s and W per
     * unit as sent), cost 0 … 10⁶ USD per TH/s, downtime a whole number of months 0 … 120, no route twice.
     *
     * @return the routes with toFleet and downtimeMonths filled in
     */
    static List<PortfolioRequest.RelocationInput> relocations(PortfolioRequest req, Map<String, FieldError> errors) {
        List<PortfolioRequest.RelocationInput> out = new ArrayList<>();
        if (req.relocations() == null) {
            return out;
        }
        if (req.relocations().size() > MAX_RELOCATIONS) {
            put(errors, "relocations", "give at most " + MAX_RELOCATIONS + " routes");
            return out;
        }
        Map<String, PortfolioRequest.PortfolioSiteInput> byName = new LinkedHashMap<>();
        if (req.sites() != null) {
            for (PortfolioRequest.PortfolioSiteInput s : req.sites()) {
                if (s != null && s.name() != null) {
                    byName.putIfAbsent(s.name(), s);
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < req.relocations().size(); k++) {
            PortfolioRequest.RelocationInput r = req.relocations().get(k);
            String at = "relocations[" + k + "]";
            if (r == null) {
                put(errors, at, "is required");
                continue;
            }
            FieldChecks c = new FieldChecks();
            double cost = c.required(at + ".costUsdPerTh", r.costUsdPerTh(), 0.0, 1e6, "USD per TH/s");
            int downtime = c.wholeNumber(at + ".downtimeMonths", r.downtimeMonths(), 0, 0, 120);
            try {
                c.throwIfAny();
            } catch (InvalidRequestException e) {
                e.errors().forEach(f -> put(errors, f.field(), f.reason()));
            }
            PortfolioRequest.PortfolioSiteInput from = site(byName, r.fromSite(), at + ".fromSite", errors);
            PortfolioRequest.PortfolioSiteInput to = site(byName, r.toSite(), at + ".toSite", errors);
            if (from != null && to != null && r.fromSite().equals(r.toSite())) {
                put(errors, at + ".toSite", "must be another site than fromSite");
                continue;
            }
            String toFleetName = r.toFleet() == null ? r.fleet() : r.toFleet();
            var fleet = from == null ? null : fleet(from, r.fleet(), at + ".fleet", errors);
            var toFleet = to == null || r.fleet() == null && r.toFleet() == null ? null : fleet(to, toFleetName, at + ".toFleet", errors);
            if (fleet != null && toFleet != null && !(java.util.Objects.equals(fleet.model(), toFleet.model())
                    && java.util.Objects.equals(fleet.hashrateThPerUnit(), toFleet.hashrateThPerUnit())
                    && java.util.Objects.equals(fleet.powerWPerUnit(), toFleet.powerWPerUnit()))) {
                put(errors, at + ".toFleet", "must be the same machine as " + r.fromSite() + "'s fleet " + r.fleet()
                        + " (the same model, hashrateThPerUnit and powerWPerUnit)");
            }
            if (fleet != null && toFleet != null && !seen.add(r.fromSite() + "\n" + r.fleet() + "\n" + r.toSite() + "\n" + toFleetName)) {
                put(errors, at, "repeats another route from " + r.fromSite() + "'s " + r.fleet() + " to " + r.toSite() + "'s " + toFleetName);
            }
            out.add(new PortfolioRequest.RelocationInput(r.fromSite(), r.fleet(), r.toSite(), toFleetName, cost, (double) downtime));
        }
        return out;
    }

    private static PortfolioRequest.PortfolioSiteInput site(Map<String, PortfolioRequest.PortfolioSiteInput> byName, String name, String field,
                                                           Map<String, FieldError> errors) {
        if (name == null) {
            put(errors, field, "is required: the name of one of the portfolio's sites");
            return null;
        }
        PortfolioRequest.PortfolioSiteInput s = byName.get(name);
        if (s == null) {
            put(errors, field, "names no site of the portfolio: \"" + name + "\"");
        }
        return s;
    }

    private static com.gridpivot.optimization.input.AllocationRequest.AsicFleetInput fleet(PortfolioRequest.PortfolioSiteInput s, String name,
                                                                                         String field, Map<String, FieldError> errors) {
        if (name == null) {
            put(errors, field, "is required: the name of one of the site's asicFleets");
            return null;
        }
        if (s.asicFleets() != null) {
            for (var f : s.asicFleets()) {
                if (f != null && name.equals(f.name() != null ? f.name() : f.model())) {
                    return f;
                }
            }
        }
        put(errors, field, "names no fleet of site " + s.name() + ": \"" + name + "\" (declare it there, with 0 units if the site has none yet)");
        return null;
    }

    /** The memory guard on the portfolio's LP: the sites' plan LPs together. */
    void guard(PortfolioRunInput input) {
        ModelSize size = new ModelSize(0, 0, 0);
        for (PlanRunInput s : input.sites()) {
            size = size.plus(PlanModelBuilder.estimate(plans.problem(s)));
        }
        size.refuseOver(plans.maxModelBytes(), "sites", "the portfolio's LP", "plan fewer sites, fewer months or fewer fleets");
    }

    /** Site k as a plan request: the shared scenario with the site's energy, the site's fields, no finance (the company's). */
    static PlanRequest siteRequest(PortfolioRequest req, PortfolioRequest.PortfolioSiteInput s) {
        ScenarioBody sc = req.scenario();
        if (sc != null && s.energy() != null) {
            sc = new ScenarioBody(sc.name(), sc.description(), sc.btc(), s.energy(), sc.ai(), sc.asic(), sc.discountRate());
        }
        PlanSiteInput site = new PlanSiteInput(s.name(), s.interconnectMw(), s.maxAiItMw(), s.minAiItMw(), s.minAiFromMonth(),
                s.maxConversionMwPerMonth());
        return new PlanRequest(null, sc, site, s.asicFleets(), s.aiOptions(), null, req.startMonth(), req.months(), req.solver(),
                req.hourModel(), req.timeLimitSeconds());
    }

    /** A plan request's field as the portfolio request names it: site.X → sites[k].X, asicFleets/aiOptions under sites[k]. */
    static String rename(String field, String at, boolean ownEnergy) {
        if (field.startsWith("site.")) {
            return at + "." + field.substring("site.".length());
        }
        if (field.equals("site") || field.equals("asicFleets") || field.startsWith("asicFleets[") || field.startsWith("aiOptions")) {
            return at + (field.equals("site") ? "" : "." + field);
        }
        if (ownEnergy && field.startsWith("scenario.energy")) {
            return at + "." + field.substring("scenario.".length());
        }
        return field;
    }

    private static void put(Map<String, FieldError> errors, String field, String reason) {
        errors.putIfAbsent(field + "\n" + reason, FieldError.of(field, reason));
    }

    /** The portfolio problem of a snapshot; adds each site's out-of-range warnings, prefixed with the site's name. */
    public PortfolioProblem problem(PortfolioRunInput input, List<String> warnings) {
        List<PortfolioProblem.Site> sites = new ArrayList<>();
        for (int k = 0; k < input.sites().size(); k++) {
            List<String> w = new ArrayList<>();
            PlanProblem p = plans.problem(input.sites().get(k), w);
            String name = input.names().get(k);
            w.forEach(x -> warnings.add(name + ": " + x));
            sites.add(new PortfolioProblem.Site(name, p));
        }
        List<PortfolioProblem.Relocation> routes = new ArrayList<>();
        if (input.relocations() != null) {
            for (PortfolioRequest.RelocationInput r : input.relocations()) {
                int a = input.names().indexOf(r.fromSite());
                int b = input.names().indexOf(r.toSite());
                int i = fleetIndex(sites.get(a).plan(), r.fleet());
                int j = fleetIndex(sites.get(b).plan(), r.toFleet());
                double thPerMw = 1e6 / sites.get(a).plan().fleets().get(i).spec().jPerTh();
                routes.add(new PortfolioProblem.Relocation(a, i, b, j, r.costUsdPerTh() * thPerMw, (int) Math.round(r.downtimeMonths())));
            }
        }
        return new PortfolioProblem(sites, input.startingCashUsd(), input.cashFloorUsd(), input.treasuryBtc(), input.capexBudgetUsdByYear(),
                input.crewMwPerMonth() == null ? Double.POSITIVE_INFINITY : input.crewMwPerMonth(), routes);
    }

    /** The index of the fleet of that name in a site's plan (validated: it exists). */
    private static int fleetIndex(PlanProblem p, String name) {
        for (int i = 0; i < p.fleets().size(); i++) {
            if (p.fleets().get(i).spec().name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no fleet " + name);
    }

    /** Writes the run (QUEUED) with its input snapshot and hands it to a worker. */
    public JobView submit(PortfolioRequest req) {
        String label = req == null ? null : RunTags.checkedLabel(req.label(), "label");
        return runner.enqueue(JOB_KIND, snapshot(req), new RunTags(null, label));
    }

    public PortfolioRunInput read(String inputJson) {
        try {
            return json.readValue(inputJson, PortfolioRunInput.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
