"""dbutils, spark, display and friends for notebooks and Python tasks that andon runs.

``from andon.dbutils import dbutils`` works in plain Python tasks. The task's context (widget
values, upstream task values, where dbfs:/ lives) comes from the JSON file named by the
ANDON_TASK_CONTEXT environment variable; without one (outside andon), widgets are empty and
taskValues.get returns its debugValue, as Databricks does outside a job.
Every task imports this module, so what only some calls need (shutil, subprocess) is imported in
those calls.
"""
import json
import os
import sys

MAX_VALUE_BYTES = 48 * 1024


class AndonNotebookError(Exception):
    """A failure andon reports as one line, without a Python stack."""


class NotebookExit(BaseException):
    """Raised by dbutils.notebook.exit; a BaseException so that `except Exception` lets it pass."""

    def __init__(self, value):
        super().__init__(value)
        self.value = value


def _load_context():
    path = os.environ.get("ANDON_TASK_CONTEXT", "")
    if not path:
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


class _Namespace:
    _name = "dbutils"

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        known = sorted(n for n in dir(type(self)) if not n.startswith("_"))
        raise AndonNotebookError(
            "%s.%s is not available when andon runs a notebook locally; %s offers: %s"
            % (self._name, name, self._name, ", ".join(known)))

    def help(self, *args):
        print(", ".join(sorted(n for n in dir(type(self)) if not n.startswith("_"))))


class Widgets(_Namespace):
    _name = "dbutils.widgets"

    def __init__(self, ctx):
        self._params = {str(k): str(v) for k, v in ctx.get("widgets", {}).items()}
        self._declared = {}

    def _declare(self, name, defaultValue):
        self._declared[name] = "" if defaultValue is None else str(defaultValue)

    def text(self, name, defaultValue="", label=None):
        self._declare(name, defaultValue)

    def dropdown(self, name, defaultValue, choices, label=None):
        if defaultValue not in choices:
            raise AndonNotebookError("dbutils.widgets.dropdown('%s'): default value %r is not one"
                                     " of the choices %r" % (name, defaultValue, list(choices)))
        self._declare(name, defaultValue)

    def combobox(self, name, defaultValue, choices, label=None):
        self._declare(name, defaultValue)

    def multiselect(self, name, defaultValue, choices, label=None):
        self._declare(name, defaultValue)

    def get(self, name):
        if name in self._params:
            return self._params[name]
        if name in self._declared:
            return self._declared[name]
        raise AndonNotebookError(
            "InputWidgetNotDefined: No input widget named %s is defined; give the task a"
            " parameter '%s' (base_parameters or job parameters) or declare it with"
            " dbutils.widgets.text('%s', 'default')" % (name, name, name))

    def getArgument(self, name, defaultValue=None):
        try:
            return self.get(name)
        except AndonNotebookError:
            return defaultValue

    def getAll(self):
        out = dict(self._declared)
        out.update(self._params)
        return out

    def remove(self, name):
        if name not in self._declared:
            raise AndonNotebookError("dbutils.widgets.remove: no widget named %s" % name)
        del self._declared[name]

    def removeAll(self):
        self._declared.clear()


class TaskValues(_Namespace):
    _name = "dbutils.jobs.taskValues"

    def __init__(self, ctx):
        self._in_job = bool(ctx.get("in_job"))
        self._upstream = ctx.get("upstream_values", {})
        self.values = {}

    def set(self, key, value):
        if not isinstance(key, str) or not key:
            raise AndonNotebookError("dbutils.jobs.taskValues.set: the key must be a non-empty"
                                     " string, not %r" % (key,))
        try:
            text = json.dumps(value)
        except (TypeError, ValueError) as e:
            raise AndonNotebookError("dbutils.jobs.taskValues.set('%s'): the value does not"
                                     " serialise to JSON (%s)" % (key, e)) from None
        if len(text.encode("utf-8")) > MAX_VALUE_BYTES:
            raise AndonNotebookError("dbutils.jobs.taskValues.set('%s'): the value is %d bytes as"
                                     " JSON; at most 48 KiB is allowed"
                                     % (key, len(text.encode("utf-8"))))
        self.values[key] = value

    def get(self, taskKey, key, default=None, debugValue=None):
        if not self._in_job:
            if debugValue is None:
                raise TypeError("dbutils.jobs.taskValues.get('%s', '%s') outside a job needs a"
                                " debugValue" % (taskKey, key))
            return debugValue
        published = self._upstream.get(taskKey, {})
        if key in published:
            return published[key]
        if default is not None:
            return default
        raise AndonNotebookError(
            "dbutils.jobs.taskValues.get: task '%s' published no value '%s'%s, and no default"
            " was given" % (taskKey, key, " (it published: %s)" % ", ".join(sorted(published))
                            if published else ""))


class Jobs(_Namespace):
    _name = "dbutils.jobs"

    def __init__(self, ctx):
        self.taskValues = TaskValues(ctx)


class Notebook(_Namespace):
    _name = "dbutils.notebook"

    def __init__(self, ctx):
        self._ctx = ctx

    def exit(self, value):
        raise NotebookExit("" if value is None else str(value))

    def run(self, path, timeout_seconds=0, arguments=None):
        from andon import _runner  # the child runs as the task does, in a process of its own
        return _runner.run_child(self._ctx, path, timeout_seconds, arguments or {})


def _secret_var(scope, key):
    norm = lambda s: "".join(c if c.isalnum() else "_" for c in s).upper()
    return "ANDON_SECRET_%s_%s" % (norm(scope), norm(key))


class Secrets(_Namespace):
    _name = "dbutils.secrets"

    def __init__(self, ctx):
        self._file = ctx.get("secrets_file", "")

    def _file_values(self):
        if self._file and os.path.isfile(self._file):
            with open(self._file, encoding="utf-8") as f:
                return json.load(f)
        return {}

    def get(self, scope, key):
        var = _secret_var(scope, key)
        if var in os.environ:
            return os.environ[var]
        value = self._file_values().get(scope, {}).get(key)
        if value is None:
            raise AndonNotebookError(
                "dbutils.secrets.get('%s', '%s'): no such secret; set the environment variable"
                " %s or add {\"%s\": {\"%s\": \"...\"}} to %s"
                % (scope, key, var, scope, key, self._file or "the secrets file"))
        return str(value)

    def getBytes(self, scope, key):
        return self.get(scope, key).encode("utf-8")

    def listScopes(self):
        return [SecretScope(s) for s in sorted(self._file_values())]

    def list(self, scope):
        return [SecretMetadata(k) for k in sorted(self._file_values().get(scope, {}))]


class SecretScope:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "SecretScope(name='%s')" % self.name


class SecretMetadata:
    def __init__(self, key):
        self.key = key

    def __repr__(self):
        return "SecretMetadata(key='%s')" % self.key


class FileInfo:
    def __init__(self, path, name, size, modificationTime):
        self.path, self.name, self.size, self.modificationTime = path, name, size, modificationTime

    def isDir(self):
        return self.name.endswith("/")

    def isFile(self):
        return not self.isDir()

    def __repr__(self):
        return "FileInfo(path='%s', name='%s', size=%d, modificationTime=%d)" % (
            self.path, self.name, self.size, self.modificationTime)


class Fs(_Namespace):
    _name = "dbutils.fs"

    def __init__(self, ctx):
        self._dbfs = ctx.get("dbfs_root") or os.path.join(os.getcwd(), ".andon", "dbfs")
        self._volumes = ctx.get("volumes_root") or os.path.join(os.getcwd(), ".andon", "volumes")

    def local(self, path):
        """The local path behind a dbfs:/, /dbfs/, /Volumes/ or file: path."""
        p = str(path)
        for prefix, root in (("dbfs:/", self._dbfs), ("/dbfs/", self._dbfs),
                             ("/Volumes/", self._volumes)):
            if p.startswith(prefix):
                return os.path.join(root, p[len(prefix):].lstrip("/"))
        if p.startswith("file:"):
            return p[len("file:"):]
        return p

    def ls(self, path):
        local = self.local(path)
        if not os.path.exists(local):
            raise AndonNotebookError("dbutils.fs.ls: %s does not exist (%s)" % (path, local))
        if os.path.isfile(local):
            st = os.stat(local)
            return [FileInfo(str(path), os.path.basename(local), st.st_size,
                             int(st.st_mtime * 1000))]
        out = []
        base = str(path).rstrip("/")
        for name in sorted(os.listdir(local)):
            full = os.path.join(local, name)
            st = os.stat(full)
            shown = name + "/" if os.path.isdir(full) else name
            out.append(FileInfo(base + "/" + shown, shown,
                                0 if os.path.isdir(full) else st.st_size,
                                int(st.st_mtime * 1000)))
        return out

    def mkdirs(self, path):
        os.makedirs(self.local(path), exist_ok=True)
        return True

    def put(self, file, contents, overwrite=False):
        local = self.local(file)
        if os.path.exists(local) and not overwrite:
            raise AndonNotebookError("dbutils.fs.put: %s exists; pass overwrite=True" % file)
        os.makedirs(os.path.dirname(local) or ".", exist_ok=True)
        with open(local, "w", encoding="utf-8") as f:
            f.write(contents)
        return True

    def head(self, file, maxBytes=65536):
        with open(self.local(file), "rb") as f:
            return f.read(maxBytes).decode("utf-8", errors="replace")

    def cp(self, from_, to, recurse=False):
        import shutil
        src, dst = self.local(from_), self.local(to)
        if os.path.isdir(src):
            if not recurse:
                raise AndonNotebookError("dbutils.fs.cp: %s is a directory; pass recurse=True"
                                         % from_)
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            os.makedirs(os.path.dirname(dst) or ".", exist_ok=True)
            shutil.copy2(src, dst)
        return True

    def mv(self, from_, to, recurse=False):
        import shutil
        src, dst = self.local(from_), self.local(to)
        if os.path.isdir(src) and not recurse:
            raise AndonNotebookError("dbutils.fs.mv: %s is a directory; pass recurse=True" % from_)
        os.makedirs(os.path.dirname(dst) or ".", exist_ok=True)
        shutil.move(src, dst)
        return True

    def rm(self, path, recurse=False):
        local = self.local(path)
        if os.path.isdir(local):
            if not recurse:
                raise AndonNotebookError("dbutils.fs.rm: %s is a directory; pass recurse=True"
                                         % path)
            import shutil
            shutil.rmtree(local)
            return True
        if os.path.exists(local):
            os.remove(local)
            return True
        return False


class Library(_Namespace):
    _name = "dbutils.library"

    def restartPython(self):
        """Databricks restarts Python after %pip; here packages are installed before the run."""


class DBUtils(_Namespace):
    _name = "dbutils"

    def __init__(self, ctx):
        self.widgets = Widgets(ctx)
        self.jobs = Jobs(ctx)
        self.notebook = Notebook(ctx)
        self.secrets = Secrets(ctx)
        self.fs = Fs(ctx)
        self.library = Library()


class _LazySpark:
    """The SparkSession, made on first use; a one-line failure when pyspark is not importable."""

    def __init__(self, where):
        self._where = where
        self._session = None

    def _get(self):
        if self._session is None:
            try:
                from pyspark.sql import SparkSession
            except ImportError:
                raise AndonNotebookError(
                    "this needs Spark, but pyspark cannot be imported by %s; install pyspark (and"
                    " a Java runtime), or list pyspark in the job's environments, to run it here"
                    % sys.executable) from None
            self._session = (SparkSession.builder.master("local[*]")
                             .appName("andon").getOrCreate())
        return self._session

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._get(), name)


class _Lazy:
    def __init__(self, make):
        self._make = make

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._make(), name)


def display(x, *args, **kwargs):
    """Prints x as a table: a pandas or Spark DataFrame, a list of rows or dicts, else as is."""
    if hasattr(x, "show") and hasattr(x, "schema"):
        x.show(20, truncate=False)
    elif hasattr(x, "to_string") and hasattr(x, "columns"):
        print(x.to_string(max_rows=50))
    elif isinstance(x, (list, tuple)) and x and all(isinstance(r, dict) for r in x):
        cols = list(dict.fromkeys(k for r in x for k in r))
        _table(cols, [[r.get(c, "") for c in cols] for r in x])
    elif isinstance(x, (list, tuple)) and x and all(isinstance(r, (list, tuple)) for r in x):
        _table(["_%d" % (i + 1) for i in range(max(len(r) for r in x))], x)
    else:
        print(x)


def _table(cols, rows):
    cells = [[str(c) for c in cols]] + [[str(v) for v in r] for r in rows]
    widths = [max(len(r[i]) if i < len(r) else 0 for r in cells) for i in range(len(cols))]
    for n, r in enumerate(cells):
        print("  ".join(v.ljust(widths[i]) for i, v in enumerate(r)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


displayHTML = print
context = _load_context()
dbutils = DBUtils(context)
_where = ["task '%s'" % context.get("task_key", "?")]
spark = _LazySpark(lambda: _where[0])
sc = _Lazy(lambda: spark._get().sparkContext)
sqlContext = _Lazy(lambda: spark._get())


def getArgument(name, defaultValue=None):
    return dbutils.widgets.getArgument(name, defaultValue)


def shell(command, cwd=None):
    """Runs a shell command (for %sh), its output printed through Python; fails on non-zero."""
    import subprocess
    proc = subprocess.run(["/bin/sh", "-c", command], cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT)
    sys.stdout.write(proc.stdout.decode("utf-8", errors="replace"))
    if proc.returncode != 0:
        raise AndonNotebookError("%%sh exited with status %d" % proc.returncode)
