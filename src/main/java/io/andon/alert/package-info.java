/**
 * Alerts and notifications that are never lost.
 *
 * <p>Destinations ({@link io.andon.alert.Destination}: Standard Webhooks endpoints,
 * Slack-compatible incoming webhooks, SMTP e-mail, local files) are declared once by id and parsed
 * with located problems by {@link io.andon.alert.DestinationsYaml} (the keys of each kind by {@code
 * WebhookYaml} and {@code EmailYaml}). Every notification is written to a durable outbox in the
 * store ({@link io.andon.alert.Outbox}, its SQL in {@code NotificationRows}) under an idempotency
 * id before any attempt to send it; delivery is at-least-once with the same id on every attempt,
 * retried on the Standard Webhooks schedule, and survives a restart of andon. Job notifications
 * come from {@link io.andon.alert.NotificationListener}; alert rules over the stored metrics from
 * {@link io.andon.alert.AlertEvaluator}: an alerts file is read by {@link
 * io.andon.alert.AlertsFile} (each rule's source and condition by {@code AlertRuleParts}), a rule's
 * query run and its condition applied by {@code AlertQuery}, and the evaluator keeps the alert's
 * state and notifies changes. In the flow of a run (load -&gt; validate -&gt; execute -&gt; store
 * -&gt; report) this package is the last step: it reports what the store holds to people.
 *
 * <p>Threading: the notification listener is called on the engine's scheduling thread; it writes
 * each notification to the outbox and leaves sending to a thread of its own ({@code andon-notify}),
 * and watches the run-duration health rule on a timer thread ({@code andon-health}), so a slow
 * destination never slows a run. At the end of a run it waits a bounded time for what is due. Alert
 * rules ({@code alert_task}, {@code andon alerts check}) run on the calling thread.
 *
 * <p>Secrets (webhook signing keys, SMTP passwords, secret URLs) are read from environment
 * variables at send time and never stored, logged or printed.
 */
package io.andon.alert;
