package com.gridpivot.web;

import com.gridpivot.api.ApiExamples;

/** Requests for the tests, built from the API's documented example. */
final class ApiRequests {
    private ApiRequests() {
    }

    /** The OpenAPI example (a real HB_WEST day) with another interconnect. */
    static String twoDays(double interconnectMw) {
        return ApiExamples.ALLOCATION_REQUEST.replace("\"interconnectMw\": 100,", "\"interconnectMw\": " + interconnectMw + ",");
    }
}
