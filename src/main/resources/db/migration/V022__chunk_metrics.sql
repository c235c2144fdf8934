CREATE TABLE chunk_metrics (
  monitor_name     TEXT    NOT NULL,
  run_at           TEXT    NOT NULL,
  model_id         TEXT,
  method           TEXT    NOT NULL,
  metric           TEXT    NOT NULL,
  column_name      TEXT    NOT NULL,
  chunking         TEXT    NOT NULL,
  period           TEXT    NOT NULL,
  chunk_index      INTEGER NOT NULL,
  chunk_start_row  INTEGER NOT NULL,
  chunk_end_row    INTEGER NOT NULL,
  window_start     TEXT,
  window_end       TEXT,
  value            REAL    NOT NULL,
  sampling_error   REAL,
  lower_confidence REAL,
  upper_confidence REAL,
  lower_threshold  REAL    NOT NULL,
  upper_threshold  REAL,
  alert            INTEGER NOT NULL
);
CREATE INDEX chunk_metrics_by_monitor ON chunk_metrics(monitor_name, method, metric, run_at);
