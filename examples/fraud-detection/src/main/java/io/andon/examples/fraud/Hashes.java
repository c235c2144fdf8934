package io.andon.examples.fraud;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** SHA-256 of files, for lineage. */
public final class Hashes {
  private Hashes() {}

  /** {@code sha256:<64 hex digits>} of the file's bytes. */
  public static String sha256(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int r = in.read(buf); r > 0; r = in.read(buf)) {
        md.update(buf, 0, r);
      }
    }
    return "sha256:" + HexFormat.of().formatHex(md.digest());
  }
}
