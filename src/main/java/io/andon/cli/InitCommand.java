package io.andon.cli;

import io.andon.error.AndonException;
import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code andon init}: writes a commented starting file that validates as it is. */
@Command(
    name = "init",
    description = {
      "Write a commented starting file (a job, a bundle, quality gates or a monitor)"
          + " into the current folder; it validates as written, and an existing file is never"
          + " overwritten."
    })
public final class InitCommand implements Callable<Integer> {
  /** The starting files, each with the name it is written under. */
  enum Template {
    job("job.yml", "andon validate job.yml, then andon run job.yml"),
    bundle("databricks.yml", "andon validate databricks.yml, then andon run databricks.yml"),
    gates("gates.yml", "andon gate gates.yml --metric accuracy=0.97 --metric latency_p99_ms=80"),
    monitor(
        "monitor.yml",
        "put data/current.csv and data/baseline.csv beside it, then andon"
            + " monitor monitor.yml");

    final String file;
    final String next;

    Template(String file, String next) {
      this.file = file;
      this.next = next;
    }
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--template",
      paramLabel = "KIND",
      defaultValue = "job",
      description = "job, bundle, gates or monitor (default: ${DEFAULT-VALUE}).")
  Template template;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The folder to write into (default: the current folder).")
  Path dir;

  @Override
  public Integer call() {
    Path target = dir.resolve(template.file);
    byte[] text = text(template);
    try {
      Files.createDirectories(dir);
      Files.write(target, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw new InvalidInputException(
          target
              + " exists already; andon init never overwrites."
              + " Move it away, or pass --dir DIR to write somewhere else.");
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot write "
              + target
              + " ("
              + e.getMessage()
              + "); pass --dir DIR to write into a writable folder.",
          e);
    }
    var out = spec.commandLine().getOut();
    out.println("wrote " + target + " (" + template + "); next: " + template.next);
    out.flush();
    return 0;
  }

  static byte[] text(Template t) {
    try (InputStream in = InitCommand.class.getResourceAsStream("/init/" + t.file)) {
      if (in == null) {
        throw new AndonException("the template " + t.file + " is missing from andon's jar", 3);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AndonException("cannot read the template " + t.file + ": " + e.getMessage(), 3, e);
    }
  }
}
