package io.andon.python;

import io.andon.job.Payload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The three Python payloads of Databricks jobs that andon runs locally. */
public sealed interface PythonPayload extends Payload {
  Dependencies dependencies();

  /** {@code notebook_task}: a notebook of the bundle, its base_parameters as widgets. */
  record Notebook(
      String notebookPath, Map<String, String> baseParameters, Dependencies dependencies)
      implements PythonPayload {
    public static final String KEY = "notebook_task";

    public Notebook {
      Objects.requireNonNull(notebookPath, "notebookPath");
      baseParameters = Collections.unmodifiableMap(new LinkedHashMap<>(baseParameters));
      Objects.requireNonNull(dependencies, "dependencies");
    }

    @Override
    public String type() {
      return KEY;
    }

    @Override
    public List<String> templates() {
      List<String> t = new ArrayList<>(List.of(notebookPath));
      t.addAll(baseParameters.values());
      t.addAll(dependencies.templates());
      return t;
    }
  }

  /** {@code spark_python_task}: a Python file run with the parameters as its argv. */
  record SparkPython(String pythonFile, List<String> parameters, Dependencies dependencies)
      implements PythonPayload {
    public static final String KEY = "spark_python_task";

    public SparkPython {
      Objects.requireNonNull(pythonFile, "pythonFile");
      parameters = List.copyOf(parameters);
      Objects.requireNonNull(dependencies, "dependencies");
    }

    @Override
    public String type() {
      return KEY;
    }

    @Override
    public List<String> templates() {
      List<String> t = new ArrayList<>(List.of(pythonFile));
      t.addAll(parameters);
      t.addAll(dependencies.templates());
      return t;
    }
  }

  /**
   * {@code python_wheel_task}: an entry point of an installed package, run with {@code parameters}
   * as argv or {@code named_parameters} as {@code --name=value}.
   */
  record Wheel(
      String packageName,
      String entryPoint,
      List<String> parameters,
      Map<String, String> namedParameters,
      Dependencies dependencies)
      implements PythonPayload {
    public static final String KEY = "python_wheel_task";

    public Wheel {
      Objects.requireNonNull(packageName, "packageName");
      Objects.requireNonNull(entryPoint, "entryPoint");
      parameters = List.copyOf(parameters);
      namedParameters = Collections.unmodifiableMap(new LinkedHashMap<>(namedParameters));
      Objects.requireNonNull(dependencies, "dependencies");
    }

    @Override
    public String type() {
      return KEY;
    }

    @Override
    public List<String> templates() {
      List<String> t = new ArrayList<>(parameters);
      t.addAll(namedParameters.values());
      t.addAll(dependencies.templates());
      return t;
    }
  }
}
