package com.gridpivot.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;

import jakarta.persistence.Table;
import jakarta.persistence.Transient;
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

    /** The site's name when the run was recorded (V18): the inline site's or the stored site's; null before V18. */
    @Column(name = "site_name", length = 200)
    public String siteName;

    /** The request's label (V18); null when none. */
    @Column(length = 200)
    public String label;

    /**
     * The request body exactly as sent. Stored gzip-compressed in {@code request_gz} (V17); a row written before V17 holds
     * it as text in {@code request_json}, read as it is.
     */
    @Transient
    public String requestJson;

    /** The request with its references resolved to inline numbers; null when request_json is already inline. Stored as requestJson is. */
    @Transient
    public String resolvedRequestJson;

    /** The answer as returned (with its hourly dispatch arrays). Stored as requestJson is. */
    @Transient
    public String resultJson;

    /** A request kept as sent holds at most what a request body can, 16 MiB (V7). */
    static final int MAX_REQUEST_CHARS = 16 * 1024 * 1024;

    /** Rows before V17: the texts as they were written. New rows leave them null. */
    @Column(name = "request_json", columnDefinition = "text")
    String requestText;

    @Column(name = "resolved_request_json", columnDefinition = "text")
    String resolvedRequestText;

    @Column(name = "result_json", columnDefinition = "text")
    String resultText;

    /** Since V17: the texts gzip-compressed ({@link Gzip}). */
    @Column(name = "request_gz", columnDefinition = "bytea")
    byte[] requestGz;

    @Column(name = "resolved_request_gz", columnDefinition = "bytea")
    byte[] resolvedRequestGz;

    @Column(name = "result_gz", columnDefinition = "bytea")
    byte[] resultGz;

    /** Writes the texts compressed. (What-ifs are written once; nothing updates a stored one.) */
    @PrePersist
    void compress() {
        // V7's bounds on the texts, which the database checked on the text columns, now checked before compression.
        if (requestJson != null && requestJson.length() > MAX_REQUEST_CHARS) {
            throw new IllegalArgumentException("ck_allocation_run_request_json_length: a stored request holds at most "
                    + MAX_REQUEST_CHARS + " characters (the request body limit), this one " + requestJson.length());
        }
        if (resolvedRequestJson != null && resolvedRequestJson.length() > 2 * MAX_REQUEST_CHARS) {
            throw new IllegalArgumentException("ck_allocation_run_resolved_request_json_length: a resolved request holds at most "
                    + 2 * MAX_REQUEST_CHARS + " characters, this one " + resolvedRequestJson.length());
        }
        requestGz = Gzip.compress(requestJson);
        resolvedRequestGz = Gzip.compress(resolvedRequestJson);
        resultGz = Gzip.compress(resultJson);
        requestText = null;
        resolvedRequestText = null;
        resultText = null;
    }

    /** Reads the texts from whichever column holds them. */
    @PostLoad
    void decompress() {
        requestJson = requestGz != null ? Gzip.decompress(requestGz) : requestText;
        resolvedRequestJson = resolvedRequestGz != null ? Gzip.decompress(resolvedRequestGz) : resolvedRequestText;
        resultJson = resultGz != null ? Gzip.decompress(resultGz) : resultText;
    }

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
