package com.gridpivot.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

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
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://gridpivot.dev/problems/";
}
