"""`python -m andon [--new-session] CONTEXT.json`: runs the task the context file describes (see
_runner). With --new-session (andon passes it for a task's process, not for a child notebook's)
the process first leads a session and process group of its own, which the task's processes share
and which andon kills when the task ends: as setsid(1) would do, without a second program start.

andon's own modules are imported with bytecode writing on, whatever PYTHONDONTWRITEBYTECODE or
-B say: their .pyc files land once in the andon home's copy of this package, so no task compiles
them again. The user's setting is back in place before any of the task's own code is imported.
"""
import os
import sys

_args = sys.argv[1:]
if _args[:1] == ["--new-session"]:
    _args = _args[1:]
    os.setsid()

_dont_write = sys.dont_write_bytecode
sys.dont_write_bytecode = False
try:
    from andon import _runner, dbutils  # noqa: F401  (dbutils: compiled here, used by the runner)
finally:
    sys.dont_write_bytecode = _dont_write

sys.exit(_runner.main(_args[0]))
