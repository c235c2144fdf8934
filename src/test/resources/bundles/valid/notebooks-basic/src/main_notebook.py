# Databricks notebook source
# MAGIC %md
# MAGIC # Main
# MAGIC Widgets, %run, %sh, task values, dbfs, a child notebook and an exit value.

# COMMAND ----------

dbutils.widgets.text("unset", "fallback")
print("day=" + dbutils.widgets.get("day"))
print("greeting=" + dbutils.widgets.get("greeting"))
print("unset=" + dbutils.widgets.get("unset"))
print("getArgument=" + getArgument("missing", "dflt"))

# COMMAND ----------

# MAGIC %run ./helper $factor="2"

# COMMAND ----------

# MAGIC %sh echo "shell says hi"

# COMMAND ----------

count = dbutils.jobs.taskValues.get("seed", "count")
dbutils.jobs.taskValues.set("doubled", helper_double(count))
dbutils.fs.put("dbfs:/basic/out.txt", "written", overwrite=True)
print("ls=" + ",".join(f.name for f in dbutils.fs.ls("dbfs:/basic")))
print("child=" + dbutils.notebook.run("./child", 30, {"x": "21"}))
display([{"a": 1, "b": "two"}])

# COMMAND ----------

try:
    dbutils.notebook.exit("finished " + dbutils.widgets.get("day"))
except Exception:
    print("exit was caught by except Exception")
print("not reached")
