package io.andon.alert;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed by
 * the base64-decoded bytes after the {@code whsec_} prefix of the secret.
 */
public final class WebhookSigner {
  public static final String PREFIX = "whsec_";

  private WebhookSigner() {}

  /** The value of the {@code webhook-signature} header. */
  public static String sign(String secret, String id, long timestampSeconds, String body) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(body, "body");
    byte[] key = key(secret);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] sig =
          mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(sig);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** GitHub's {@code X-Hub-Signature-256} value: {@code sha256=<hex HMAC-SHA256 of body>}. */
  public static String signGithub(String secret, String body) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(body, "body");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256="
          + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /**
   * What is wrong with {@code secret} (never its value), or empty when it is a usable {@code
   * whsec_} secret.
   */
  public static Optional<String> checkSecret(String secret) {
    String s = secret.strip();
    if (!s.startsWith(PREFIX)) {
      return Optional.of(
          "does not hold a Standard Webhooks secret: expected whsec_ followed by"
              + " the base64 key.");
    }
    try {
      if (Base64.getDecoder().decode(s.substring(PREFIX.length())).length < 16) {
        return Optional.of(
            "holds a key shorter than 16 bytes; use at least 24 random bytes,"
                + " base64-encoded after whsec_.");
      }
    } catch (IllegalArgumentException e) {
      return Optional.of("holds a whsec_ secret whose key is not valid base64.");
    }
    return Optional.empty();
  }

  static byte[] key(String secret) {
    Optional<String> bad = checkSecret(secret);
    if (bad.isPresent()) {
      throw new DeliveryException("the signing secret " + bad.get());
    }
    return Base64.getDecoder().decode(secret.strip().substring(PREFIX.length()));
  }
}
