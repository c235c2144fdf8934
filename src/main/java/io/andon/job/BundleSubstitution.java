package io.andon.job;

import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YList;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks a bundle's job and makes its substitutions: a string that is one reference takes the type
 * of its value (a number, a boolean, or a complex variable's mapping or list); a reference inside
 * text is replaced by its text; a {@code run_job_task} whose {@code job_id} is {@code
 * ${resources.jobs.<key>.id}} runs that job of the same bundle. The values come from the bundle's
 * {@link Variables}.
 */
final class BundleSubstitution {
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Set<String> BOOLS =
      Set.of("true", "True", "TRUE", "false", "False", "FALSE");

  /** How a bundle's job names another job of the same bundle, for a run_job_task. */
  private static final Pattern JOB_ID =
      Pattern.compile("\\$\\{resources\\.jobs\\.([A-Za-z0-9_-]+)\\.id\\}");

  /** A dotted reference, as the Databricks CLI writes them. */
  private static final Pattern REF = Bundle.REF;

  /** Where the values of references come from. */
  interface Variables {
    /** {@code text} with its references replaced; one without a value stays, reported. */
    String expand(String text, Loc at, Deque<String> visiting);

    /** The value of complex variable {@code name}; empty when it is none or has no value. */
    Optional<YNode> complexValue(String name);
  }

  /** The bundle's main file, which a run_job_task of the same bundle names. */
  private final Path file;

  private final Problems p;
  private final Variables variables;

  BundleSubstitution(Path file, Problems problems, Variables variables) {
    this.file = file;
    this.p = problems;
    this.variables = variables;
  }

  /** {@code n} with every reference substituted; unchanged nodes are the same objects. */
  YNode substitute(YNode n) {
    if (n instanceof YScalar s) {
      if (s.type() != YScalar.Type.STRING || !s.text().contains("${")) {
        return s;
      }
      Matcher ref = REF.matcher(s.text());
      if (ref.matches()) {
        Optional<YNode> c = complex(ref.group(1).split("\\."), s.loc());
        if (c.isPresent()) {
          return c.get();
        }
      }
      String out = variables.expand(s.text(), s.loc(), new ArrayDeque<>());
      if (out.equals(s.text())) {
        return s;
      }
      boolean whole = ref.matches();
      return new YScalar(s.loc(), out, whole ? typeOf(out) : YScalar.Type.STRING);
    }
    if (n instanceof YMap m) {
      LinkedHashMap<String, YMap.Entry> entries = new LinkedHashMap<>();
      boolean changed = false;
      for (YMap.Entry e : m.values()) {
        YNode v =
            e.key().equals(RunJobTask.KEY) && e.value() instanceof YMap r
                ? substitute(sameBundle(r))
                : substitute(e.value());
        changed |= v != e.value();
        entries.put(e.key(), v == e.value() ? e : new YMap.Entry(e.key(), e.keyLoc(), v));
      }
      return changed ? new YMap(m.loc(), entries) : m;
    }
    if (n instanceof YList l) {
      List<YNode> items = new ArrayList<>(l.items().size());
      boolean changed = false;
      for (YNode x : l.items()) {
        YNode v = substitute(x);
        changed |= v != x;
        items.add(v);
      }
      return changed ? new YList(l.loc(), items) : l;
    }
    return n;
  }

  /**
   * A run_job_task whose {@code job_id} is {@code ${resources.jobs.<key>.id}}, a job of this
   * bundle, runs that job from this bundle: {@code job_file} (the main file) and {@code job_key}
   * instead.
   */
  private YMap sameBundle(YMap r) {
    Optional<YNode> id = r.get("job_id");
    if (id.isEmpty() || !(id.get() instanceof YScalar s)) {
      return r;
    }
    Matcher m = JOB_ID.matcher(s.text());
    if (!m.matches()) {
      return r;
    }
    // a key the bundle lacks is reported by the load of that job, with a did-you-mean
    LinkedHashMap<String, YMap.Entry> entries = new LinkedHashMap<>();
    for (YMap.Entry e : r.values()) {
      if (e.key().equals("job_id")) {
        entries.put(
            "job_file",
            new YMap.Entry(
                "job_file",
                e.keyLoc(),
                new YScalar(
                    s.loc(), file.toAbsolutePath().normalize().toString(), YScalar.Type.STRING)));
        entries.put(
            "job_key",
            new YMap.Entry(
                "job_key", e.keyLoc(), new YScalar(s.loc(), m.group(1), YScalar.Type.STRING)));
      } else {
        entries.put(e.key(), e);
      }
    }
    return new YMap(r.loc(), entries);
  }

  /**
   * The value of a complex variable, or of a field or item inside one ({@code var.c.field}, {@code
   * var.c[0]}), its own references substituted; empty when {@code path} names no complex variable.
   */
  Optional<YNode> complex(String[] path, Loc at) {
    String[] head = path[1].split("\\[", 2);
    Optional<YNode> value =
        path[0].equals("var") ? variables.complexValue(head[0]) : Optional.empty();
    if (value.isEmpty() || complexDepth > MAX_COMPLEX_DEPTH) {
      return Optional.empty();
    }
    YNode n = value.get();
    List<String> steps = new ArrayList<>();
    if (head.length > 1) {
      steps.add("[" + head[1]);
    }
    steps.addAll(Arrays.asList(path).subList(2, path.length));
    n = ComplexPath.at(n, steps).orElse(null);
    if (n == null) {
      p.add(
          at,
          "${"
              + String.join(".", path)
              + "}: complex variable '"
              + head[0]
              + "' has no"
              + " such field or item.");
      return Optional.empty();
    }
    complexDepth++;
    try {
      return Optional.of(substitute(n));
    } finally {
      complexDepth--;
    }
  }

  /** How deep complex variables may refer to each other. */
  private static final int MAX_COMPLEX_DEPTH = 32;

  private int complexDepth;

  private static YScalar.Type typeOf(String text) {
    if (INT.matcher(text).matches()) {
      return YScalar.Type.INT;
    }
    if (FLOAT.matcher(text).matches()) {
      return YScalar.Type.FLOAT;
    }
    return BOOLS.contains(text) ? YScalar.Type.BOOL : YScalar.Type.STRING;
  }
}
