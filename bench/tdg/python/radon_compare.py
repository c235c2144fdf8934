"""Compares andon's Python cyclomatic numbers with radon's, function by function.

usage: radon_compare.py ANDON_JSON RADON_JSON SRC_ROOT OUT_MD OUT_CSV
Functions are matched by file and line of their `def`. Writes a Markdown summary and a CSV of
every function where the numbers differ or that only one tool lists.
"""
import csv
import json
import os
import sys


def radon_functions(radon, root):
    out = {}

    def add(path, block, prefix):
        name = prefix + block["name"]
        out[(path, block["lineno"])] = (name, block["complexity"])
        for c in block.get("closures", []):
            add(path, c, name + ".")

    for path, blocks in radon.items():
        if isinstance(blocks, dict):  # {"error": ...}
            continue
        rel = os.path.relpath(path, root)
        for b in blocks:
            if b["type"] == "function":
                add(rel, b, "")
            elif b["type"] == "method":
                add(rel, b, b["classname"] + ".")
    return out


def main():
    andon_path, radon_path, root, out_md, out_csv = sys.argv[1:6]
    andon = json.load(open(andon_path))
    radon = radon_functions(json.load(open(radon_path)), root)
    mine = {}
    for f in andon["files"]:
        for m in f["methods"]:
            if not m["name"].startswith("[cell"):
                mine[(f["path"], m["line"])] = (m["name"], m["cyclomatic"])
    both = sorted(set(mine) & set(radon))
    equal = [k for k in both if mine[k][1] == radon[k][1]]
    only_radon = sorted(set(radon) - set(mine))
    only_andon = sorted(set(mine) - set(radon))
    per_pkg = {}
    for k in both:
        pkg = k[0].split("/")[0]
        t = per_pkg.setdefault(pkg, [0, 0])
        t[0] += 1
        t[1] += mine[k][1] == radon[k][1]
    with open(out_csv, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "line", "function", "andon", "radon", "why"])
        for k in both:
            if mine[k][1] != radon[k][1]:
                w.writerow([k[0], k[1], mine[k][0], mine[k][1], radon[k][1], "unexplained"])
        for k in only_radon:
            w.writerow([k[0], k[1], radon[k][0], "", radon[k][1], "not listed by andon"])
        for k in only_andon:
            w.writerow([k[0], k[1], mine[k][0], mine[k][1], "",
                        "not listed by radon"])
    with open(out_md, "w") as fh:
        fh.write("| package | functions compared | cyclomatic equal |\n|---|---:|---:|\n")
        for pkg, (n, eq) in sorted(per_pkg.items()):
            fh.write(f"| {pkg} | {n} | {eq} ({100.0 * eq / n:.1f}%) |\n")
        fh.write(f"| all | {len(both)} | {len(equal)} ({100.0 * len(equal) / max(1, len(both)):.1f}%) |\n\n")
        fh.write(f"radon functions andon does not list: {len(only_radon)}; andon functions radon"
                 f" does not list: {len(only_andon)}.\n")
    print(open(out_md).read())


if __name__ == "__main__":
    main()
