package com.gridpivot.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.gridpivot.errors.FieldError;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document ({@code application/problem+json}).
 *
 * @param type     a URI naming the kind of problem
 * @param title    a short, fixed summary of the kind
 * @param status   the HTTP status code
 * @param detail   what went wrong with this request
 * @param instance the request path
 * @param errors   the offending fields, for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An RFC 9457 problem document (application/problem+json)")
public record Problem(
        @Schema(required = true, description = "A URI naming the kind of problem") String type,
        @Schema(required = true, description = "A short, fixed summary of the kind") String title,
        @Schema(required = true, minimum = "400", maximum = "599", description = "The HTTP status code") int status,
        @Schema(required = true, description = "What went wrong with this request") String detail,
        @Schema(description = "The request path") String instance,
        @Schema(description = "The offending fields, for validation problems") List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://gridpivot.dev/problems/";
}
