package io.andon.alert;

import io.andon.error.AndonException;

/**
 * One attempt to deliver a notification failed; the message says why (never a secret) and the
 * outbox keeps the notification for the next attempt.
 */
public class DeliveryException extends AndonException {
  public DeliveryException(String message) {
    super(message, 1);
  }

  public DeliveryException(String message, Throwable cause) {
    super(message, 1, cause);
  }
}
