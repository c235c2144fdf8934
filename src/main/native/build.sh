#!/bin/sh
# Builds andon's native libraries into the classes folder. Never fails the build: without a C
# compiler andon falls back to setsid(1) to start tasks (one more exec per task), and to
# tree-sitter's Java binding to parse Python (slower).
classes="$1"
dir="$(dirname "$0")"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
jni="-I$java_home/include -I$java_home/include/linux"
if ! command -v gcc >/dev/null 2>&1; then
  echo "andon: no gcc; tasks will start through setsid(1), Python parses through the binding" >&2
  exit 0
fi

# the task launcher
out="$classes/io/andon/engine/native"
mkdir -p "$out"
if [ ! "$out/libandonspawn.so" -nt "$dir/andonspawn.c" ]; then
  gcc -O2 -shared -fPIC -Wall -Wextra -o "$out/libandonspawn.so" "$dir/andonspawn.c" $jni \
    || echo "andon: could not build the native launcher; tasks will start through setsid(1)" >&2
fi

# tree-sitter's runtime (tree-sitter/, npm package tree-sitter 0.25.0, vendor/tree-sitter/lib) and
# its Python grammar (tree-sitter-python/, npm package tree-sitter-python 0.25.0), both MIT, with
# andontrees.c: one library; the vendored sources are compiled without warnings, they are not ours
out="$classes/io/andon/tdg/source/native"
lib="$out/libandontrees.so"
mkdir -p "$out"
if [ -z "$(find "$dir/andontrees.c" "$dir/tree-sitter" "$dir/tree-sitter-python" -newer "$lib" \
    -print -quit 2>/dev/null)" ] && [ -f "$lib" ]; then
  exit 0
fi
ts="$dir/tree-sitter/lib"
py="$dir/tree-sitter-python/src"
tmp=$(mktemp -d)
if gcc -O2 -fPIC -fvisibility=hidden -c -o "$tmp/lib.o" "$ts/src/lib.c" -I"$ts/include" -I"$ts/src" \
    && gcc -O2 -fPIC -fvisibility=hidden -c -o "$tmp/parser.o" "$py/parser.c" -I"$py" \
    && gcc -O2 -fPIC -fvisibility=hidden -c -o "$tmp/scanner.o" "$py/scanner.c" -I"$py" \
    && gcc -O2 -fPIC -Wall -Wextra -c -o "$tmp/andontrees.o" "$dir/andontrees.c" -I"$ts/include" $jni \
    && gcc -shared -Wl,-Bsymbolic -o "$lib.tmp" "$tmp"/*.o; then
  mv -f "$lib.tmp" "$lib"
else
  rm -f "$lib.tmp"
  echo "andon: could not build the tree-sitter library; Python parses through the binding" >&2
fi
rm -rf "$tmp"
exit 0
