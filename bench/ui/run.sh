#!/usr/bin/env bash
# The web UI's figures: the Job page of a 1,000-task job with 25 runs stored (server time, first
# contentful paint and grid complete in headless Chromium), the Run page of a 10,000-task run, and
# how soon a state change reaches an open Run page. Needs chromium and chromedriver (Debian's
# chromium and chromium-driver). Prints one line per figure.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o -f product/pom.xml test -Dtest=UiBench -Dandon.bench.ui=true \
  -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true 2>&1 \
  | grep -E "^(job page|run page|state change)" || { echo "the benchmark failed; see target/surefire-reports" >&2; exit 1; }
