/**
 * Alerts and notifications that are never lost.
 *
 * <p>Destinations ({@link io.andon.alert.Destination}: Standard Webhooks endpoints, Slack-compatible
 * incoming webhooks, SMTP e-mail, local files) are declared once by id and parsed with located
 * problems by {@link io.andon.alert.Destinations}. Every notification is written to a durable
 * outbox in the store ({@link io.andon.alert.Outbox}) under an idempotency id before any attempt
 * to send it; delivery is at-least-once with the same id on every attempt, retried on the Standard
 * Webhooks schedule, and survives a restart of andon. Job notifications come from {@link
 * io.andon.alert.NotificationListener}; alert rules over the stored metrics from {@link
 * io.andon.alert.AlertEvaluator}.
 *
 * <p>Secrets (webhook signing keys, SMTP passwords, secret URLs) are read from environment
 * variables at send time and never stored, logged or printed.
 */
package io.andon.alert;
