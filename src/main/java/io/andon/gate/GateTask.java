package io.andon.gate;

import io.andon.job.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code gate_task} payload: checks a gate of a gates file inside a job. Strings may hold
 * {@code {{...}}} references; relative paths start from the job file's folder.
 *
 * <pre>
 * - task_key: gate
 *   depends_on: [{task_key: train}]
 *   gate_task:
 *     gates_file: gates.yml
 *     gate: production
 *     metrics: [out/eval.json, "tdg=out/tdg.json"]
 * </pre>
 *
 * @param gatesFile the YAML file of gates
 * @param gate the gate's name; may be left out when the file holds one gate
 * @param metrics JSON files of metrics, each {@code FILE} or {@code PREFIX=FILE}
 * @param baseline a JSON file for max_drop/max_rise checks that name no baseline
 * @param baselineJob a job whose last successful run those checks compare with; default this job
 */
public record GateTask(
    String gatesFile,
    Optional<String> gate,
    List<String> metrics,
    Optional<String> baseline,
    Optional<String> baselineJob)
    implements Payload {
  public static final String KEY = "gate_task";

  public GateTask {
    Objects.requireNonNull(gatesFile, "gatesFile");
    Objects.requireNonNull(gate, "gate");
    metrics = List.copyOf(metrics);
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(baselineJob, "baselineJob");
  }

  @Override
  public String type() {
    return KEY;
  }

  @Override
  public List<String> templates() {
    List<String> t = new ArrayList<>();
    t.add(gatesFile);
    gate.ifPresent(t::add);
    t.addAll(metrics);
    baseline.ifPresent(t::add);
    baselineJob.ifPresent(t::add);
    return t;
  }
}
