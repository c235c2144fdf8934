-- The target and variable values a bundle file was read with (JSON), so a repair reads it again
-- as the run did; NULL for a bare job.
ALTER TABLE runs ADD COLUMN bundle TEXT;
