-- GridPivot schema, version 18: run labels (issue 18 item 5). Portable to H2 2.x and PostgreSQL 15.
-- Every stored run carries the name of its site (a what-if's inline site or the stored site it named, a plan's site, the
-- plan or what-if a sweep, Monte Carlo or stochastic run is built on), copied when the run is stored so a list needs no
-- JSON and the name stays as it was when the site is renamed or deleted, and an optional label the caller gave (the
-- request's "label": at most 200 characters, no control characters; com.gridpivot.jobs.RunTags). Runs stored before
-- this migration have neither (null).
ALTER TABLE allocation_run ADD COLUMN site_name VARCHAR(200);
ALTER TABLE allocation_run ADD COLUMN label VARCHAR(200);
ALTER TABLE job_run ADD COLUMN site_name VARCHAR(200);
ALTER TABLE job_run ADD COLUMN label VARCHAR(200);
