# Databricks notebook source
dbutils.widgets.frobnicate("x")
