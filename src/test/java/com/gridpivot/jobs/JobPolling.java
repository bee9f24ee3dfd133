package com.gridpivot.jobs;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;

/** Reads a durable job's status (plan, sweep, Monte Carlo, stochastic runs) until it leaves QUEUED and RUNNING. */
public final class JobPolling {
    private JobPolling() {
    }

    /**
     * The run's last status answer: terminal, or still QUEUED/RUNNING after 10 minutes (the caller's assertion then fails).
     * A deadline in time, not a count of polls: on a 2-core machine shared with other builds each poll may take seconds.
     */
    public static Response poll(String location) throws InterruptedException {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        Response r = given().get(location);
        while (isOpen(r) && System.nanoTime() - end < 0) {
            Thread.sleep(50);
            r = given().get(location);
        }
        return r;
    }

    private static boolean isOpen(Response r) {
        String s = r.jsonPath().getString("status");
        return "QUEUED".equals(s) || "RUNNING".equals(s);
    }
}
