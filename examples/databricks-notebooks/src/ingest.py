# Databricks notebook source
# MAGIC %md
# MAGIC # Ingest
# MAGIC Makes the day's labelled readings and stores them as CSV under `dbfs:/my_project/`.

# COMMAND ----------

dbutils.widgets.text("day", "2024-06-01")
dbutils.widgets.text("rows", "100")
dbutils.widgets.text("seed", "1")
day = dbutils.widgets.get("day")
rows = int(dbutils.widgets.get("rows"))
seed = int(dbutils.widgets.get("seed"))

# COMMAND ----------

import random

rng = random.Random(seed)
lines = ["reading,label"]
for _ in range(rows):
    label = rng.random() < 0.3
    reading = rng.gauss(7.0 if label else 4.0, 1.2)
    lines.append("%.4f,%d" % (reading, label))
path = "dbfs:/my_project/%s/readings.csv" % day
dbutils.fs.put(path, "\n".join(lines) + "\n", overwrite=True)
display([{"path": path, "rows": rows, "seed": seed}])

# COMMAND ----------

dbutils.jobs.taskValues.set("path", path)
dbutils.jobs.taskValues.set("rows", rows)
