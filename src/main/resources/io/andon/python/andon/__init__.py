"""andon's Python side: the dbutils of Databricks for notebooks and Python tasks run locally."""
