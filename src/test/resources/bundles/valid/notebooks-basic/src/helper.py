# Databricks notebook source
def helper_double(x):
    return int(x) * 2
