package io.andon.serve;

import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One service per andon home: an OS file lock on {@value #FILE} in the home, held while the service
 * runs and released by the OS when its process ends, however it ends.
 */
final class ServiceLock implements AutoCloseable {
  static final String FILE = "serve.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private ServiceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock of {@code home}, or says which process holds it. */
  static ServiceLock acquire(Path home) {
    Path file = home.resolve(FILE);
    try {
      Files.createDirectories(home);
      FileChannel ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException e) {
        lock = null; // this very process serves the home already
      }
      if (lock == null) {
        String pid = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
        ch.close();
        throw new InvalidInputException(
            "another andon serve (pid "
                + (pid.isEmpty() ? "?" : pid)
                + ") is serving the home "
                + home
                + "; stop it first, or pass --home DIR for"
                + " another home.");
      }
      ch.truncate(0);
      ch.write(
          ByteBuffer.wrap(
              Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)),
          0);
      return new ServiceLock(ch, lock);
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot lock " + file + " (" + e.getMessage() + "); make" + " the andon home writable.",
          e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the OS releases it when the process ends
    }
  }
}
