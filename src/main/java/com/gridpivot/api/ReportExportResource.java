package com.gridpivot.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.api.plans.PlanExamples;
import com.gridpivot.reports.BoardPackRequest;
import com.gridpivot.reports.BoardPackService;
import com.gridpivot.reports.ReportTable;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Any result table a page shows, as XLSX: the page sends the rows it already holds (the same it puts in its CSV) and
 * gets a workbook with one sheet per table, numbers as numeric cells.
 */
@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Result tables as files; the board pack of a plan comparison as a PDF")
public class ReportExportResource {
    public static final String PDF = "application/pdf";
    static final int MAX_TABLES = 20;
    static final int MAX_COLUMNS = 50;
    static final int MAX_ROWS = 100_000;
    static final int MAX_SHEET_NAME = 31;
    private static final Pattern BAD_SHEET_CHARS = Pattern.compile("[:\\\\/?*\\[\\]]");
    private static final Pattern SAFE_FILE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    static final String EXAMPLE = """
            {
              "fileName": "gridpivot-plans",
              "tables": [
                {"name": "Plans", "columns": ["plan", "status", "npv (USD)"],
                 "rows": [["stay on Bitcoin", "OPTIMAL", 41250000], ["convert 50 MW in 2027-Q2", "OPTIMAL", 58900000.5]]},
                {"name": "Monthly", "columns": ["plan", "month", "cumulative cash (USD)"],
                 "rows": [["stay on Bitcoin", "2027-01", -1200000], ["stay on Bitcoin", "2027-02", null]]}
              ]
            }""";

    @POST
    @Path("/export.xlsx")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({Exports.XLSX, Problem.MEDIA_TYPE})
    @Operation(summary = "Write tables as an XLSX workbook",
            description = "One sheet per table, named by the table; a bold frozen header row; numbers stay numeric cells, strings are text, null is an empty cell. "
                    + "1 to 20 tables, at most 50 columns each, at most 100,000 rows in all, sheet names of at most 31 characters, finite numbers only.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportExportRequest.class),
            examples = @ExampleObject(name = "Two plan tables", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The workbook", content = @Content(mediaType = Exports.XLSX))
    @APIResponse(responseCode = "400", description = "Invalid tables; the errors name each offending field, e.g. tables[0].rows[3][2]",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response xlsx(ReportExportRequest request) {
        List<ReportTable> tables = tables(request);
        String name = request.fileName() == null || request.fileName().isBlank() ? "gridpivot-export" : request.fileName().strip();
        return Exports.xlsx(tables, name);
    }

    @Inject
    BoardPackService boardPacks;

    @POST
    @Path("/board-pack.pdf")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({PDF, Problem.MEDIA_TYPE})
    @Operation(summary = "The board pack of a plan comparison, as a PDF",
            description = "Runs the comparison of POST /api/v1/plans/compare on the body's problem and plans, then writes 5 pages: the question "
                    + "and the answer (the recommended plan against staying on Bitcoin, the NPV difference, the month cash is lowest), the plans "
                    + "side by side (NPV, incremental NPV and IRR, payback, lowest cash), cash by month with a table by year, the value of each "
                    + "use per MWh of IT energy with the MW by use, and the assumptions with their sources, data notes and warnings.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BoardPackRequest.class),
            examples = @ExampleObject(name = "Three plans", value = PlanExamples.BOARD_PACK_REQUEST)))
    @APIResponse(responseCode = "200", description = "The PDF (attachment gridpivot-board-pack.pdf)", content = @Content(mediaType = PDF))
    @APIResponse(responseCode = "400", description = "Invalid fields, named as in the comparison (problem..., plans[k]...) or title",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response boardPack(BoardPackRequest request) {
        return Response.ok(boardPacks.pdf(request), PDF)
                .header("Content-Disposition", "attachment; filename=\"gridpivot-board-pack.pdf\"").build();
    }

    /** Validates the request (every error at once, up to a few dozen) and turns it into report tables. */
    static List<ReportTable> tables(ReportExportRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw new InvalidRequestException("", "a JSON body with fileName and tables is required");
        }
        if (request.fileName() != null && !request.fileName().isBlank() && !SAFE_FILE.matcher(request.fileName().strip()).matches()) {
            errors.add(FieldError.of("fileName", "use 1 to 100 letters, digits, dots, dashes or underscores"));
        }
        List<ReportExportRequest.Table> in = request.tables();
        if (in == null || in.isEmpty() || in.size() > MAX_TABLES) {
            errors.add(FieldError.of("tables", "send 1 to " + MAX_TABLES + " tables" + (in == null ? "" : "; got " + in.size())));
            throw new InvalidRequestException(errors);
        }
        long totalRows = 0;
        List<String> seen = new ArrayList<>();
        List<ReportTable> out = new ArrayList<>();
        for (int t = 0; t < in.size() && errors.size() < 50; t++) {
            String at = "tables[" + t + "]";
            ReportExportRequest.Table table = in.get(t);
            if (table == null) {
                errors.add(FieldError.of(at, "a table is required"));
                continue;
            }
            String name = table.name() == null ? "" : table.name().strip();
            if (name.isEmpty() || name.length() > MAX_SHEET_NAME) {
                errors.add(FieldError.of(at + ".name", "give a sheet name of 1 to " + MAX_SHEET_NAME + " characters"));
            } else if (BAD_SHEET_CHARS.matcher(name).find() || name.startsWith("'") || name.endsWith("'")) {
                errors.add(FieldError.of(at + ".name", "a sheet name cannot contain : \\ / ? * [ ] or begin or end with '"));
            } else if (seen.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                errors.add(FieldError.of(at + ".name", "another table already has the sheet name '" + name + "'"));
            }
            seen.add(name.toLowerCase(java.util.Locale.ROOT));
            List<String> columns = table.columns();
            if (columns == null || columns.isEmpty() || columns.size() > MAX_COLUMNS) {
                errors.add(FieldError.of(at + ".columns", "give 1 to " + MAX_COLUMNS + " column names"));
                continue;
            }
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c) == null) {
                    errors.add(FieldError.of(at + ".columns[" + c + "]", "a column name is required (it may be empty text)"));
                }
            }
            List<List<JsonNode>> rows = table.rows() == null ? List.of() : table.rows();
            totalRows += rows.size();
            if (totalRows > MAX_ROWS) {
                errors.add(FieldError.of(at + ".rows", "at most " + MAX_ROWS + " rows in all tables together"));
                break;
            }
            List<List<Object>> cells = new ArrayList<>(rows.size());
            for (int r = 0; r < rows.size() && errors.size() < 50; r++) {
                List<JsonNode> row = rows.get(r);
                String rowAt = at + ".rows[" + r + "]";
                if (row == null) {
                    errors.add(FieldError.of(rowAt, "a row is a list of cells"));
                    continue;
                }
                if (row.size() > columns.size()) {
                    errors.add(FieldError.of(rowAt, "has " + row.size() + " cells but the table has " + columns.size() + " columns"));
                    continue;
                }
                List<Object> values = new ArrayList<>(row.size());
                for (int c = 0; c < row.size(); c++) {
                    JsonNode v = row.get(c);
                    if (v == null || v.isNull() || v.isMissingNode()) {
                        values.add(null);
                    } else if (v.isNumber()) {
                        double d = v.doubleValue();
                        if (!Double.isFinite(d)) {
                            errors.add(FieldError.of(rowAt + "[" + c + "]", "must be a finite number"));
                        }
                        values.add(d);
                    } else if (v.isTextual()) {
                        if (v.textValue().length() > 32_767) {
                            errors.add(FieldError.of(rowAt + "[" + c + "]", "a text cell holds at most 32,767 characters"));
                        }
                        values.add(v.textValue());
                    } else {
                        errors.add(FieldError.of(rowAt + "[" + c + "]", "a cell is a number, a string or null"));
                    }
                }
                cells.add(values);
            }
            List<ReportTable.Column> cols = columns.stream()
                    .map(c -> new ReportTable.Column(c == null ? "" : c, null, ReportTable.Format.GENERAL)).toList();
            out.add(new ReportTable("t" + t, name, cols, cells));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return out;
    }
}
