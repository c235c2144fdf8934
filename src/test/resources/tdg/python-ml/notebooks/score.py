# Databricks notebook source
# MAGIC %md
# MAGIC # Score
# MAGIC Scores today's transactions.

# COMMAND ----------

# MAGIC %pip install fraudml

# COMMAND ----------

from fraudml.features import features
threshold = float(dbutils.widgets.get("threshold"))

# COMMAND ----------

def flag(score, threshold):
    if score > threshold:
        return "fraud"
    return "ok"

# COMMAND ----------

for tx in spark.table("transactions").collect():
    if tx.amount and tx.hour:
        print(flag(sum(features(tx.asDict())), threshold))
