package com.gridpivot.api;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus REST ships its own mapper for {@link MismatchedInputException} (unknown fields, wrong types), which is
 * more specific than {@link ProblemMappers#jsonError} and answered with a non-problem body. This mapper, of the
 * same type, wins over the built-in one and hands the exception to {@code jsonError}, so a misspelt field is a
 * problem+json naming the field.
 */
public class JsonInputMappers {
    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problems.jsonError(e, uri);
    }
}
