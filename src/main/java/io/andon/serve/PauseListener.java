package io.andon.serve;

/**
 * Hears a job being paused or resumed through the API ({@code jobs/update} with a {@code
 * pause_status}, or {@code andon jobs pause|resume}): what fires schedules and triggers plugs in
 * here with {@link Service#onPauseChange(PauseListener)}.
 */
@FunctionalInterface
public interface PauseListener {
  void pauseChanged(String jobName, boolean paused);
}
