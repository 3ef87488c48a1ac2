#!/usr/bin/env python3
"""What duplicated and rejected appraisals cost a run, against the same run without them.

Generates 60,000 employees × 12 months (canonical dialect) and writes three appraisal
files beside the other inputs: as generated; plus 50,000 copies of earlier rows
appended (each one makes its earlier row a `duplicate_period` reject); plus 50,000 rows
with a score of 999 appended instead (`score_out_of_range`). Each file runs the trends
and trend tests (report off) with the same thread count, the three in turn, round after
round, so that a slow minute of the machine falls on all three alike. Prints the median
and fastest wall time of each and, over the rounds, the median of each round's ratio to
the clean file (a ratio within one round is what a slow minute changes least); checks that
every run accounts for every row (rows read = accepted + rejected, and the rejects
files hold exactly the planted rows).

    swift build -c release
    python3 scripts/benchmark-duplicates.py [--rounds 15] [--threads 2]
"""
import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import time

parser = argparse.ArgumentParser()
parser.add_argument("--rounds", type=int, default=15)
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--employees", type=int, default=60000)
parser.add_argument("--extra", type=int, default=50000, help="duplicated (or out-of-range) rows added")
parser.add_argument("--work", default=".build-bench/duplicates")
parser.add_argument("--kinerja", default=".build/release/kinerja")
options = parser.parse_args()

kinerja = os.path.abspath(options.kinerja)
work = os.path.abspath(options.work)
data = os.path.join(work, "data")
if not os.path.exists(os.path.join(data, "performance.csv")):
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run([kinerja, "generate", "--employees", str(options.employees), "--months", "12",
                    "--dialect", "canonical", "--out", data], check=True, stdout=subprocess.DEVNULL)

with open(os.path.join(data, "performance.csv"), newline="") as handle:
    lines = handle.read().splitlines(keepends=True)
header, rows = lines[0], lines[1:]
step = max(1, len(rows) // options.extra)
picked = [rows[index * step] for index in range(options.extra)]
score = next(csv.reader([header])).index("score")


def with_score(line, value):
    fields = next(csv.reader([line]))
    fields[score] = value
    return ",".join(fields) + "\n"


variants = {
    "as generated": [],
    f"plus {options.extra:,} duplicates of earlier rows (appended)": picked,
    f"plus {options.extra:,} rows with a score of 999 instead": [with_score(line, "999") for line in picked],
}
expected = {"as generated": 0}
pipelines = {}
for number, (name, extra) in enumerate(variants.items()):
    path = os.path.join(data, f"performance-{number}.csv")
    with open(path, "w", newline="") as handle:
        handle.write(header)
        handle.writelines(rows)
        handle.writelines(extra)
    pipeline = os.path.join(work, f"pipeline-{number}.yaml")
    with open(pipeline, "w") as handle:
        handle.write(f"""inputs:
  employees:
    path: data/employees.csv
  performance:
    path: data/performance-{number}.csv
outputs: [trends, trend_tests]
report: false
max_reject_rate: 0.5
output: out-{number}
""")
    pipelines[name] = pipeline

baseline_rejects = None
times = {name: [] for name in variants}
for round_ in range(options.rounds):
    for name, pipeline in pipelines.items():
        begin = time.perf_counter()
        subprocess.run([kinerja, "run", pipeline, "--threads", str(options.threads)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[name].append(time.perf_counter() - begin)
        if round_ == 0:
            out = os.path.join(work, f"out-{list(pipelines).index(name)}")
            manifest = json.load(open(os.path.join(out, "manifest.json")))
            performance = next(entry for entry in manifest["inputs"] if entry["input"] == "performance")
            assert performance["rows_read"] == performance["rows_accepted"] + performance["rows_rejected"]
            if baseline_rejects is None:
                baseline_rejects = performance["rows_rejected"]
            extra = performance["rows_rejected"] - baseline_rejects
            assert extra == len(variants[name]), (name, extra)

clean = times["as generated"]
print(f"{options.employees:,} employees × 12 months, {len(rows):,} appraisal rows, threads {options.threads}, "
      f"{options.rounds} rounds")
print("| appraisal file | median wall | fastest | median over the clean file |")
print("|---|---:|---:|---:|")
for name, values in times.items():
    ratio = statistics.median(value / base for value, base in zip(values, clean))
    over = "" if name == "as generated" else f"{(ratio - 1) * 100:+.0f} %"
    print(f"| {name} | {statistics.median(values):.2f} s | {min(values):.2f} s | {over} |")
