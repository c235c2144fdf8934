#!/bin/sh
# Runs one step of the fraud-detection example: ./fraud.sh ingest --rows 50000 ...
# The steps are Java main classes in andon's jar (io.andon.examples.fraud); andon gives a task
# the jar as $ANDON_JAR. ANDON_CLASSPATH, when set, wins (the tests run from target/classes).
set -eu
step=$1
shift
cp=${ANDON_CLASSPATH:-${ANDON_JAR:-}}
if [ -z "$cp" ]; then
  echo "fraud.sh: neither ANDON_JAR nor ANDON_CLASSPATH is set; run this through" \
    "'./andon run examples/fraud-detection/job.yml'." >&2
  exit 2
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
