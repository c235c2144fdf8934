"""Compares andon's per-method cyclomatic and cognitive complexity with PMD's on the same code,
and summarises the timings. Usage: python3 compare.py WORK UPTIME CODEBASE...
Reads WORK/pmd-C.csv, WORK/andon-C.json and WORK/src/C for each codebase C, WORK/hyperfine.json for
the first one. Writes results.md and differences.csv next to this script. Bench only: the build
never runs it."""
import csv
import json
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

work, uptime, codebases = Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
here = Path(__file__).parent
MSG = re.compile(r"The (?:method|constructor) '([^']*)' has a (cyclomatic|cognitive) complexity of (\d+)")

RESOLVED_RECEIVER = ("recursion through a receiver andon cannot type from declarations alone (a call's"
                     " result, an inherited field, a lambda parameter): PMD resolves the symbol and"
                     " counts it, andon does not")
OVERLOAD_SAME_ARITY = ("a call of a same-arity overload: andon does not count calls by a name that has"
                       " an overload with as many parameters; PMD resolves the call, and without the"
                       " library's class path takes some of them for the method itself")
SUPERTYPE_OVERLOAD = ("a call of an overload declared in a supertype: PMD resolves it to that"
                      " overload, andon (no inheritance) takes it for recursion")


def load_pmd(name):
    pmd = defaultdict(dict)
    with open(work / ("pmd-%s.csv" % name), newline="") as f:
        for row in csv.DictReader(f):
            m = MSG.search(row["Description"])
            if m:
                path = row["File"].split("src/%s/" % name, 1)[1]
                key = (path, int(row["Line"]))
                pmd[key]["name"] = m.group(1)
                pmd[key]["cyclo" if m.group(2) == "cyclomatic" else "cog"] = int(m.group(3))
    return pmd


def load_andon(name):
    out = {}
    for f in json.load(open(work / ("andon-%s.json" % name)))["files"]:
        for m in f["methods"]:
            out[(f["path"], m["line"])] = m
    return out


def body(name, path, line, length):
    lines = (work / "src" / name / path).read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[line: line - 1 + length])  # without the declaration's first line


def reason(metric, text, method, a, p):
    simple = method.rsplit(".", 1)[-1]
    if metric == "cognitive":
        if a > p:
            return SUPERTYPE_OVERLOAD
        if re.search(r"\.\s*" + re.escape(simple) + r"\s*\(", text):
            return RESOLVED_RECEIVER
        if re.search(r"(?<![\w.])" + re.escape(simple) + r"\s*\(", text):
            return OVERLOAD_SAME_ARITY
    return "other"


rows, summary, diffs = [], [], []
for name in codebases:
    pmd, andon = load_pmd(name), load_andon(name)
    matched = [k for k in andon if k in pmd]
    cy = cg = both = 0
    for k in matched:
        a, p = andon[k], pmd[k]
        ok_cy = p.get("cyclo") == a["cyclomatic"]
        ok_cg = p.get("cog", 0) == a["cognitive"]
        cy += ok_cy
        cg += ok_cg
        both += ok_cy and ok_cg
        for metric, ok, av, pv in (("cyclomatic", ok_cy, a["cyclomatic"], p.get("cyclo")),
                                   ("cognitive", ok_cg, a["cognitive"], p.get("cog", 0))):
            if not ok:
                text = body(name, k[0], k[1], a["length"])
                diffs.append((name, k[0], k[1], a["name"], metric, av, pv,
                              reason(metric, text, a["name"], av, pv)))
    files = len({k[0] for k in andon} | {k[0] for k in pmd})
    summary.append((name, files, len(andon), len(pmd), len(matched), cy, cg, both,
                    len(pmd) - len(matched), len(andon) - len(matched)))

with open(here / "differences.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["codebase", "file", "line", "method", "metric", "andon", "pmd", "reason"])
    for d in sorted(diffs):
        w.writerow(d)

runs = json.load(open(work / "hyperfine.json"))["results"]


def cpu(r):  # hyperfine gives the mean user and system seconds
    return r["user"] + r["system"]


guava = work / "src" / codebases[0]
nlines = sum(len(p.read_text(encoding="utf-8").split("\n")) - 1 for p in guava.rglob("*.java"))
out = ["# TDG benchmark: andon tdg vs PMD 7.27.0\n"]
out.append("Timing on %s's sources (%d Java files, %d lines), side by side in one hyperfine run"
           " (bench/tdg/run.sh), each command %d times; medians. PMD runs only CyclomaticComplexity"
           " and CognitiveComplexity (bench/tdg/pmd-complexity.xml) on its default 2 threads (1C),"
           " reporting every method, once with the JVM's defaults (as PMD's own launcher runs it)"
           " and once with the JVM options andon's launcher gives `andon tdg`; andon runs through"
           " its launcher and does the whole grade (complexity, documentation, README, security"
           " lookup) and writes its JSON report. The floor is JavaParser, configured as andon"
           " configures it, parsing the same files on both cores and nothing else"
           " (bench/tdg/ParseFloor.java). `cpu` = user + sys seconds, mean of the runs.\n" % (
               codebases[0], summary[0][1], nlines, len(runs[0]["times"])))
out.append("Machine: 2 cores, shared with other builds during the run (load before and after:"
           " `%s`), so wall times are inflated and noisy; CPU seconds are the steadier"
           " comparison.\n" % " / ".join(l.strip() for l in uptime.strip().split("\n")))
best = min((r for r in runs if r["command"].startswith("pmd")), key=lambda r: r["median"])
out.append("| run | wall s (median) | wall s (min-max) | cpu s (mean) | wall vs fastest PMD |"
           " cpu vs that PMD |\n|---|---:|---:|---:|---:|---:|")
for r in runs:
    out.append("| %s | %.2f | %.2f-%.2f | %.2f | %.2f | %.2f |" % (
        r["command"], r["median"], r["min"], r["max"], cpu(r),
        r["median"] / best["median"], cpu(r) / cpu(best)))
out.append("\nandon-warm is a re-run on unchanged sources: every file comes from the hash cache "
           "(files_from_cache = %d).\n" % json.load(open(work / "andon-warm.json"))["run"]["files_from_cache"])
out.append("## Per-method agreement (andon's default counting, `java_complexity: pmd`)\n")
out.append("| codebase | files with methods | methods andon | methods PMD | matched by file and line | cyclomatic equal"
           " | cognitive equal | both equal | PMD only | andon only |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for s in summary:
    name, files, na, np_, nm, cy, cg, both, op, oa = s
    out.append("| %s | %d | %d | %d | %d | %d (%.2f%%) | %d (%.2f%%) | %d (%.2f%%) | %d | %d |" % (
        name, files, na, np_, nm, cy, 100.0 * cy / nm, cg, 100.0 * cg / nm, both,
        100.0 * both / nm, op, oa))
out.append("\nEvery differing method is in bench/tdg/differences.csv with the PMD behaviour behind it."
           " By reason:\n")
out.append("| codebase | metric | reason | methods |\n|---|---|---|---:|")
for (name, metric, why), n in sorted(Counter((d[0], d[4], d[7]) for d in diffs).items(),
                                     key=lambda x: (codebases.index(x[0][0]), -x[1])):
    out.append("| %s | %s | %s | %d |" % (name, metric, why, n))
(here / "results.md").write_text("\n".join(out) + "\n")
print("\n".join(out))
