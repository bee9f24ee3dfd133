package com.gridpivot.jobs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One durable job. Table {@code job_run}. */
@Entity
@Table(name = "job_run")
public class JobRunEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 32)
    public String kind;

    /** The API key (name) that queued the job; "anonymous" without keys. */
    @jakarta.persistence.Column(length = 100)
    public String caller;

    @Column(nullable = false, length = 32)
    public String status;

    /** The run's site name when it was stored (V18); null before V18 or when the request named no site. */
    @Column(name = "site_name", length = 200)
    public String siteName;

    /** The caller's label (V18); null when none was given. */
    @Column(length = 200)
    public String label;

    @Column(name = "progress_percent", nullable = false)
    public int progressPercent;

    @Column(name = "input_json", nullable = false, columnDefinition = "text")
    public String inputJson;

    @Column(name = "result_json", columnDefinition = "text")
    public String resultJson;

    @Column(length = 4000)
    public String reason;

    @Column(nullable = false)
    public int attempts;

    /** The replica that holds (RUNNING) or last held the run: GRIDPIVOT_REPLICA_ID, or host and process id. */
    @Column(length = 200)
    public String worker;

    /** Until when the holder's lease runs; renewed by its heartbeat. A RUNNING run past it belongs to a dead replica. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "cancel_requested", nullable = false)
    public boolean cancelRequested;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
