"""Entry point `main` (pyproject.toml [project.scripts]): publishes the day's model card."""
import argparse
import json
import os

from andon.dbutils import dbutils  # andon's dbutils; on Databricks: databricks.sdk.runtime


def main():
    parser = argparse.ArgumentParser(prog="my_project")
    parser.add_argument("--day", required=True)
    parser.add_argument("--accuracy", type=float, required=True)
    args = parser.parse_args()
    card = {"day": args.day, "accuracy": args.accuracy, "model": "threshold-v1"}
    target = "dbfs:/my_project/%s/model_card.json" % args.day
    dbutils.fs.put(target, json.dumps(card, indent=2), overwrite=True)
    print("published", target, "->", dbutils.fs.local(target))
    dbutils.jobs.taskValues.set("card", target)


if __name__ == "__main__":
    main()
