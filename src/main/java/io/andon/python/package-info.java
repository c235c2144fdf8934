/**
 * Runs the Python payloads of Databricks jobs locally: {@code notebook_task} (Databricks source
 * {@code .py} notebooks cell by cell, and Jupyter {@code .ipynb}), {@code spark_python_task} and
 * {@code python_wheel_task}.
 *
 * <p>Each attempt is one Python process started from a small runner shipped in the jar (resources
 * {@code io/andon/python/andon/}, extracted once under the andon home). The runner gives the code a
 * {@code dbutils} with Databricks' behaviour (widgets from parameters, task values, notebook exit
 * and run, secrets from the environment, {@code dbfs:/} mapped under the home) and a lazy {@code
 * spark}; it writes a small JSON result (values, exit value, failing cell) that {@link
 * io.andon.python.PythonTaskRunner} turns into the task's outcome. Tasks with dependencies ({@code
 * libraries}, {@code environments}) run in a virtual environment per distinct dependency set, made
 * once and cached by a hash of the set ({@link io.andon.python.Venvs}).
 */
package io.andon.python;
