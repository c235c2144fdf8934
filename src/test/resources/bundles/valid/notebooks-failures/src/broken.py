# Databricks notebook source
print("cell one runs")

# COMMAND ----------

def oops(:
    pass
