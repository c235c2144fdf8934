CREATE TABLE gate_evaluations (
  evaluation_id INTEGER PRIMARY KEY AUTOINCREMENT,
  gate          TEXT    NOT NULL,
  gates_file    TEXT,
  passed        INTEGER NOT NULL,
  evaluated_at  INTEGER NOT NULL,
  run_id        INTEGER REFERENCES runs(run_id),
  task_key      TEXT
);
CREATE INDEX gate_evaluations_by_gate ON gate_evaluations(gate, evaluated_at);
CREATE INDEX gate_evaluations_by_run ON gate_evaluations(run_id);

CREATE TABLE gate_checks (
  evaluation_id INTEGER NOT NULL REFERENCES gate_evaluations(evaluation_id),
  check_name    TEXT    NOT NULL,
  metric        TEXT    NOT NULL,
  comparator    TEXT    NOT NULL,
  threshold     TEXT    NOT NULL,
  value         REAL,
  value_text    TEXT,
  baseline      REAL,
  status        TEXT    NOT NULL,
  severity      TEXT    NOT NULL,
  blocking      INTEGER NOT NULL,
  message       TEXT    NOT NULL,
  source        TEXT    NOT NULL,
  PRIMARY KEY (evaluation_id, check_name)
);
CREATE INDEX gate_checks_by_status ON gate_checks(status);
