package com.gridpivot.api;

import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.imports.ImportBatchSummary;
import com.gridpivot.imports.ImportBatches;
import com.gridpivot.imports.ImportParams;
import com.gridpivot.imports.ImportReport;
import com.gridpivot.imports.ImportService;
import com.gridpivot.marketdata.FluxcoreMarket;
import com.gridpivot.marketdata.ImportFormat;
import com.gridpivot.marketdata.SeriesKind;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Market-data file imports: upload a file, list the import batches, read a batch's validation report. */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Upload market-data files (ERCOT CSV, fluxcore JSON, generic CSV, BTC daily CSV, GPU rates)")
public class ImportResource {
    static final String CSV = "text/csv";
    static final String DEFAULT_CALLER = "api";

    /** The authenticated key behind the request: recorded with every batch (not a header the caller could forge). */
    @jakarta.inject.Inject
    com.gridpivot.security.CurrentCaller currentCaller;

    @Inject
    ImportService imports;

    @Inject
    ImportBatches batches;

    @POST
    @Consumes({CSV, MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Operation(summary = "Import a market-data file",
            description = "The body is the file's bytes. The format is detected from fileName and the first line unless given. "
                    + "All or nothing: a file with ERROR issues stores nothing and gets 400 with the line numbers. "
                    + "Importing the same data again adds nothing (200, duplicateOf names the earlier batch).")
    @APIResponse(responseCode = "201", description = "Stored; the validation report",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "200", description = "Nothing new: every point was already stored with the same value",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Errors in the file (field 'line N'), undetectable format, bad parameters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A series is stored at another resolution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over the size limit (16 MiB)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upload(byte[] body,
                           @Parameter(description = "ERCOT_CSV, GENERIC_CSV, FLUXCORE_JSON, BTC_DAILY_CSV, GPU_RATES_CSV or ERCOT_ANCILLARY_CSV; default: detected") @QueryParam("format") String format,
                           @Parameter(description = "The file's name, e.g. market-price.csv (detection, provenance)") @QueryParam("fileName") String fileName,
                           @Parameter(description = "Series kind where the format cannot tell it (required for GENERIC_CSV)") @QueryParam("kind") String kind,
                           @Parameter(description = "Series key where the format cannot tell it, e.g. HB_WEST") @QueryParam("key") String key,
                           @Parameter(description = "RTM (default) or DAM, for fluxcore JSON") @QueryParam("market") String market) {
        ImportParams params = params(format, fileName == null || fileName.isBlank() ? "upload" : fileName, kind, key, market);
        return respond(imports.importFile(body == null ? new byte[0] : body, params, currentCaller.name()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import a market-data file sent as multipart/form-data",
            description = "The file is the part named 'file'; its file name is used unless fileName is given. Same answers as the raw upload.")
    @APIResponse(responseCode = "201", description = "Stored; the validation report",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Errors in the file, a missing 'file' part, undetectable format",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response uploadForm(@RestForm("file") FileUpload file,
                               @QueryParam("format") String format, @QueryParam("fileName") String fileName,
                               @QueryParam("kind") String kind, @QueryParam("key") String key,
                               @QueryParam("market") String market) {
        if (file == null) {
            throw new InvalidRequestException("file", "a multipart part named 'file' is required");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = fileName != null && !fileName.isBlank() ? fileName
                : file.fileName() != null && !file.fileName().isBlank() ? file.fileName() : "upload";
        return respond(imports.importFile(bytes, params(format, name, kind, key, market), currentCaller.name()));
    }

    @GET
    @Operation(summary = "List import batches", description = "Newest first; every import is a batch, even one that added nothing.")
    @APIResponse(responseCode = "200", description = "One page of batches")
    @APIResponse(responseCode = "400", description = "Invalid page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<ImportBatchSummary> list(@Parameter(description = "0-based page number; default 0") @QueryParam("page") String page,
            @Parameter(description = "items per page, 1 to " + Paging.MAX_SIZE + "; default 50") @QueryParam("size") String size) {
        Paging.Request p = Paging.parse(page, size);
        return Paging.response(batches.list(p.page(), p.size()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an import's validation report")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "404", description = "No such batch",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportReport get(@PathParam("id") long id) {
        return batches.get(id).orElseThrow(() -> new NotFoundException("no import batch with id " + id));
    }

    private static Response respond(ImportReport report) {
        Response.ResponseBuilder r = report.duplicateOf() != null && report.addedNothing()
                ? Response.ok() : Response.status(Response.Status.CREATED);
        return r.location(UriBuilder.fromPath("/api/v1/imports/{id}").build(report.batchId())).entity(report).build();
    }


    /** Parses the query parameters, naming every bad one. */
    static ImportParams params(String format, String fileName, String kind, String key, String market) {
        List<FieldError> errors = new ArrayList<>();
        ImportFormat f = parseEnum(ImportFormat.class, "format", format, errors);
        SeriesKind k = parseEnum(SeriesKind.class, "kind", kind, errors);
        FluxcoreMarket m = parseEnum(FluxcoreMarket.class, "market", market, errors);
        if (key != null && (key.isBlank() || key.length() > 100)) {
            errors.add(FieldError.of("key", "must be 1 to 100 characters"));
        }
        if (fileName != null && fileName.length() > 1000) {
            errors.add(FieldError.of("fileName", "must be at most 1000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ImportParams(f, fileName, k, key == null ? null : key.strip(), m);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
