package io.andon.engine;

import io.andon.job.ResultState;
import java.util.Optional;

/**
 * The part of a unit's running attempt that threads other than the scheduling thread touch: the
 * process or child run it started (set by the thread that started it), a kill the scheduling thread
 * asked for, the timeout of a native attempt, and the pid waiting to be committed. Every field is
 * volatile, and nothing else of a {@link Unit} is read or written off the scheduling thread.
 */
final class LiveAttempt {
  private volatile Process process;
  private volatile long nativePid; // a process started by NativeSpawn, while it runs
  private volatile Executor child;
  private volatile ResultState killAs = ResultState.CANCELED;
  private volatile boolean killRequested;
  private volatile boolean timedOut; // the timeout of the running native attempt killed it
  private volatile Timers.Timer timeout; // of the running native attempt
  private volatile long startedPid; // set when a process starts, committed 100 ms later

  /**
   * Stops the attempt, which then ends as {@code as} says (TIMEDOUT when the job timed out, else
   * CANCELED): kills what runs now, and whatever it starts later. From the scheduling thread.
   */
  void requestKill(ResultState as) {
    killAs = as == ResultState.TIMEDOUT ? ResultState.TIMEDOUT : ResultState.CANCELED;
    killRequested = true;
    Process p = process;
    if (p != null) {
      Processes.killGroup(p.pid());
    }
    long pid = nativePid;
    if (pid > 0) {
      Processes.killGroup(pid);
    }
    Executor c = child;
    if (c != null) {
      c.cancel();
    }
  }

  /** Whether the attempt was asked to stop. */
  boolean killRequested() {
    return killRequested;
  }

  /** What an attempt that was asked to stop ends as: CANCELED, or TIMEDOUT with its job. */
  ResultState killedAs() {
    return killAs;
  }

  /** The attempt's process (started with {@link ProcessBuilder}) runs: killed if asked before. */
  void processStarted(Process p) {
    process = p;
    if (killRequested) {
      Processes.killGroup(p.pid());
    }
  }

  /** The attempt's process has ended. */
  void processEnded() {
    process = null;
  }

  /**
   * The attempt's native process {@code pid} runs, with its timeout timer if it has one: killed if
   * asked before.
   */
  void nativeStarted(long pid) {
    timedOut = false;
    nativePid = pid;
  }

  /** The timeout of the native attempt, armed after it started. */
  void timeoutArmed(Optional<Timers.Timer> t) {
    timeout = t.orElse(null);
    if (killRequested) {
      Processes.killGroup(nativePid);
    }
  }

  /** The native attempt's timeout passed: its process group is killed. From the timer's thread. */
  void timeOut(long pid) {
    timedOut = true;
    Processes.killGroup(pid);
  }

  /** The native process has ended: its timer is disarmed. Returns its pid, 0 when none ran. */
  long nativeEnded() {
    Timers.Timer t = timeout;
    if (t != null) {
      t.cancel();
      timeout = null;
    }
    long pid = nativePid;
    nativePid = 0;
    return pid;
  }

  /** The native process of the attempt, 0 when none runs. */
  long nativePid() {
    return nativePid;
  }

  /** Whether the native attempt's timeout killed it. */
  boolean timedOut() {
    return timedOut;
  }

  /** The attempt runs the child job of {@code c}: canceled at once if asked before. */
  void childStarted(Executor c) {
    child = c;
    if (killRequested) {
      c.cancel();
    }
  }

  /** The child run has ended. */
  void childEnded() {
    child = null;
  }

  /** A process {@code pid} started, its pid to be committed if it still runs a while later. */
  void pidStarted(long pid) {
    startedPid = pid;
  }

  /** The pid {@link #pidStarted} gave, when it is the attempt's process still running. */
  Optional<Long> stillRunningPid() {
    long pid = startedPid;
    Process p = process;
    return nativePid == pid || p != null && p.pid() == pid ? Optional.of(pid) : Optional.empty();
  }
}
