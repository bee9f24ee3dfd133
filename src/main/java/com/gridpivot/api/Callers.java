package com.gridpivot.api;

/** Who is calling, for audit records. Until API keys exist every caller is "anonymous". */
public final class Callers {
    private Callers() {
    }

    public static String current() {
        return "anonymous";
    }
}
