CREATE TABLE alert_states (
  alert_name       TEXT    PRIMARY KEY,
  alerts_file      TEXT    NOT NULL,
  state            TEXT    NOT NULL,
  value            TEXT,
  message          TEXT,
  evaluated_at     INTEGER NOT NULL,
  state_since      INTEGER NOT NULL,
  last_notified_at INTEGER
);

CREATE TABLE alert_evaluations (
  alert_name   TEXT    NOT NULL,
  evaluated_at INTEGER NOT NULL,
  state        TEXT    NOT NULL,
  value        TEXT,
  message      TEXT,
  notified     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX alert_evaluations_by_name ON alert_evaluations(alert_name, evaluated_at);
