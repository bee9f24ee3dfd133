-- Compact what-ifs (issue 17 item 5): a recorded what-if's request, resolved request and result (with its hourly
-- dispatch arrays, ~110 KB as text) are written gzip-compressed to the *_gz columns. Rows written before this migration
-- keep their texts in request_json / resolved_request_json / result_json and are read from there (the entity reads
-- whichever column holds the text); new rows leave those columns null, so request_json may now be null.
ALTER TABLE allocation_run ADD COLUMN request_gz BYTEA;
ALTER TABLE allocation_run ADD COLUMN resolved_request_gz BYTEA;
ALTER TABLE allocation_run ADD COLUMN result_gz BYTEA;
ALTER TABLE allocation_run ALTER COLUMN request_json DROP NOT NULL;
-- Retention by count per key: the newest N what-ifs and finished runs of each caller are kept.
CREATE INDEX ix_allocation_run_caller_id ON allocation_run (caller, id);
CREATE INDEX ix_job_run_caller_id ON job_run (caller, id);
-- V7 bounded the texts by their characters; the entity checks those before it compresses them (AllocationRunEntity),
-- and the compressed bytes are bounded here as V7 bounded the texts (gzip adds at most ~0.1 % to incompressible text).
ALTER TABLE allocation_run ADD CONSTRAINT ck_allocation_run_request_gz_length CHECK (OCTET_LENGTH(request_gz) <= 16842752);
ALTER TABLE allocation_run ADD CONSTRAINT ck_allocation_run_resolved_request_gz_length CHECK (OCTET_LENGTH(resolved_request_gz) <= 33619968);
