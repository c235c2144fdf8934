#!/bin/sh
# Prints the task values of an extract of $1 rows: a count and a checksum of a seeded batch.
awk -v n="$1" 'BEGIN { srand(7); s = 0; for (i = 0; i < n; i++) s += int(rand() * 100);
  printf "{\"rows\": %d, \"checksum\": %d}\n", n, s }'
