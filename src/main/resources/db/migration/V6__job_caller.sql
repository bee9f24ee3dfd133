-- Who queued each job (the API key's name), so the runs a key may have queued or running at once can be limited.
ALTER TABLE job_run ADD COLUMN caller VARCHAR(100);
CREATE INDEX ix_job_run_caller_status ON job_run (caller, status);
