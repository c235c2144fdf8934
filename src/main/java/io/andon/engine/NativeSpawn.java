package io.andon.engine;

import io.andon.util.NativeLibrary;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts task processes with posix_spawn and POSIX_SPAWN_SETSID (src/main/native/andonspawn.c): the
 * shell leads its own session and process group, with one exec instead of two through setsid(1).
 * Available when the build found a C compiler and the library loads; andon otherwise starts tasks
 * through setsid(1) and {@link ProcessBuilder}.
 */
final class NativeSpawn {
  private static final boolean AVAILABLE = load();

  private NativeSpawn() {}

  static boolean available() {
    return AVAILABLE;
  }

  private static boolean load() {
    if (Boolean.getBoolean("andon.noNativeSpawn")) {
      return false;
    }
    return NativeLibrary.load(NativeSpawn.class, "native/libandonspawn.so");
  }

  /**
   * Starts {@code argv} in {@code dir} with the environment {@code envp} ("NAME=value" strings),
   * output appended to {@code log}; returns the pid.
   */
  static long spawn(String[] argv, String[] envp, Path dir, Path log) throws IOException {
    return spawn(argv, null, envp, dir, log, null);
  }

  /**
   * The same, with the environment {@code base} followed by {@code envp}: the base is converted
   * once, for every attempt of a run, and must not name a variable {@code envp} names. With a
   * {@code spool} (already linked under the log's name), the output goes to it.
   */
  static long spawn(String[] argv, Env base, String[] envp, Path dir, Path log, Spool spool)
      throws IOException {
    long pid =
        spawn0(
            pack(argv),
            base == null ? 0 : base.block,
            pack(envp),
            pack(dir.toString(), log.toString()),
            spool == null ? -1 : spool.fd);
    if (pid <= 0) {
      throw new IOException(
          "cannot start "
              + argv[0]
              + " in "
              + dir
              + " (errno "
              + -pid
              + (pid == -2 ? ": no such file or directory" : "")
              + ")");
    }
    return pid;
  }

  /**
   * A file that takes an attempt's output before the attempt has a file of its own: it is
   * hard-linked under the attempt's log name while the attempt runs (so the log is there, and
   * complete, at every moment), and the attempt keeps it only when it wrote something or left a
   * process behind. Otherwise the log name is removed and the next attempt uses the same file.
   * Starting an attempt then creates no inode, which costs more than the link and the unlink
   * together, and a run of many quiet tasks leaves no empty logs. Used by one thread. A process
   * that leaves the task's group (setsid) yet keeps its output is not seen: should it print after
   * its task ended quietly, the text lands in a later attempt's log.
   */
  static final class Spool {
    /** How a spool file's name starts, in the run's log folder. */
    static final String PREFIX = ".spool-";

    private int fd;
    private final Path path;

    private Spool(int fd, Path path) {
      this.fd = fd;
      this.path = path;
    }

    /** Creates the spool file {@code path}, which must not exist. */
    static Spool open(Path path) throws IOException {
      int fd = spoolOpen0(pack(path.toString()));
      if (fd < 0) {
        throw new IOException("cannot create " + path + " (errno " + -fd + ")");
      }
      return new Spool(fd, path);
    }

    /** Links this file under {@code log}, which must not exist yet. */
    void link(Path log) throws IOException {
      int rc = spoolLink0(pack(path.toString(), log.toString()));
      if (rc < 0) {
        throw new IOException("cannot link " + path + " to " + log + " (errno " + -rc + ")");
      }
    }

    /**
     * The attempt linked to {@code log}, whose process group was {@code pgid}, ended: true when
     * this file is free again (it is empty and no process of the group is left; the log name is
     * gone), false when it became that attempt's log (this spool is closed then).
     */
    boolean settle(long pgid, Path log) throws IOException {
      int rc = spoolSettle0(fd, pgid, pack(path.toString(), log.toString()));
      if (rc == 1) {
        return true;
      }
      fd = -1;
      if (rc < 0) {
        throw new IOException("cannot remove " + path + " (errno " + -rc + ")");
      }
      return false;
    }

    /** Closes a free spool and removes its name. */
    void drop() {
      if (fd >= 0) {
        try {
          spoolDrop0(fd, pack(path.toString()));
        } catch (IOException e) {
          // a path with a NUL in it was never opened
        }
        fd = -1;
      }
    }
  }

  /** An environment converted once for many {@link #spawn} calls; closed when no longer used. */
  static final class Env implements AutoCloseable {
    private long block;

    Env(String[] entries) throws IOException {
      block = envOpen0(pack(entries));
      if (block == 0) {
        throw new OutOfMemoryError("no memory for a task environment");
      }
    }

    @Override
    public synchronized void close() {
      if (block != 0) {
        envClose0(block);
        block = 0;
      }
    }
  }

  /** Blocks until the child ends; its exit code, or 128 + the signal that ended it. */
  static int waitFor(long pid) {
    return waitFor0(pid);
  }

  /** SIGKILL to the process group led by {@code pid}. */
  static void killGroup(long pid) {
    killGroup0(pid, 9);
  }

  /**
   * Lets one thread wait for the children it started, and for nothing else: a pidfd per child in an
   * epoll set, and an eventfd that {@link #wake} writes to from any thread. Empty when the library
   * is missing or the kernel has no pidfd_open (before Linux 5.3).
   */
  static java.util.Optional<Reaper> reaper() {
    if (!AVAILABLE || Boolean.getBoolean("andon.noReaper") || !PIDFD) {
      return java.util.Optional.empty();
    }
    long fds = reaperOpen0();
    if (fds < 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Reaper((int) (fds >>> 32), (int) fds));
  }

  private static final boolean PIDFD = AVAILABLE && probePidfd();

  /** Does this kernel open pidfds? Asked once, with andon's own pid. */
  private static boolean probePidfd() {
    try {
      long fds = reaperOpen0();
      if (fds < 0) {
        return false;
      }
      try {
        // watching a process that is not our child fails only at waitpid, never reached here
        return reaperWatch0((int) (fds >>> 32), ProcessHandle.current().pid()) == 0;
      } finally {
        reaperClose0((int) (fds >>> 32), (int) fds);
      }
    } catch (UnsatisfiedLinkError e) {
      return false; // a library built before the reaper existed
    }
  }

  /** See {@link #reaper()}. Used by one waiting thread; {@link #wake} by any. */
  static final class Reaper implements AutoCloseable {
    private final int epoll;
    private final int event;
    private final long[] buf = new long[128];
    private volatile boolean closed;

    private Reaper(int epoll, int event) {
      this.epoll = epoll;
      this.event = event;
    }

    /** Watches child {@code pid}, started by this process and not yet waited for. */
    void watch(long pid) throws IOException {
      if (Boolean.getBoolean("andon.noWatch")) { // the fallback, for tests
        throw new IOException("watching children is switched off (andon.noWatch)");
      }
      int rc = reaperWatch0(epoll, pid);
      if (rc < 0) {
        throw new IOException("cannot watch process " + pid + " (errno " + -rc + ")");
      }
    }

    /**
     * Waits until a watched child exits, {@link #wake} is called, or {@code timeoutMillis} passes
     * (-1: no limit). Reaps what exited and returns it as pid, exit code pairs (the exit code is
     * 128 + the signal for a killed child).
     */
    long[] await(int timeoutMillis) {
      int n = reaperAwait0(epoll, event, buf, timeoutMillis);
      if (n <= 0) {
        return new long[0];
      }
      return java.util.Arrays.copyOf(buf, 2 * n);
    }

    /** Makes a waiting (or the next) {@link #await} return. */
    synchronized void wake() {
      if (!closed) {
        reaperWake0(event);
      }
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        reaperClose0(epoll, event);
      }
    }
  }

  private static native long reaperOpen0();

  private static native int reaperWatch0(int epoll, long pid);

  private static native int reaperAwait0(int epoll, int event, long[] out, int timeoutMillis);

  private static native void reaperWake0(int event);

  private static native void reaperClose0(int epoll, int event);

  /**
   * The strings as UTF-8, each ended by a NUL, for the native side (JNI's own string functions give
   * "modified UTF-8", which encodes a character outside the BMP as two surrogates).
   */
  static byte[] pack(String... strings) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (String s : strings) {
      if (s.indexOf('\0') >= 0) {
        throw new IOException(
            "a NUL character cannot be passed to a process: " + s.replace("\0", "\\0"));
      }
      out.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.write(0);
    }
    return out.toByteArray();
  }

  /**
   * argv and envp packed by {@link #pack}; paths: the working directory, then the log; outFd: a
   * spool's descriptor, or -1 to append to the log.
   */
  private static native long spawn0(byte[] argv, long base, byte[] envp, byte[] paths, int outFd);

  private static native int spoolOpen0(byte[] path);

  private static native int spoolLink0(byte[] paths);

  private static native int spoolSettle0(int fd, long pgid, byte[] paths);

  private static native void spoolDrop0(int fd, byte[] path);

  private static native long envOpen0(byte[] entries);

  private static native void envClose0(long block);

  private static native int waitFor0(long pid);

  private static native int killGroup0(long pgid, int sig);
}
