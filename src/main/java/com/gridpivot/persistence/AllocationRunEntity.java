package com.gridpivot.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The audit record of one allocation request: what was asked, what was answered, how the solver did. Table {@code allocation_run}. */
@Entity
@Table(name = "allocation_run")
public class AllocationRunEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(length = 200)
    public String caller;

    /** The stored site the request referred to, if any (no foreign key: runs outlive sites). */
    @Column(name = "site_id")
    public Long siteId;

    /** The request body exactly as sent. */
    @Column(name = "request_json", nullable = false, columnDefinition = "text")
    public String requestJson;

    /** The request with its references resolved to inline numbers; null when request_json is already inline. */
    @Column(name = "resolved_request_json", columnDefinition = "text")
    public String resolvedRequestJson;

    @Column(name = "result_json", columnDefinition = "text")
    public String resultJson;

    @Column(nullable = false, length = 32)
    public String status;

    @Column(name = "objective_usd")
    public Double objectiveUsd;

    @Column(name = "solver_name", length = 32)
    public String solverName;

    @Column(name = "wall_ms")
    public Long wallMs;

    public Integer variables;

    public Integer constraints;
}
