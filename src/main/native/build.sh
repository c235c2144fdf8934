#!/bin/sh
# Builds the native launcher into the classes folder. Never fails the build: without a C
# compiler andon falls back to setsid(1), which costs one more exec per task.
out="$1/io/andon/engine/native"
src="$(dirname "$0")/andonspawn.c"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
mkdir -p "$out"
if ! command -v gcc >/dev/null 2>&1; then
  echo "andon: no gcc; tasks will start through setsid(1)" >&2
  exit 0
fi
if [ "$out/libandonspawn.so" -nt "$src" ]; then
  exit 0
fi
gcc -O2 -shared -fPIC -Wall -Wextra -o "$out/libandonspawn.so" "$src" \
  -I"$java_home/include" -I"$java_home/include/linux" \
  || echo "andon: could not build the native launcher; tasks will start through setsid(1)" >&2
exit 0
