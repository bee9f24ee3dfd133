package com.gridpivot.security;

import jakarta.enterprise.context.RequestScoped;

/** Who made the current request: the API key's name, or "anonymous" when keys are not required. */
@RequestScoped
public class CurrentCaller {
    private String name = "anonymous";
    private Role role;

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    /** Set once per request by the API-key filter of the api layer. */
    public void set(String name, Role role) {
        this.name = name;
        this.role = role;
    }
}
