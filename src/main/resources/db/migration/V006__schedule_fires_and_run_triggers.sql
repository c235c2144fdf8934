-- What started a run (the Jobs API's trigger: ONE_TIME, PERIODIC, FILE_ARRIVAL, CONTINUOUS, ...),
-- when the trigger fired (epoch ms; a schedule's planned time) and, for FILE_ARRIVAL, the url
-- of the trigger. Runs from before this column started ONE_TIME at their start time.
ALTER TABLE runs ADD COLUMN trigger TEXT NOT NULL DEFAULT 'ONE_TIME';
ALTER TABLE runs ADD COLUMN trigger_time INTEGER;
ALTER TABLE runs ADD COLUMN trigger_location TEXT;
CREATE INDEX runs_by_trigger ON runs(job_name, trigger_time);
-- Every fire of a schedule or trigger, committed before its run starts: run_id is NULL until
-- the run exists. A fire is never repeated (one row per job and planned time), and one left
-- without a run by a crash is started when the service comes back.
CREATE TABLE schedule_fires (
  job_name      TEXT    NOT NULL,
  planned_time  INTEGER NOT NULL,
  trigger       TEXT    NOT NULL,
  location      TEXT,
  committed_at  INTEGER NOT NULL,
  run_id        INTEGER REFERENCES runs(run_id),
  PRIMARY KEY (job_name, planned_time)
);
-- A job paused or resumed through the service, which wins over the job file's pause_status
-- until the job file's pause_status itself changes.
CREATE TABLE schedule_pauses (
  job_name     TEXT    PRIMARY KEY,
  pause_status TEXT    NOT NULL,
  file_status  TEXT    NOT NULL,
  changed_at   INTEGER NOT NULL
);
