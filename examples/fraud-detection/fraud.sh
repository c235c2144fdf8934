#!/bin/sh
# Runs one step of the fraud-detection example: ./fraud.sh ingest --rows 50000 ...
# The steps are Java main classes in this example's jar, target/fraud-detection.jar (built with
# andon by ./andon or ./mvnw package), run beside andon's jar, which andon gives a task as
# $ANDON_JAR. ANDON_CLASSPATH, when set, wins (the tests run from target/classes).
set -eu
step=$1
shift
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
cp=${ANDON_CLASSPATH:-}
if [ -z "$cp" ]; then
  if [ -z "${ANDON_JAR:-}" ]; then
    echo "fraud.sh: neither ANDON_JAR nor ANDON_CLASSPATH is set; run this through" \
      "'./andon run examples/fraud-detection/job.yml'." >&2
    exit 2
  fi
  example_jar=${FRAUD_JAR:-$here/target/fraud-detection.jar}
  if [ ! -f "$example_jar" ]; then
    echo "fraud.sh: the example's jar $example_jar is missing; build it from the repository" \
      "root with './mvnw -B -DskipTests package' (./andon does this on first use)." >&2
    exit 2
  fi
  cp="$ANDON_JAR:$example_jar"
fi
case $step in
  andon) main=io.andon.cli.AndonCli ;;
  ingest) main=io.andon.examples.fraud.Ingest ;;
  features) main=io.andon.examples.fraud.Features ;;
  train) main=io.andon.examples.fraud.Train ;;
  validate) main=io.andon.examples.fraud.Validate ;;
  deploy) main=io.andon.examples.fraud.Deploy ;;
  summary) main=io.andon.examples.fraud.Summary ;;
  *) echo "fraud.sh: unknown step '$step'" >&2; exit 2 ;;
esac
exec java -XX:+UseSerialGC -cp "$cp" "$main" "$@"
