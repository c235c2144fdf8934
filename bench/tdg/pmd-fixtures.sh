#!/usr/bin/env bash
# Writes src/test/resources/tdg/pmd/expected.csv: PMD 7's own cyclomatic and cognitive complexity
# of every method of the Java complexity fixtures, which PmdCountingTest compares andon with.
# Run by hand from anywhere: bash bench/tdg/pmd-fixtures.sh (fetches PMD like run.sh does).
set -euo pipefail
cd "$(dirname "$0")"
WORK=work
mkdir -p "$WORK"
if [ ! -d "$WORK/pmd-lib" ]; then
  mvn -q -B -f pmd-pom.xml dependency:copy-dependencies -DoutputDirectory="$WORK/pmd-lib"
fi
mkdir -p "$WORK/pmd-cp"
for j in "$WORK"/pmd-lib/*.jar; do
  case "$j" in *-sources.jar) ;; *) ln -sf "../pmd-lib/$(basename "$j")" "$WORK/pmd-cp/" ;; esac
done
RES=../../src/test/resources/tdg
java -cp "$WORK/pmd-cp/*" net.sourceforge.pmd.cli.PmdCli check -d "$RES/complexity,$RES/pmd" \
  -R pmd-complexity.xml -f csv -r "$WORK/pmd-fixtures.csv" --no-cache --no-progress || true
python3 - "$WORK/pmd-fixtures.csv" "$RES/pmd/expected.csv" <<'PY'
import csv, re, sys
from collections import defaultdict
msg = re.compile(r"The (?:method|constructor) '([^']*)' has a (cyclomatic|cognitive) complexity of (\d+)")
rows = defaultdict(lambda: {"cyclomatic": None, "cognitive": 0})
for row in csv.DictReader(open(sys.argv[1], newline="")):
    m = msg.search(row["Description"])
    if m:
        path = row["File"].replace("\\", "/").split("/tdg/", 1)[1]
        r = rows[(path, int(row["Line"]))]
        r["name"] = m.group(1)
        r[m.group(2)] = int(m.group(3))
with open(sys.argv[2], "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["file", "line", "method", "cyclomatic", "cognitive"])
    for (path, line), r in sorted(rows.items()):
        w.writerow([path, line, r["name"], r["cyclomatic"], r["cognitive"]])
print(len(rows), "methods written to", sys.argv[2])
PY
