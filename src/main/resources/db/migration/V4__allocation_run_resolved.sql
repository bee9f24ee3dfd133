-- A request by reference (stored site, stored series) is kept as sent in request_json and, resolved to the inline
-- numbers it was solved with, in resolved_request_json, so the answer can be reproduced after the data change.
ALTER TABLE allocation_run ADD COLUMN resolved_request_json TEXT;
