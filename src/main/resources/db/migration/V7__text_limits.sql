-- GridPivot schema, version 7: every stored text has a maximum length (issue 12). Portable to H2 2.x and PostgreSQL 15.
-- Names and other short texts already are VARCHAR(n) (V1, V3, V5, V6) and the API refuses longer ones with a 400
-- (com.gridpivot.api.TextLimits: names 200, fleet/option/key names 100, site notes and scenario descriptions 4000,
-- market node 64, series key 100). The JSON documents stored as TEXT were unbounded: a 15 MiB site name inside an
-- inline what-if was stored in full. They are bounded here by what the API can receive: a request body is at most
-- 16 MiB (quarkus.http.limits.max-body-size), so a request kept as sent holds at most 16,777,216 characters; an input
-- snapshot or a resolved request adds the stored data it was solved with (at most 10 years of hourly prices, about
-- 2 MB as JSON) and is bounded at twice that. Results are computed, bounded by the inputs' limits, and left as they are.
ALTER TABLE allocation_run ADD CONSTRAINT ck_allocation_run_request_json_length CHECK (CHAR_LENGTH(request_json) <= 16777216);
ALTER TABLE allocation_run ADD CONSTRAINT ck_allocation_run_resolved_request_json_length
    CHECK (CHAR_LENGTH(resolved_request_json) <= 33554432);
ALTER TABLE scenario ADD CONSTRAINT ck_scenario_content_json_length CHECK (CHAR_LENGTH(content_json) <= 16777216);
ALTER TABLE job_run ADD CONSTRAINT ck_job_run_input_json_length CHECK (CHAR_LENGTH(input_json) <= 33554432);
