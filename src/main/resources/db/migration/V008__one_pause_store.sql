-- One pause store: a pause or resume given through the service (jobs/update, andon jobs
-- pause|resume) is kept in schedule_pauses alone, for jobs with or without a schedule.
-- serve_jobs.paused held the same status for the API's jobs/get; a status found only there was
-- given to a job with no schedule or trigger, whose job file says UNPAUSED.
INSERT INTO schedule_pauses (job_name, pause_status, file_status, changed_at)
  SELECT job_name, paused, 'UNPAUSED', created_time FROM serve_jobs
  WHERE paused IN ('PAUSED', 'UNPAUSED')
    AND job_name NOT IN (SELECT job_name FROM schedule_pauses);
ALTER TABLE serve_jobs DROP COLUMN paused;
