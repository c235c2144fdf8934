# Databricks notebook source
# MAGIC %md
# MAGIC # Train
# MAGIC Fits a threshold on the readings that `ingest` stored, and reports its accuracy.

# COMMAND ----------

path = dbutils.jobs.taskValues.get("ingest", "path", debugValue="dbfs:/my_project/dev/readings.csv")
local = dbutils.fs.local(path)
with open(local) as f:
    data = [(float(r), int(l)) for r, l in (line.strip().split(",") for line in f.readlines()[1:])]
print("training on", len(data), "rows from", path)

# COMMAND ----------

def accuracy(threshold):
    return sum((r >= threshold) == bool(l) for r, l in data) / len(data)

best = max((t / 10 for t in range(20, 100)), key=accuracy)
score = round(accuracy(best), 4)
print("threshold", best, "accuracy", score)

# COMMAND ----------

dbutils.jobs.taskValues.set("accuracy", score)
dbutils.jobs.taskValues.set("threshold", best)
dbutils.notebook.exit("threshold-v1@%.1f" % best)
