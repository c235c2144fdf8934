CREATE TABLE runs (
  run_id        INTEGER PRIMARY KEY AUTOINCREMENT,
  job_name      TEXT    NOT NULL,
  job_file      TEXT    NOT NULL,
  job_key       TEXT,
  definition    TEXT    NOT NULL,
  parameters    TEXT    NOT NULL,
  state         TEXT    NOT NULL,
  result_state  TEXT,
  message       TEXT,
  start_time    INTEGER NOT NULL,
  end_time      INTEGER,
  repair_count  INTEGER NOT NULL DEFAULT 0,
  owner_pid     INTEGER,
  owner_start   INTEGER,
  parent_run_id INTEGER REFERENCES runs(run_id)
);
CREATE INDEX runs_by_job ON runs(job_name, run_id);

CREATE TABLE task_runs (
  run_id       INTEGER NOT NULL REFERENCES runs(run_id),
  task_key     TEXT    NOT NULL,
  iteration    INTEGER NOT NULL DEFAULT -1,
  state        TEXT    NOT NULL,
  result_state TEXT,
  outcome      TEXT,
  attempts     INTEGER NOT NULL DEFAULT 0,
  start_time   INTEGER,
  end_time     INTEGER,
  task_values  TEXT    NOT NULL DEFAULT '{}',
  message      TEXT,
  input        TEXT,
  pid          INTEGER,
  pid_start    INTEGER,
  repair_id    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, task_key, iteration)
);

CREATE TABLE task_attempts (
  run_id       INTEGER NOT NULL REFERENCES runs(run_id),
  task_key     TEXT    NOT NULL,
  iteration    INTEGER NOT NULL DEFAULT -1,
  attempt      INTEGER NOT NULL,
  repair_id    INTEGER NOT NULL DEFAULT 0,
  start_time   INTEGER NOT NULL,
  end_time     INTEGER,
  exit_code    INTEGER,
  result_state TEXT,
  log_path     TEXT,
  PRIMARY KEY (run_id, task_key, iteration, repair_id, attempt)
);

CREATE TABLE repairs (
  run_id      INTEGER NOT NULL REFERENCES runs(run_id),
  repair_id   INTEGER NOT NULL,
  start_time  INTEGER NOT NULL,
  end_time    INTEGER,
  rerun_tasks TEXT    NOT NULL,
  result_state TEXT,
  PRIMARY KEY (run_id, repair_id)
);
