package com.gridpivot.jobs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One chunk of a run split for the cluster (sweep points, a batch of Monte Carlo paths). Table {@code job_chunk}. */
@Entity
@Table(name = "job_chunk")
public class JobChunkEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "run_id", nullable = false)
    public long runId;

    @Column(name = "chunk_index", nullable = false)
    public int chunkIndex;

    /** PENDING, RUNNING, DONE or FAILED. */
    @Column(nullable = false, length = 16)
    public String status;

    @Column(name = "input_json", nullable = false, columnDefinition = "text")
    public String inputJson;

    @Column(name = "result_json", columnDefinition = "text")
    public String resultJson;

    @Column(length = 4000)
    public String reason;

    /** The replica that holds (RUNNING) or computed (DONE) the chunk. */
    @Column(length = 200)
    public String worker;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
