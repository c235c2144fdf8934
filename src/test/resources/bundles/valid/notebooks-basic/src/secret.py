# Databricks notebook source
token = dbutils.secrets.get("app", "token")
print("the token is " + token)
print("from the file: " + dbutils.secrets.get("db", "password"))
