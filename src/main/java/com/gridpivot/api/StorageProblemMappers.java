package com.gridpivot.api;

import com.gridpivot.errors.ConflictException;
import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.persistence.SeriesGapException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Problem documents for failures that come from stored state: 409 for conflicts (duplicate names, stale versions),
 * 400 for stored series that lack the hours a request needs. Kept apart from {@link ProblemMappers} so branches
 * merge cleanly.
 */
public class StorageProblemMappers {

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return ProblemMappers.respond(new Problem(Problem.TYPE_BASE + "conflict", "Conflict", 409,
                e.getMessage(), path(uri), e.errors().isEmpty() ? null : e.errors()));
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return ProblemMappers.respond(new Problem(Problem.TYPE_BASE + "conflict", "Conflict", 409,
                "the resource was changed by another request; read it again and retry", path(uri),
                List.of(FieldError.of("version", "stale version"))));
    }

    /**
     * A series referred to by a request has gaps. Callers that know which request field named the series should catch
     * {@link SeriesGapException} and throw an {@link InvalidRequestException} with that field instead.
     */
    @ServerExceptionMapper
    public Response seriesGap(SeriesGapException e, UriInfo uri) {
        return ProblemMappers.respond(new Problem(Problem.TYPE_BASE + "series-gap", "Incomplete series", 400,
                e.getMessage(), path(uri), null));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
