package io.andon.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What every shell task of one run starts from, built once per run rather than once per task:
 * andon's own environment, the job parameters as {@code ANDON_PARAM_*}, the run's {@code ANDON_*}
 * variables, and the job file's folder as the default working directory.
 *
 * @param base the variables, in order; never one of {@link #PER_ATTEMPT}
 * @param entries the same as {@code NAME=value} strings, for the native launcher
 * @param dir the job file's folder, normalised
 */
record ShellEnv(Map<String, String> base, String[] entries, Path dir) {
  /** Set for each attempt, so never inherited from andon's own environment. */
  static final Set<String> PER_ATTEMPT =
      Set.of("ANDON_TASK_KEY", "ANDON_ATTEMPT", "ANDON_TASK_VALUES", "ANDON_INPUT");

  static ShellEnv of(RunFacts run) {
    Map<String, String> env = new LinkedHashMap<>(System.getenv());
    env.keySet().removeAll(notificationSecrets(run.job().extras().get("destinations")));
    run.params().forEach((k, v) -> env.put(Attempts.paramVar(k), v));
    env.put("ANDON_RUN_ID", Long.toString(run.runId()));
    env.put("ANDON_JOB_NAME", run.job().name());
    env.put("ANDON_HOME", run.home().toAbsolutePath().toString());
    Attempts.jar().ifPresent(j -> env.put("ANDON_JAR", j));
    env.keySet().removeAll(PER_ATTEMPT);
    String[] entries = new String[env.size()];
    int i = 0;
    for (Map.Entry<String, String> e : env.entrySet()) {
      entries[i++] = e.getKey() + "=" + e.getValue();
    }
    Path dir = run.job().dir();
    return new ShellEnv(Map.copyOf(env), entries, dir);
  }

  /**
   * The variables named by the {@code *_env} keys of the job's notification destinations ({@code
   * secret_env}, {@code url_env}, {@code password_env}): they hold signing keys, tokens in URLs and
   * passwords, which andon needs and its tasks do not.
   */
  static Set<String> notificationSecrets(io.andon.yaml.YNode destinations) {
    Set<String> names = new java.util.HashSet<>();
    if (destinations instanceof io.andon.yaml.YMap m) {
      for (io.andon.yaml.YMap.Entry e : m.values()) {
        if (e.key().endsWith("_env") && e.value() instanceof io.andon.yaml.YScalar v) {
          names.add(v.text());
        } else {
          names.addAll(notificationSecrets(e.value()));
        }
      }
    }
    return names;
  }

  /** The environment of one attempt: the base, then {@code own} (which wins), as a map. */
  Map<String, String> map(Map<String, String> own) {
    Map<String, String> out = new LinkedHashMap<>(base);
    out.putAll(own);
    return out;
  }

  /**
   * The variables of {@code own} alone as {@code NAME=value} strings, to follow {@link #entries} as
   * they are; null when {@code own} overrides one of them.
   */
  String[] ownOnly(Map<String, String> own) {
    String[] out = new String[own.size()];
    int n = 0;
    for (Map.Entry<String, String> e : own.entrySet()) {
      if (base.containsKey(e.getKey())) {
        return null;
      }
      out[n++] = e.getKey() + "=" + e.getValue();
    }
    return out;
  }

  /** The same as {@link #map}, as {@code NAME=value} strings. */
  String[] array(Map<String, String> own) {
    int overridden = 0;
    for (String k : own.keySet()) {
      if (base.containsKey(k)) {
        overridden++;
      }
    }
    String[] out = new String[entries.length - overridden + own.size()];
    int n = 0;
    if (overridden == 0) {
      System.arraycopy(entries, 0, out, 0, entries.length);
      n = entries.length;
    } else {
      for (String e : entries) {
        if (!own.containsKey(e.substring(0, e.indexOf('=')))) {
          out[n++] = e;
        }
      }
    }
    for (Map.Entry<String, String> e : own.entrySet()) {
      out[n++] = e.getKey() + "=" + e.getValue();
    }
    return out;
  }
}
