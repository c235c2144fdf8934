# Databricks notebook source
print("helper factor=" + dbutils.widgets.get("factor"))

def helper_double(x):
    return int(x) * 2
