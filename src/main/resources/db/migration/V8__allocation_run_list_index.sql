-- The list of allocation runs (GET /api/v1/allocation-runs) is ordered newest first by (created_at, id). With this index
-- neither the page-number query nor the keyset (cursor) query sorts, and a cursor seeks straight to its position.
-- The same statement on H2 and PostgreSQL.
CREATE INDEX ix_allocation_run_created_id ON allocation_run (created_at DESC, id DESC);
