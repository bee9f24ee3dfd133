package com.gridpivot.optimization.input;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.errors.NotFoundException;
import com.gridpivot.marketdata.SeriesKind;
import com.gridpivot.optimization.input.AllocationRequest.AiOptionInput;
import com.gridpivot.optimization.input.AllocationRequest.AsicFleetInput;
import com.gridpivot.optimization.input.AllocationRequest.EnergyPriceSeriesRef;
import com.gridpivot.optimization.input.AllocationRequest.HashpriceSeriesRef;
import com.gridpivot.optimization.input.AllocationRequest.MarketInput;
import com.gridpivot.optimization.input.AllocationRequest.SiteInput;
import com.gridpivot.persistence.SeriesGapException;
import com.gridpivot.persistence.SeriesInfo;
import com.gridpivot.persistence.SeriesService;
import com.gridpivot.persistence.TimeParams;
import com.gridpivot.sites.SiteResponse;
import com.gridpivot.sites.SiteService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a request that refers to stored data (a site by id, prices of a node over a range, a stored hashprice
 * series) into the inline v1 request the assembler validates. Inline requests pass through unchanged.
 */
@ApplicationScoped
public class RequestResolver {
    /** The hashprice series derived from BTC price, difficulty and fees. */
    public static final String DERIVED_HASHPRICE_KEY = "derived";

    private final SiteService sites;
    private final SeriesService series;

    public RequestResolver(SiteService sites, SeriesService series) {
        this.sites = sites;
        this.series = series;
    }

    /**
     * @param request the inline request and what its references resolved to
     * @param inputs  echoed in the answer
     */
    public record Resolved(AllocationRequest request, ResolvedInputs inputs, boolean usedReferences) {
    }

    public Resolved resolve(AllocationRequest req) {
        if (req == null) {
            return new Resolved(null, null, false);
        }
        FieldChecks c = new FieldChecks();
        SiteInput site = req.site();
        List<AsicFleetInput> fleets = req.asicFleets();
        List<AiOptionInput> options = req.aiOptions();
        String siteNode = null;
        if (req.siteId() != null) {
            if (req.site() != null) {
                c.error("site", "give site or siteId, not both");
            }
            SiteResponse stored = sites.find(req.siteId()).orElse(null);
            if (stored == null) {
                c.error("siteId", "no stored site with id " + req.siteId() + "; see GET /api/v1/sites");
            } else {
                site = new SiteInput(stored.name(), stored.interconnectMw(), stored.maxAiItMw(), stored.minAiItMw(), stored.capexBudgetUsd());
                siteNode = stored.marketNode();
                if (fleets == null) {
                    fleets = stored.asicFleets().stream().map(f -> new AsicFleetInput(f.name(), f.model(),
                            f.units() == null ? null : f.units().doubleValue(), f.hashrateThPerUnit(), f.powerWPerUnit(), f.pue(),
                            f.poolFeeFraction(), f.variableOpexUsdPerMwh(), f.fixedOpexUsdPerMwYear())).toList();
                }
                if (options == null) {
                    options = stored.aiOptions().stream().map(o -> new AiOptionInput(o.name(), o.offering(), o.kwPerGpu(),
                            o.leaseUsdPerGpuHour(), o.utilization(), o.colocationUsdPerKwMonth(), o.revenueUsdPerMwh(), o.tenantPaysPower(),
                            o.pue(), o.maxItMw(), o.capexUsdPerMw(), o.variableOpexUsdPerMwh(), o.fixedOpexUsdPerMwYear())).toList();
                }
            }
        }
        MarketInput m = req.market();
        ResolvedInputs.SeriesUse priceUse = null;
        ResolvedInputs.SeriesUse hashUse = null;
        Instant start = m == null ? null : instant(c, "market.startUtc", m.startUtc());
        List<Double> prices = m == null ? null : m.energyPricesUsdPerMwh();
        com.fasterxml.jackson.databind.JsonNode hashprice = m == null ? null : m.hashpriceUsdPerPhDay();
        boolean references = req.siteId() != null;
        if (m != null && m.energyPriceSeries() != null) {
            references = true;
            EnergyPriceSeriesRef ref = m.energyPriceSeries();
            String p = "market.energyPriceSeries";
            int before = c.errorCount();
            if (m.energyPricesUsdPerMwh() != null || m.energyPriceUsdPerMwh() != null || m.hours() != null) {
                c.error(p, "give energyPriceSeries or inline prices (energyPricesUsdPerMwh, energyPriceUsdPerMwh with hours), not both");
            }
            if (m.startUtc() != null) {
                c.error("market.startUtc", "the start comes from energyPriceSeries.from; leave startUtc out");
            }
            String node = ref.node() != null ? ref.node() : siteNode;
            Instant from = instant(c, p + ".from", ref.from());
            Instant to = instant(c, p + ".to", ref.to());
            if (node == null) {
                c.error(p + ".node", "is required (the stored site has no marketNode)");
            }
            if (from == null && ref.from() == null) {
                c.error(p + ".from", "is required");
            }
            if (to == null && ref.to() == null) {
                c.error(p + ".to", "is required");
            }
            if (c.errorCount() == before) {
                double[] values = hourly(c, p, SeriesKind.ENERGY_PRICE, node, from, to);
                if (values != null) {
                    prices = Arrays.stream(values).boxed().toList();
                    start = from;
                    priceUse = use(SeriesKind.ENERGY_PRICE, node, from, to, values);
                }
            }
        }
        if (m != null && m.hashpriceSeries() != null) {
            references = true;
            HashpriceSeriesRef ref = m.hashpriceSeries();
            String p = "market.hashpriceSeries";
            int before = c.errorCount();
            if (m.hashpriceUsdPerPhDay() != null) {
                c.error(p, "give hashpriceSeries or hashpriceUsdPerPhDay, not both");
            }
            String key = ref.key() == null ? DERIVED_HASHPRICE_KEY : ref.key();
            Instant from = ref.from() != null ? instant(c, p + ".from", ref.from()) : start;
            int hours = prices != null ? prices.size() : m.hours() == null ? -1 : m.hours().intValue();
            Instant to = ref.to() != null ? instant(c, p + ".to", ref.to()) : from == null || hours < 1 ? null : from.plus(hours, ChronoUnit.HOURS);
            if (from == null && c.errorCount() == before) {
                c.error(p + ".from", "is required when the prices are inline without market.startUtc");
            } else if (to == null && c.errorCount() == before) {
                c.error(p + ".to", "is required");
            }
            if (c.errorCount() == before && from != null && to != null) {
                double[] values = hourly(c, p, SeriesKind.HASHPRICE, key, from, to);
                if (values != null) {
                    ArrayNode array = JsonNodeFactory.instance.arrayNode(values.length);
                    for (double v : values) {
                        array.add(v);
                    }
                    hashprice = array;
                    hashUse = use(SeriesKind.HASHPRICE, key, from, to, values);
                }
            }
        }
        c.throwIfAny();
        if (!references) {
            ResolvedInputs inputs = start == null ? null : new ResolvedInputs(null, start.toString(), prices == null ? 0 : prices.size(), null, null);
            return new Resolved(req, inputs, false);
        }
        MarketInput market = m == null ? null : new MarketInput(prices, m.energyPriceUsdPerMwh(), m.hours(), null, null,
                start == null ? null : start.toString(), hashprice);
        AllocationRequest inline = new AllocationRequest(null, site, fleets, options, market, req.finance(), req.solver(),
                req.hourAggregation(), req.timeLimitSeconds(), req.label());
        int hours = prices != null ? prices.size() : m != null && m.hours() != null ? m.hours().intValue() : 0;
        return new Resolved(inline, new ResolvedInputs(req.siteId(), start == null ? null : start.toString(), hours, priceUse, hashUse), true);
    }

    private double[] hourly(FieldChecks c, String path, SeriesKind kind, String key, Instant from, Instant to) {
        long hours = ChronoUnit.HOURS.between(from, to);
        if (hours > AllocationProblemAssembler.MAX_HOURS) {
            c.error(path + ".to", "the range holds " + hours + " hours; the horizon is at most 10 years (" + AllocationProblemAssembler.MAX_HOURS + " hours)");
            return null;
        }
        try {
            return series.hourlyValues(kind, key, from, to);
        } catch (NotFoundException e) {
            c.error(path + (kind == SeriesKind.ENERGY_PRICE ? ".node" : ".key"), "no stored " + kind + " series '" + key + "'; see GET /api/v1/series");
        } catch (SeriesGapException e) {
            c.error(path, e.getMessage());
        } catch (InvalidRequestException e) {
            e.errors().forEach(err -> c.error(path + "." + err.field(), err.reason()));
        }
        return null;
    }

    private ResolvedInputs.SeriesUse use(SeriesKind kind, String key, Instant from, Instant to, double[] values) {
        SeriesInfo info = series.find(kind, key).orElseThrow();
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        return new ResolvedInputs.SeriesUse(kind.name(), key, info.id(), from.toString(), to.toString(), mean);
    }

    private static Instant instant(FieldChecks c, String field, String text) {
        try {
            return TimeParams.instant(field, text);
        } catch (InvalidRequestException e) {
            e.errors().forEach(err -> c.error(err.field(), err.reason()));
            return null;
        }
    }
}
