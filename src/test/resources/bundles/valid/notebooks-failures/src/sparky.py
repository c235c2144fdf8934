# Databricks notebook source
print("before spark")

# COMMAND ----------

df = spark.range(3)
