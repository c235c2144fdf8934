package io.andon.serve;

import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The service's one bearer token: {@code ANDON_TOKEN} when set, else the file {@value #FILE} in the
 * home, made at the first start (32 random bytes, readable by its owner only). Compared in constant
 * time.
 */
public final class Auth {
  /** The token file's name inside the andon home. */
  public static final String FILE = "serve.token";

  private final byte[] token;

  private Auth(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /** The token of {@code home}: {@code ANDON_TOKEN} of {@code env}, else the home's file. */
  public static Auth of(Path home, Map<String, String> env) {
    String given = env.get("ANDON_TOKEN");
    if (given != null && !given.isBlank()) {
      return new Auth(given.strip());
    }
    return new Auth(readOrCreate(home.resolve(FILE)));
  }

  /** The token a client on this machine uses for {@code home}, if there is one. */
  public static Optional<String> clientToken(Path home, Map<String, String> env) {
    String given = env.get("ANDON_TOKEN");
    if (given != null && !given.isBlank()) {
      return Optional.of(given.strip());
    }
    try {
      Path file = home.resolve(FILE);
      return Files.isReadable(file)
          ? Optional.of(Files.readString(file).strip())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file).strip();
      }
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String made = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.createDirectories(file.getParent());
      Files.writeString(file, made + "\n", StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      return made;
    } catch (IOException | UnsupportedOperationException e) {
      throw new InvalidInputException(
          "cannot read or make the service token "
              + file
              + " ("
              + e.getMessage()
              + "); make the home writable, or set ANDON_TOKEN.",
          e);
    }
  }

  /** Whether {@code given} is the token itself (as a person types it into the web UI). */
  public boolean isToken(String given) {
    return MessageDigest.isEqual(token, given.strip().getBytes(StandardCharsets.UTF_8));
  }

  /** Whether {@code authorization} (the header's value, or empty) carries the token. */
  public boolean accepts(Optional<String> authorization) {
    String value = authorization.orElse("");
    return isToken(value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7) : "");
  }
}
