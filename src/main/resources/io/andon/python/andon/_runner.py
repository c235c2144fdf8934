"""Runs one notebook, Python file or wheel entry point for andon, then writes what happened.

Usage: python -m andon CONTEXT.json (also named by ANDON_TASK_CONTEXT). The context says what
to run; the result file it names receives {"values", "exit", "error"} when the run ends.
Modules needed only by some tasks (subprocess, traceback, shlex, runpy) are imported where they are
used: every import here is paid by every task.
"""
import json
import os
import sys

HEADER = "# Databricks notebook source"
SEPARATOR = "# COMMAND ----------"
EXTENSIONS = ("", ".py", ".ipynb")


class Cell:
    def __init__(self, number, first, last, text, path, offset):
        self.number, self.first, self.last = number, first, last
        self.text, self.path, self.offset = text, path, offset

    def where(self, task):
        span = "line %d" % self.first if self.first == self.last else "lines %d-%d" % (
            self.first, self.last)
        return "task '%s' cell %d of %s (%s)" % (task, self.number, shown(self.path), span)


ROOT = [""]


def shown(path):
    """The path as messages show it: relative to the bundle's folder when it is inside it."""
    rel = os.path.relpath(path, ROOT[0]) if ROOT[0] else path
    return path if rel.startswith("..") else rel


def find_notebook(base_dir, path):
    full = path if os.path.isabs(path) else os.path.normpath(os.path.join(base_dir, path))
    for ext in EXTENSIONS:
        if os.path.isfile(full + ext):
            return full + ext
    raise NotebookFailure("notebook %s does not exist (tried %s)"
                          % (full, ", ".join(full + e for e in EXTENSIONS)))


class NotebookFailure(Exception):
    pass


def read_cells(path):
    if path.endswith(".ipynb"):
        return ipynb_cells(path)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    start = 1 if lines and lines[0].strip() == HEADER else 0
    cells, chunk, first = [], [], start + 1
    for i in range(start, len(lines) + 1):
        if i == len(lines) or lines[i].strip() == SEPARATOR:
            add_source_cell(cells, chunk, first, path)
            chunk, first = [], i + 2
        else:
            chunk.append(lines[i])
    return cells


def add_source_cell(cells, chunk, first, path):
    while chunk and not chunk[0].strip():
        chunk, first = chunk[1:], first + 1
    while chunk and not chunk[-1].strip():
        chunk = chunk[:-1]
    if not chunk:
        return
    last = first + len(chunk) - 1
    magic = [c for c in chunk if c.strip()]
    if magic and all(c.startswith("# MAGIC") for c in magic):
        chunk = [c[len("# MAGIC "):] if c.startswith("# MAGIC ") else c[len("# MAGIC"):]
                 for c in chunk]
    cells.append(Cell(len(cells) + 1, first, last, "\n".join(chunk), path, first - 1))


def ipynb_cells(path):
    try:
        with open(path, encoding="utf-8") as f:
            nb = json.load(f)
    except ValueError as e:
        raise NotebookFailure("notebook %s is not valid JSON: %s" % (path, e)) from None
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise NotebookFailure("notebook %s has no 'cells' list (is it nbformat 4?)" % path)
    cells = []
    for n, c in enumerate(nb["cells"], 1):
        if c.get("cell_type") != "code":
            continue
        src = c.get("source", "")
        text = "".join(src) if isinstance(src, list) else str(src)
        if text.strip():
            cells.append(Cell(n, 1, text.count("\n") + 1, text, path, -1))
    return cells


class Notebooks:
    """Runs cells in one namespace; %run notebooks join it."""

    def __init__(self, context, dbm):
        self.ctx, self.dbm, self.task = context, dbm, context.get("task_key", "?")
        self.ns = {"__name__": "__main__", "dbutils": dbm.dbutils, "spark": dbm.spark,
                   "sc": dbm.sc, "sqlContext": dbm.sqlContext, "display": dbm.display,
                   "displayHTML": dbm.displayHTML, "getArgument": dbm.getArgument}
        self.depth = 0

    def run(self, path):
        self.depth += 1
        if self.depth > 20:
            raise NotebookFailure("%%run nests deeper than 20 notebooks at %s" % path)
        try:
            for cell in read_cells(path):
                where = cell.where(self.task)
                self.dbm._where[0] = where
                self.cell(cell, where)
        finally:
            self.depth -= 1

    def cell(self, cell, where):
        text = cell.text
        stripped = text.lstrip()
        if not stripped.startswith("%"):
            return self.python(cell, text, where)
        first, _, body = stripped.partition("\n")
        magic, _, args = first.partition(" ")
        args = args.strip()
        if magic in ("%md", "%md-sandbox"):
            return None
        if magic == "%python":
            return self.python(cell, body, where)
        if magic == "%sh":
            return self.dbm.shell((args + "\n" + body).strip(), cwd=os.path.dirname(cell.path))
        if magic == "%pip":
            return self.pip((args + " " + body).strip(), where)
        if magic == "%run":
            import shlex
            words = shlex.split(args)
            if not words:
                raise self.dbm.AndonNotebookError("%run needs a notebook path")
            for word in words[1:]:  # $name="value": a widget value for the notebook it runs
                name, eq, value = word.partition("=")
                if not name.startswith("$") or not eq:
                    raise self.dbm.AndonNotebookError(
                        "%%run argument %r is not of the form $name=value" % word)
                self.dbm.dbutils.widgets._params[name[1:]] = value
            return self.run(find_notebook(os.path.dirname(cell.path), words[0]))
        if magic == "%sql":
            return self.dbm.display(self.dbm.spark.sql((args + "\n" + body).strip()))
        if magic == "%fs":
            words = (args + " " + body).split()
            if not words:
                raise self.dbm.AndonNotebookError("%fs needs a command, e.g. %fs ls dbfs:/")
            return self.dbm.display(getattr(self.dbm.dbutils.fs, words[0])(*words[1:]))
        raise self.dbm.AndonNotebookError(
            "the cell is %s, which andon cannot run locally (it runs Python, %%md, %%pip, %%run,"
            " %%sh, %%sql with Spark, and %%fs)" % magic)

    def python(self, cell, text, where):
        name = cell.path if cell.offset >= 0 else "%s cell %d" % (cell.path, cell.number)
        code = compile("\n" * max(cell.offset, 0) + text, name, "exec")
        exec(code, self.ns)

    def pip(self, line, where):
        words = line.split()
        if not words or words[0] != "install":
            raise self.dbm.AndonNotebookError("%%pip %s: andon runs only %%pip install" % line)
        wanted = [w for w in words[1:] if not w.startswith("-")]
        done = set(self.ctx.get("pip_installed", []))
        if all(w in done for w in wanted):
            print("andon: %%pip install %s: installed before the run, in %s"
                  % (" ".join(wanted), sys.prefix))
            return None
        if sys.prefix == sys.base_prefix:
            raise self.dbm.AndonNotebookError(
                "%%pip install %s: the task runs in the system Python %s, which andon does not"
                " change; list the packages in the job's environments or the task's libraries"
                % (" ".join(wanted), sys.executable))
        import subprocess
        proc = subprocess.run([sys.executable, "-m", "pip", "install"] + words[1:],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        sys.stdout.write(proc.stdout.decode("utf-8", errors="replace"))
        if proc.returncode != 0:
            raise self.dbm.AndonNotebookError("%%pip install %s failed (pip exit status %d)"
                                              % (" ".join(wanted), proc.returncode))
        return None


def run_child(ctx, path, timeout_seconds, arguments):
    """dbutils.notebook.run: the notebook in a process of its own; returns its exit value."""
    import subprocess
    from andon import dbutils as dbm
    base = os.path.dirname(ctx.get("path", "")) or os.getcwd()
    child = dict(ctx)
    child["kind"] = "notebook"
    child["path"] = find_notebook(base, path)
    child["widgets"] = {str(k): str(v) for k, v in arguments.items()}
    child["task_key"] = "%s/%s" % (ctx.get("task_key", "?"), os.path.basename(path))
    depth = int(ctx.get("child_depth", 0)) + 1
    child["child_depth"] = depth
    stem = ctx.get("result_file", "andon") + ".child-%d-%d" % (depth, os.getpid())
    child["result_file"] = stem + ".result.json"
    spec = stem + ".context.json"
    with open(spec, "w", encoding="utf-8") as f:
        json.dump(child, f)
    env = dict(os.environ, ANDON_TASK_CONTEXT=spec)
    proc = subprocess.Popen([sys.executable, "-m", "andon", spec], env=env,
                            cwd=os.path.dirname(child["path"]))
    try:
        proc.wait(timeout=timeout_seconds if timeout_seconds and timeout_seconds > 0 else None)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise dbm.AndonNotebookError("dbutils.notebook.run('%s') timed out after %s s"
                                     % (path, timeout_seconds)) from None
    result = read_result(child["result_file"])
    if result.get("error") or proc.returncode != 0:
        raise dbm.AndonNotebookError("dbutils.notebook.run('%s') failed: %s" % (
            path, result.get("error") or "exit status %d" % proc.returncode))
    return result.get("exit")


def read_result(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def entry_point(package, name):
    """The entry point `name` of `package`: console_scripts first, then any group; else, as
    Databricks does, the function of that name in the package itself."""
    import importlib
    from importlib import metadata
    try:
        dist = metadata.distribution(package)
    except metadata.PackageNotFoundError:
        dist = None
    eps = list(dist.entry_points) if dist else []
    groups = ["console_scripts"] + sorted({e.group for e in eps} - {"console_scripts"})
    for group in groups:
        for e in eps:
            if e.group == group and e.name == name:
                return e.load()
    try:
        module = importlib.import_module(package.replace("-", "_"))
    except ImportError:
        if dist is None:
            raise NotebookFailure(
                "package %s is not installed for %s; add its wheel to the task's libraries"
                " (for example - whl: ../dist/*.whl)" % (package, sys.executable)) from None
        module = None
    if module is not None and callable(getattr(module, name, None)):
        return getattr(module, name)
    raise NotebookFailure("package %s has no entry point '%s' (its entry points: %s)" % (
        package, name, ", ".join("%s [%s]" % (e.name, e.group) for e in eps) or "none"))


def user_trace(exc):
    """The traceback without andon's own frames."""
    import traceback
    here = os.path.dirname(os.path.abspath(__file__))
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if not os.path.abspath(f.filename).startswith(here)]
    return "".join(traceback.format_list(frames))


def main(spec_path):
    # python -m puts the working folder first on sys.path; the code's own folder goes there
    # instead, as when python runs a file
    first = sys.path[0] if sys.path else None
    if first in ("", os.getcwd()) and not getattr(sys.flags, "safe_path", False):
        del sys.path[0]
    with open(spec_path, encoding="utf-8") as f:
        ctx = json.load(f)
    sys.path.insert(0, os.path.dirname(ctx.get("path") or spec_path))
    from andon import dbutils as dbm
    ROOT[0] = ctx.get("root", "")
    result = {"values": {}, "exit": None, "error": None}
    where = "task '%s'" % ctx.get("task_key", "?")
    status = 0
    try:
        kind = ctx["kind"]
        if kind == "notebook":
            nb = Notebooks(ctx, dbm)
            try:
                nb.run(find_notebook(os.getcwd(), ctx["path"]))
            finally:
                where = dbm._where[0]
        elif kind == "file":
            import runpy
            sys.argv = [ctx["path"]] + list(ctx.get("args", []))
            where = "task '%s' file %s" % (ctx.get("task_key"), shown(ctx["path"]))
            runpy.run_path(ctx["path"], run_name="__main__")
        else:
            sys.argv = [ctx.get("package", "")] + list(ctx.get("args", []))
            where = "task '%s' entry point %s of package %s" % (
                ctx.get("task_key"), ctx["entry"], ctx["package"])
            rc = entry_point(ctx["package"], ctx["entry"])()
            if rc not in (None, 0):
                raise SystemExit(rc)
    except dbm.NotebookExit as e:
        result["exit"] = e.value
    except SystemExit as e:
        if e.code not in (None, 0):
            result["error"] = "%s: exited with status %s" % (where, e.code)
            status = 1
    except (dbm.AndonNotebookError, NotebookFailure) as e:
        result["error"] = "%s: %s" % (where, e)
        status = 1
    except SyntaxError as e:
        result["error"] = "%s does not parse: SyntaxError: %s (line %s)" % (where, e.msg, e.lineno)
        status = 1
    except BaseException as e:
        import traceback
        sys.stdout.flush()
        sys.stderr.write("Traceback (most recent call last):\n" + user_trace(e)
                         + "".join(traceback.format_exception_only(type(e), e)))
        result["error"] = "%s raised %s: %s" % (where, type(e).__name__, e)
        status = 1
    result["values"] = dbm.dbutils.jobs.taskValues.values
    sys.stdout.flush()
    if result["error"]:
        sys.stderr.write("andon: %s\n" % result["error"])
    sys.stderr.flush()
    with open(ctx["result_file"], "w", encoding="utf-8") as f:
        json.dump(result, f, default=str)
    return status

