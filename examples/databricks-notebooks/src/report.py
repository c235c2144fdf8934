"""The spark_python_task: a plain Python file, its parameters as argv."""
import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--model", required=True)
parser.add_argument("--accuracy", type=float, required=True)
args = parser.parse_args()
print("model %s reached accuracy %.4f" % (args.model, args.accuracy))
