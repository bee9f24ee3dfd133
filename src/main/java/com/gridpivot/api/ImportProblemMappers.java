package com.gridpivot.api;

import com.gridpivot.errors.FieldError;
import com.gridpivot.imports.ImportRejectedException;
import com.gridpivot.marketdata.ImportIssue;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A rejected import file becomes a 400 problem+json with one error per ERROR issue: {@code field} is {@code line N}
 * (1-based physical line; for JSON the index in the price array + 1) or {@code file} when the issue has no line,
 * {@code reason} is the issue's code and message. Kept apart from {@link ProblemMappers} so branches merge cleanly.
 */
public class ImportProblemMappers {

    @ServerExceptionMapper
    public Response rejected(ImportRejectedException e, UriInfo uri) {
        return ProblemMappers.respond(new Problem(Problem.TYPE_BASE + "invalid-file", "Invalid file", 400,
                e.getMessage(), uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""), errors(e.report().errors())));
    }

    static List<FieldError> errors(List<ImportIssue> issues) {
        return issues.stream().map(i -> FieldError.of(i.line() == null ? "file" : "line " + i.line(),
                i.code() + ": " + i.message())).toList();
    }
}
