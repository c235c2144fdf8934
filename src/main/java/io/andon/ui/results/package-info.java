/**
 * What the web UI's result pages show, read from the home's store: a task run (its attempts, log,
 * task values and, for andon's own payloads, the gate's checks, the TDG grade or the drift table),
 * a monitor's metrics over windows with its thresholds and latest histograms, and the alert rules
 * with the notification outbox.
 *
 * <p>Each page has a query class that assembles an immutable view record from the tables the
 * features write ({@code task_runs}, {@code task_attempts}, {@code gate_checks}, {@code
 * profile_metrics}, {@code drift_metrics}, {@code alert_states}, {@code alert_evaluations}, {@code
 * notifications}, {@code notification_attempts}); templates and JSON endpoints only format those
 * records. Nothing here writes, except the outbox's retry, which goes through {@link
 * io.andon.alert.Outbox}.
 */
package io.andon.ui.results;
