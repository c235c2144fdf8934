package io.andon.gate;

import java.util.List;
import java.util.Objects;

/** The verdict of a gate: it passed when no check blocks. */
public record GateResult(String gate, List<CheckResult> checks) {
  public GateResult {
    Objects.requireNonNull(gate, "gate");
    checks = List.copyOf(checks);
  }

  public boolean passed() {
    return checks.stream().noneMatch(CheckResult::blocking);
  }

  public long count(Status status) {
    return checks.stream().filter(c -> c.status() == status).count();
  }

  public long blockingCount() {
    return checks.stream().filter(CheckResult::blocking).count();
  }

  /** One line: "passed: 3 checks passed" or "FAILED: 1 of 4 checks blocks (...)". */
  public String summary() {
    long blocking = blockingCount();
    StringBuilder sb = new StringBuilder();
    sb.append(passed() ? "passed" : "FAILED").append(": ");
    sb.append(count(Status.PASSED)).append(" passed");
    if (count(Status.FAILED) > 0) {
      sb.append(", ").append(count(Status.FAILED)).append(" failed");
    }
    if (count(Status.NOT_MEASURED) > 0) {
      sb.append(", ").append(count(Status.NOT_MEASURED)).append(" not measured");
    }
    if (count(Status.WARNING) > 0) {
      sb.append(", ")
          .append(count(Status.WARNING))
          .append(count(Status.WARNING) == 1 ? " warning" : " warnings");
    }
    sb.append(" of ").append(checks.size()).append(checks.size() == 1 ? " check" : " checks");
    if (blocking > 0) {
      sb.append("; ")
          .append(blocking)
          .append(blocking == 1 ? " blocks" : " block")
          .append(" the gate");
    }
    return sb.toString();
  }
}
