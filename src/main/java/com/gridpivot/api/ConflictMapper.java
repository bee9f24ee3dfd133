package com.gridpivot.api;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 409 problem+json for conflicts with stored state. Kept apart from {@link ProblemMappers} so branches merge cleanly. */
public class ConflictMapper {

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

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
