CREATE TABLE notifications (
  id              TEXT    PRIMARY KEY,
  destination_id  TEXT    NOT NULL,
  destination     TEXT    NOT NULL,
  event           TEXT    NOT NULL,
  source          TEXT    NOT NULL,
  subject         TEXT    NOT NULL,
  text            TEXT    NOT NULL,
  body            TEXT    NOT NULL,
  state           TEXT    NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  created_at      INTEGER NOT NULL,
  next_attempt_at INTEGER,
  last_attempt_at INTEGER,
  delivered_at    INTEGER,
  last_error      TEXT,
  lease_until     INTEGER
);
CREATE INDEX notifications_due ON notifications(state, next_attempt_at);

CREATE TABLE notification_attempts (
  id          TEXT    NOT NULL REFERENCES notifications(id),
  attempt     INTEGER NOT NULL,
  at          INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  ok          INTEGER NOT NULL,
  error       TEXT,
  PRIMARY KEY (id, attempt)
);
