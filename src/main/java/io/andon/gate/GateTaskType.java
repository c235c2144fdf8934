package io.andon.gate;

import io.andon.error.InvalidInputException;
import io.andon.error.Problem;
import io.andon.job.Payload;
import io.andon.job.PayloadType;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code gate_task} from a job file. When the gates file is named without references, it is
 * loaded and validated with the job, so that its problems are reported at load, with their own
 * file:line:column.
 */
public final class GateTaskType implements PayloadType {
  static final List<String> KEYS =
      List.of("gates_file", "gate", "metrics", "baseline", "baseline_job");

  @Override
  public String key() {
    return GateTask.KEY;
  }

  @Override
  public Optional<Payload> parse(YMap body, Problems problems, Path baseDir) {
    int before = problems.list().size();
    problems.unknownKeys(body, KEYS, GateTask.KEY);
    Optional<String> file = problems.requiredString(body, "gates_file", GateTask.KEY);
    Optional<String> gate = problems.string(body, "gate");
    List<String> metrics = new ArrayList<>();
    for (YNode n : problems.list(body, "metrics")) {
      problems.scalarText(n, "a metrics file").ifPresent(metrics::add);
    }
    Optional<String> baseline = problems.string(body, "baseline");
    Optional<String> baselineJob = problems.string(body, "baseline_job");
    if (baseline.isPresent() && baselineJob.isPresent()) {
      problems.add(
          body.keyLoc("baseline_job"),
          "give 'baseline' (a JSON file) or"
              + " 'baseline_job' (the last successful run of a job), not both.");
    }
    if (problems.list().size() > before || file.isEmpty()) {
      return Optional.empty();
    }
    if (!file.get().contains("{{")) {
      Path path = baseDir.resolve(file.get());
      if (!Files.isRegularFile(path)) {
        problems.add(
            body.get("gates_file").get().loc(),
            "gates_file "
                + path
                + " does not exist. Give the path of a gates YAML file, relative to the job file.");
        return Optional.empty();
      }
      try {
        GatesFile gates = GatesFile.load(path);
        if (gate.isPresent() && !gate.get().contains("{{")) {
          gates.gate(gate);
        } else if (gate.isEmpty()) {
          gates.gate(Optional.empty());
        }
      } catch (InvalidInputException e) {
        if (e.problems().isEmpty()) {
          problems.add(body.loc(), "gate_task: " + e.getMessage());
        } else {
          for (Problem p : e.problems()) {
            problems.add(p);
          }
        }
        return Optional.empty();
      }
    }
    return Optional.of(new GateTask(file.get(), gate, metrics, baseline, baselineJob));
  }
}
