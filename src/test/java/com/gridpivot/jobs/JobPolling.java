package com.gridpivot.jobs;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;

/** Reads a durable job's status (plan, sweep, Monte Carlo, stochastic runs) until it leaves QUEUED and RUNNING. */
public final class JobPolling {
    private JobPolling() {
    }

    /** The run's last status answer: terminal, or still QUEUED/RUNNING after 60 s (the caller's assertion then fails). */
    public static Response poll(String location) throws InterruptedException {
        Response r = null;
        for (int k = 0; k < 1200; k++) {
            r = given().get(location);
            String s = r.jsonPath().getString("status");
            if (!s.equals("QUEUED") && !s.equals("RUNNING")) {
                return r;
            }
            Thread.sleep(50);
        }
        return r;
    }
}
