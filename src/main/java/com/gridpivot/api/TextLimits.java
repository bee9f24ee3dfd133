package com.gridpivot.api;

import com.gridpivot.sites.SiteRequest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.gridpivot.optimization.input.AllocationRequest;
import com.gridpivot.planning.input.CompareRequest;
import com.gridpivot.planning.input.PlanRequest;
import com.gridpivot.planning.input.ScenarioBody;
import com.gridpivot.reports.BoardPackRequest;
import com.gridpivot.risk.SweepRequest;
import com.gridpivot.risk.runs.RiskRequests;
import com.gridpivot.sites.SiteValidator;
import java.io.IOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The longest text each request field may hold, in characters (UTF-16 code units): everything a request carries is
 * stored (sites and fleets in their tables, what-ifs, plans, sweeps and risk runs as their request's JSON), so no text
 * may grow without bound. Declared as {@code maxLength} in the OpenAPI document; enforced when the JSON is read (a 400
 * problem naming the field) up to {@link #readLimit}, below that by the field's validator (SiteValidator, the
 * assemblers, ApiKeyService, ReportExportResource); held by the database columns of the same fields (V1, V7).
 *
 * <table>
 * <caption>limits</caption>
 * <tr><th>field</th><th>at most</th></tr>
 * <tr><td>{@code notes} (site), {@code description} (scenario)</td><td>{@value #NOTES} characters</td></tr>
 * <tr><td>{@code marketNode} (site)</td><td>{@value #MARKET_NODE}</td></tr>
 * <tr><td>{@code node}, {@code key} (a stored series' node or key)</td><td>{@value #SERIES_KEY}</td></tr>
 * <tr><td>names of a what-if's or a plan's fleets and AI options (they name LP rows), of an API key</td><td>{@value #LP_NAME}</td></tr>
 * <tr><td>an export table's (XLSX sheet's) name</td><td>{@value #SHEET_NAME}</td></tr>
 * <tr><td>every other text: names (site, fleet, AI option, scenario, plan, key, table), catalog model and offering
 * names, months, dates, solver and mode names, file names, column headers</td><td>{@value #NAME}</td></tr>
 * </table>
 */
public final class TextLimits {
    /** Names and every text field not listed otherwise (as a stored site's names, column site.name). */
    public static final int NAME = SiteValidator.MAX_NAME;
    /** Free text: a site's notes (column site.notes), a scenario's description. */
    public static final int NOTES = SiteValidator.MAX_NOTES;
    /** A site's settlement point (column site.market_node). */
    public static final int MARKET_NODE = 64;
    /** A stored series' node or key (column market_series.series_key). */
    public static final int SERIES_KEY = 100;

    /** Names that become LP row and column names (what-ifs and plans), and API key names (column api_key.name). */
    public static final int LP_NAME = 100;
    /** An XLSX sheet name (Excel's limit). */
    public static final int SHEET_NAME = 31;

    private static final Map<String, Integer> BY_FIELD = Map.of("notes", NOTES, "description", NOTES, "marketNode", MARKET_NODE,
            "node", SERIES_KEY, "key", SERIES_KEY);
    /** Tighter limits of one record's field, by the record's simple name (its OpenAPI schema name) and the field. */
    private static final Map<String, Integer> BY_RECORD_FIELD = Map.of("AsicFleetInput.name", LP_NAME, "AiOptionInput.name", LP_NAME,
            "PlanAiOptionInput.name", LP_NAME, "Step.name", LP_NAME, "CreateKey.name", LP_NAME, "Table.name", SHEET_NAME);

    /** The request bodies; the records inside them are found from their components. */
    private static final List<Class<?>> REQUESTS = List.of(SiteRequest.class, AllocationRequest.class, PlanRequest.class,
            CompareRequest.class, ScenarioBody.class, SweepRequest.class, RiskRequests.MonteCarloRequest.class,
            RiskRequests.StochasticRequest.class, ReportExportRequest.class, BoardPackRequest.class, ApiKeyResource.CreateKey.class,
            com.gridpivot.planning.portfolio.PortfolioRequest.class, com.gridpivot.planning.portfolio.PortfolioBody.class);

    private static final Set<Class<?>> REQUEST_RECORDS = reachableRecords(REQUESTS);

    private TextLimits() {
    }

    /** The longest text a request field may hold, by its record's simple name (= its schema's name) and its name. */
    public static int maxLength(String record, String field) {
        return BY_RECORD_FIELD.getOrDefault(record + "." + field, BY_FIELD.getOrDefault(field, NAME));
    }

    /**
     * The longest text the JSON reader takes for a field: its limit, except that the tighter limits of one record's
     * field (fleet, option and key names, sheet names) are left to that field's validator, which lists every offending
     * field of the request at once (the reader stops at the first); the reader takes up to {@link #NAME} there.
     */
    static int readLimit(String record, String field) {
        return BY_RECORD_FIELD.containsKey(record + "." + field) ? Math.max(maxLength(record, field), NAME) : maxLength(record, field);
    }

    /** A text field that is too long; the JSON mapping adds the field's path. */
    public static final class TextTooLongException extends MismatchedInputException {
        private final String reason;

        TextTooLongException(JsonParser p, String reason) {
            super(p, reason, String.class);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * Reads a JSON string (refusing other scalars by the mapper's coercion rules) and, for a field of a request record,
     * refuses one longer than its limit.
     */
    static final class LimitedStringDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {
        private final int maxLength;

        LimitedStringDeserializer() {
            this(Integer.MAX_VALUE);
        }

        private LimitedStringDeserializer(int maxLength) {
            super(String.class);
            this.maxLength = maxLength;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            if (property == null || property.getMember() == null || !REQUEST_RECORDS.contains(property.getMember().getDeclaringClass())) {
                return this;
            }
            return new LimitedStringDeserializer(readLimit(property.getMember().getDeclaringClass().getSimpleName(), property.getName()));
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            if (text != null && text.length() > maxLength) {
                throw new TextTooLongException(p, "at most " + maxLength + " characters, got " + text.length());
            }
            return text;
        }
    }

    /** Every record reachable from these through record components, collections, maps and arrays. */
    static Set<Class<?>> reachableRecords(List<Class<?>> roots) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Type> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Type t = todo.pop();
            if (t instanceof ParameterizedType pt) {
                todo.push(pt.getRawType());
                todo.addAll(List.of(pt.getActualTypeArguments()));
            } else if (t instanceof GenericArrayType at) {
                todo.push(at.getGenericComponentType());
            } else if (t instanceof Class<?> c) {
                if (c.isArray()) {
                    todo.push(c.getComponentType());
                } else if (c.isRecord() && seen.add(c)) {
                    for (RecordComponent rc : c.getRecordComponents()) {
                        todo.push(rc.getGenericType());
                    }
                }
            }
        }
        return seen;
    }
}
