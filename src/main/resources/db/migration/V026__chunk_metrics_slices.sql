-- The chunked methods run per slice as the per-column drift does: each row carries its slice, and
-- a chunk of a slice too small to be judged against its band is NOT_ENOUGH_DATA (never an alert).
ALTER TABLE chunk_metrics ADD COLUMN slice_key TEXT;
ALTER TABLE chunk_metrics ADD COLUMN slice_value TEXT;
ALTER TABLE chunk_metrics ADD COLUMN status TEXT NOT NULL DEFAULT 'NO_ALERT';
UPDATE chunk_metrics SET status = 'ALERT' WHERE alert = 1;
