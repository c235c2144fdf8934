package io.andon.job;

import io.andon.error.InvalidInputException;
import io.andon.util.Strings;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the job of a file stands: the file itself (a bare job), one job of a bundle's {@code
 * resources.jobs} with the bundle's substitutions made, or the {@code settings} of a Jobs API
 * document ({@code databricks jobs get}).
 *
 * @param job the job mapping to read
 * @param key the job's key under {@code resources.jobs}, for a bundle
 * @param settings the target and variables a bundle's substitutions were made with
 * @param jobFile the file holding the job (a file a bundle includes, or the file given)
 * @param lenient unknown keys are warnings, as in a bundle or a Jobs API document
 */
record JobDocument(
    YMap job, Optional<String> key, BundleSettings settings, Path jobFile, boolean lenient) {

  /** The job of {@code root}, read from {@code file}; a bundle is opened with {@code bundle}. */
  static JobDocument of(
      Path file,
      YMap root,
      Optional<String> jobKey,
      BundleSettings bundle,
      boolean child,
      Map<String, String> env,
      Supplier<WorkspaceSettings> workspace,
      Problems problems) {
    boolean isBundle = root.has("resources") || root.has("include") || root.has("bundle");
    // unknown keys of a bundle or of a Jobs API document are warnings, as Databricks has them
    boolean lenient = isBundle || file.getFileName().toString().endsWith(".json");
    if (isBundle) {
      BundleFiles.Merged merged =
          BundleFiles.merge(file, root, child ? Optional.empty() : bundle.includes(), problems);
      Bundle b = Bundle.open(merged.root(), file, bundle, env, workspace.get(), child, problems);
      YMap jobs = b.jobs(merged.jobs());
      if (!problems.isEmpty() && jobs.keys().isEmpty()) {
        problems.throwIfAny(file + " is not a valid bundle"); // why no job was found, first
      }
      Map.Entry<String, YMap> picked = pick(file, merged.root(), jobs, jobKey);
      Bundle.Resolved r = b.resolve(picked.getValue(), merged.texts());
      return new JobDocument(
          r.job(),
          Optional.of(picked.getKey()),
          r.settings(),
          merged.jobFiles().getOrDefault(picked.getKey(), file),
          true);
    }
    if (jobKey.isPresent()) {
      throw new InvalidInputException(
          file + " holds a single job, not a bundle; drop --job " + jobKey.get() + ".");
    }
    if (!child && !bundle.givesNothing()) {
      throw new InvalidInputException(
          file
              + " holds a single job, not a bundle; --target and"
              + " --var choose a bundle's target and variables. Use --param NAME=VALUE for the"
              + " job's parameters.");
    }
    if (root.get("settings").orElse(null) instanceof YMap settings && !root.has("tasks")) {
      return new JobDocument(
          apiSettings(root, settings, problems), Optional.empty(), BundleSettings.NONE, file, true);
    }
    return new JobDocument(root, Optional.empty(), BundleSettings.NONE, file, lenient);
  }

  /**
   * The settings of a deployed job as {@code databricks jobs get} prints it ({@code {"job_id": ...,
   * "settings": {...}}}); the fields beside them are noticed, not used.
   */
  private static YMap apiSettings(YMap document, YMap settings, Problems problems) {
    for (YMap.Entry e : document.values()) {
      if (!e.key().equals("settings")) {
        Optional.ofNullable(IgnoredKeys.API_DOCUMENT.get(e.key()))
            .ifPresentOrElse(
                kind -> problems.ignored(e.keyLoc(), kind, e.key()),
                () ->
                    problems.warn(
                        e.keyLoc(),
                        "unknown key '"
                            + e.key()
                            + "' beside the job's"
                            + " settings; andon ignores it."));
      }
    }
    return settings;
  }

  private static Map.Entry<String, YMap> pick(
      Path file, YMap root, YMap jobs, Optional<String> key) {
    if (jobs.keys().isEmpty()) {
      List<String> others =
          root.get("resources")
              .filter(r -> r instanceof YMap)
              .map(r -> ((YMap) r).keys().stream().filter(k -> !k.equals("jobs")).toList())
              .orElse(List.of());
      throw new InvalidInputException(
          root.keyLoc("resources")
              + ": this bundle declares no job"
              + " under resources.jobs"
              + (root.has("include")
                  ? ", in this file or in the files its" + " include patterns match"
                  : "")
              + (others.isEmpty()
                  ? "."
                  : "; andon runs jobs," + " not its " + String.join(", ", others) + "."));
    }
    String chosen;
    if (key.isPresent()) {
      if (!jobs.has(key.get())) {
        throw new InvalidInputException(
            file
                + " has no job '"
                + key.get()
                + "' under"
                + " resources.jobs; it has: "
                + String.join(", ", jobs.keys())
                + "."
                + Strings.didYouMean(key.get(), jobs.keys()));
      }
      chosen = key.get();
    } else if (jobs.keys().size() == 1) {
      chosen = jobs.keys().iterator().next();
    } else {
      throw new InvalidInputException(
          file
              + " holds several jobs ("
              + String.join(", ", jobs.keys())
              + "); pick one with --job KEY.");
    }
    YNode node = jobs.get(chosen).orElseThrow();
    if (!(node instanceof YMap m)) {
      throw new InvalidInputException(
          node.loc()
              + ": resources.jobs."
              + chosen
              + " must be a mapping, not "
              + node.kind()
              + ".");
    }
    return Map.entry(chosen, m);
  }
}
