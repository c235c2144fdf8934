package io.andon.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A log file copied in fixed-size pieces, from where the last copy stopped: a log of any size costs
 * 128 KiB of memory, and a file that is still growing can be copied again for its new bytes. A
 * character cut by a piece's end waits for its remaining bytes; bad UTF-8 is replaced.
 */
final class LogTail implements AutoCloseable {
  private static final int PIECE = 64 * 1024;

  private final Path path;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final ByteBuffer bytes = ByteBuffer.allocate(PIECE);
  private final CharBuffer chars = CharBuffer.allocate(PIECE);
  private FileChannel channel;
  private long copied;

  LogTail(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /** Bytes copied so far. */
  long copied() {
    return copied;
  }

  /** Copies what the file holds beyond the last copy to {@code out}; false when nothing was new. */
  boolean copyNew(Appendable out) throws IOException {
    if (channel == null) {
      if (!Files.isRegularFile(path)) {
        return false;
      }
      channel = FileChannel.open(path, StandardOpenOption.READ);
    }
    boolean any = false;
    int n;
    while ((n = channel.read(bytes)) > 0) {
      copied += n;
      any = true;
      bytes.flip();
      CoderResult r;
      do {
        r = decoder.decode(bytes, chars, false);
        drain(out);
      } while (r.isOverflow());
      bytes.compact();
    }
    return any;
  }

  /** Copies the rest, including an incomplete last character (replaced). */
  void finish(Appendable out) throws IOException {
    copyNew(out);
    bytes.flip();
    decoder.decode(bytes, chars, true);
    decoder.flush(chars);
    drain(out);
    bytes.clear();
  }

  private void drain(Appendable out) throws IOException {
    chars.flip();
    out.append(chars);
    chars.clear();
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
