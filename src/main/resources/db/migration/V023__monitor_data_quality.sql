CREATE TABLE data_quality (
  monitor_name     TEXT    NOT NULL,
  run_at           TEXT    NOT NULL,
  window_start     TEXT,
  window_end       TEXT,
  granularity      TEXT    NOT NULL,
  model_id         TEXT,
  slice_key        TEXT,
  slice_value      TEXT,
  check_name       TEXT    NOT NULL,
  column_name      TEXT    NOT NULL,
  failed           INTEGER NOT NULL,
  count            INTEGER NOT NULL,
  share            REAL    NOT NULL,
  detail           TEXT    NOT NULL
);
CREATE INDEX data_quality_by_monitor ON data_quality(monitor_name, run_at, check_name);
