package com.gridpivot.api;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;

/** RestAssured reads JSON numbers as Float unless told otherwise; our money needs doubles. */
public final class RestAssuredDoubles {
    private RestAssuredDoubles() {
    }

    public static void install() {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }
}
