# Databricks notebook source
dbutils.notebook.exit(int(dbutils.widgets.get("x")) * 2)
