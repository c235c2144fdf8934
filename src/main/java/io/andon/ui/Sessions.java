package io.andon.ui;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Browser sessions: a random id in an HttpOnly, SameSite=Strict cookie that ends with the browser
 * session; the CSRF token of a session is an HMAC of its id under a key made at start, so sessions
 * that never sign in cost nothing. The ids that gave the service's token are kept in memory (the
 * {@value #MAX_SIGNED_IN} most recent): a restart of the service asks for the token again.
 */
final class Sessions {
  static final String COOKIE = "andon_session";
  static final int MAX_SIGNED_IN = 10_000;

  private final SecureRandom random = new SecureRandom();
  private final byte[] key = new byte[32];
  private final Set<String> signedIn =
      Collections.newSetFromMap(
          Collections.synchronizedMap(
              new LinkedHashMap<String, Boolean>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > MAX_SIGNED_IN;
                }
              }));

  Sessions() {
    random.nextBytes(key);
  }

  /** A new session id. */
  String newId() {
    byte[] id = new byte[24];
    random.nextBytes(id);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
  }

  /** The session id of a {@code Cookie} header, when it has a well-formed one. */
  static Optional<String> fromCookie(String cookieHeader) {
    for (String part : cookieHeader.split(";")) {
      String p = part.strip();
      if (p.startsWith(COOKIE + "=")) {
        String v = p.substring(COOKIE.length() + 1);
        if (v.matches("[A-Za-z0-9_-]{32}")) {
          return Optional.of(v);
        }
      }
    }
    return Optional.empty();
  }

  /** The {@code Set-Cookie} value that starts session {@code id}. */
  static String cookie(String id) {
    return COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict";
  }

  /** The visitor of session {@code id}. */
  Visitor visitor(String id) {
    return new Visitor(id, csrf(id), signedIn.contains(id));
  }

  /** Whether {@code given} is the CSRF token of session {@code id}. */
  boolean csrfMatches(String id, String given) {
    return MessageDigest.isEqual(
        csrf(id).getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.UTF_8));
  }

  void signIn(String id) {
    signedIn.add(id);
  }

  void signOut(String id) {
    signedIn.remove(id);
  }

  private String csrf(String id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] tag = mac.doFinal(id.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  }
}
