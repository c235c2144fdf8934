# Databricks notebook source
rows = [1, 2, 3]

# COMMAND ----------

for r in rows:
    if r == 3:
        raise ValueError("bad row %d" % r)
