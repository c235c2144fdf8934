-- When `andon runs cancel` asked another andon process to cancel the run; that process looks
-- for it while the run is in progress.
ALTER TABLE runs ADD COLUMN cancel_requested_at INTEGER;
-- The job definition and parameters each repair ran with (the run keeps the original ones), so
-- that the history has every definition a run used.
ALTER TABLE repairs ADD COLUMN definition TEXT;
ALTER TABLE repairs ADD COLUMN parameters TEXT;
-- When the run had ended before this repair: the first attempt's end for repair 1, so that a
-- run's duration is the sum of its attempts' wall times, not the time from its start to now.
ALTER TABLE repairs ADD COLUMN run_end_before INTEGER;
-- The job's tags (JSON), as the definition the run last ran with declares them.
ALTER TABLE runs ADD COLUMN tags TEXT
