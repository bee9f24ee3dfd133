-- Cluster-safe jobs: a run taken by a replica records who holds it ('worker': GRIDPIVOT_REPLICA_ID, or host and pid)
-- and until when ('lease_until', renewed by the holder's heartbeat). A RUNNING run whose lease has passed belongs to a
-- replica that died: any replica re-queues it (or fails it after gridpivot.jobs.max-attempts). Retention purges by
-- finished_at / created_at.
ALTER TABLE job_run ADD COLUMN worker VARCHAR(200);
ALTER TABLE job_run ADD COLUMN lease_until TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX ix_job_run_status_lease ON job_run (status, lease_until);
CREATE INDEX ix_job_run_created_at ON job_run (created_at);
