-- The service's numeric job ids: one per job name, kept across restarts so that Jobs API clients
-- can hold on to a job_id; `paused` is the pause status set through the API over the file's.
CREATE TABLE serve_jobs (
  job_id INTEGER PRIMARY KEY AUTOINCREMENT,
  job_name TEXT NOT NULL UNIQUE,
  created_time INTEGER NOT NULL,
  paused TEXT
);
-- Runs started through the service: which job id, and the idempotency token of a run-now, so
-- that the same token always names the same run (what started a run is on the run itself).
CREATE TABLE serve_runs (
  run_id INTEGER PRIMARY KEY,
  job_id INTEGER NOT NULL,
  idempotency_token TEXT UNIQUE
);
