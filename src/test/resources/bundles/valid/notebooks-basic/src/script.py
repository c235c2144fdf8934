"""A spark_python_task: parameters as argv, dbutils imported from andon."""
import sys

from andon.dbutils import dbutils

dbutils.jobs.taskValues.set("argv", " ".join(sys.argv[1:]))
print("doubled from nb:", dbutils.jobs.taskValues.get("nb", "doubled"))
