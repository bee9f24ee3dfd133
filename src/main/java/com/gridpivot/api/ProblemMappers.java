package com.gridpivot.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.errors.OverloadedException;
import com.gridpivot.errors.TooManyRunsException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem document. Internal failures are logged with an id and
 * answered without class names or stack traces; a client that closed its connection is logged at DEBUG in one line
 * ({@link ClientDisconnects}).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "invalid-request", "Invalid request", 400,
                e.getMessage(), path(uri), e.errors()));
    }

    @ServerExceptionMapper
    public Response jsonError(JsonProcessingException e, UriInfo uri) {
        String field = "";
        String reason;
        if (e instanceof JsonMappingException jme) {
            field = jsonPath(jme.getPath());
        }
        if (e instanceof UnrecognizedPropertyException upe) {
            reason = "unknown field '" + upe.getPropertyName() + "'";
        } else if (e instanceof TextLimits.TextTooLongException tle) {
            reason = tle.reason();
        } else if (e instanceof InvalidFormatException ife) {
            reason = "expected " + typeName(ife.getTargetType()) + " but got " + shortValue(ife.getValue());
        } else if (e instanceof MismatchedInputException mie) {
            reason = "expected " + typeName(mie.getTargetType());
        } else {
            reason = "malformed JSON: " + e.getOriginalMessage();
        }
        FieldError error = FieldError.of(field, reason);
        return respond(new Problem(Problem.TYPE_BASE + "invalid-request", "Invalid request", 400,
                (field.isEmpty() ? "request body" : field) + ": " + reason, path(uri), List.of(error)));
    }

    // Quarkus REST ships its own (application/json) mapper for these subtypes; ours must be at least as specific.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return jsonError(e, uri);
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return jsonError(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return jsonError(e, uri);
    }

    @ServerExceptionMapper
    public Response overloaded(OverloadedException e, UriInfo uri) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", e.retryAfterSeconds())
                .entity(new Problem(Problem.TYPE_BASE + "overloaded", "Service busy", 503, e.getMessage(), path(uri), null)).build();
    }

    @ServerExceptionMapper
    public Response tooManyRuns(TooManyRunsException e, UriInfo uri) {
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", 10)
                .entity(new Problem(Problem.TYPE_BASE + "too-many-runs", "Too many runs", 429, e.getMessage(), path(uri), null)).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "not-found", "Not found", 404,
                e.getMessage() == null ? "no such resource" : e.getMessage(), path(uri), null));
    }

    /** The domain's "no such thing" (a run, site, series or key): the same 404 as the REST layer's own. */
    @ServerExceptionMapper
    public Response domainNotFound(com.gridpivot.errors.NotFoundException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "not-found", "Not found", 404, e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // The REST layer wraps JSON syntax errors of the body in a 400 WebApplicationException.
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException jpe) {
                return jsonError(jpe, uri);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(new Problem(Problem.TYPE_BASE + "http-" + status, title, status,
                e.getMessage() == null ? title : e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response internal(Throwable e, UriInfo uri) {
        // JSON errors wrapped by the REST layer arrive here as their cause.
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException jpe) {
            return jsonError(jpe, uri);
        }
        if (cause instanceof InvalidRequestException ire) {
            return invalidRequest(ire, uri);
        }
        if (ClientDisconnects.isDisconnect(e)) {
            // The client went away while its request was read or its answer written; nobody will read this answer.
            LOG.debugf("client closed the connection on %s (%s)", path(uri), ClientDisconnects.describe(e));
            return respond(new Problem(Problem.TYPE_BASE + "client-closed-request", "Client closed the connection", 400,
                    "the connection was closed before the request was read and answered", path(uri), null));
        }
        String id = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "internal error %s on %s", id, path(uri));
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "the request could not be completed; quote error id " + id, path(uri), null));
    }

    static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == int.class || type == long.class) {
            return "a number";
        }
        if (type == String.class || type.isEnum()) {
            return type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants()) : "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String shortValue(Object v) {
        String s = String.valueOf(v);
        return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
    }
}
