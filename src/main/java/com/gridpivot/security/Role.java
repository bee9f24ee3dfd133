package com.gridpivot.security;

/** What a key may do; each role includes the ones before it. */
public enum Role {
    /** Read everything. */
    VIEWER,
    /** Run what-ifs, sweeps and plans, manage sites and scenarios, import data. */
    PLANNER,
    /** Manage keys; delete stored data. */
    ADMIN;

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }
}
