#!/usr/bin/env python3
"""Calibration of the DiD's inference on data where the truth is known: placebo rejection
rates under training assigned by agency with agency x month shocks, and the size of both
pre-trend tests where trends are parallel by construction.

For each seed, `kinerja generate` plants no training effect (`--placebo`), assigns training by
agency, adds agency x month shocks, and damages the export as real ones are (missing
appraisals, joiners, leavers, a lost month, courses of up to three months). The DiD then runs
twice: clustered by agency (the default) and by employee (`did` without `clustervars`).
Printed:

- placebo: how often the 95 % interval of the `all` study's `post_training` effect excludes 0
  (nominal 5 %; the goal is at most 10 %), per clustering;
- pre-trend tests: how often `pre_trend_wald`, `pre_trend_event_wald` and `pre_trend_band`
  reject at 5 % (nominal 5 %, goal at most 10 %), and how often a Wald test was refused (and why).

Then, reported only, the same pre-trend tests on placebo data where employees are
independent (the generator's default world with `--placebo`), clustered by employee (the
right model there), for the `all` study and for the per-method studies (small cohorts).

Exits 1 when, clustered by agency, the placebo rate or the rejection rate of a pre-test
computed in at least 10 seeds exceeds 10 %.

    swift build -c release --product kinerja
    python3 scripts/did-calibration.py [--seeds 40] [--employees 3000]
"""
import argparse
import csv
import os
import subprocess
import sys
import tempfile
from collections import Counter

parser = argparse.ArgumentParser()
parser.add_argument("--kinerja", default=".build/release/kinerja")
parser.add_argument("--seeds", type=int, default=40)
parser.add_argument("--employees", type=int, default=3000)
parser.add_argument("--months", type=int, default=24)
parser.add_argument("--draws", type=int, default=999)
options = parser.parse_args()

shape = ["--placebo", "--assign-by", "agency", "--agency-shocks", "1", "--missing-appraisals", "0.02",
         "--joiners", "0.05", "--leavers", "0.05", "--empty-month", "2023-07", "--course-months", "3"]
clusterings = ["agency", "employee"]
placebo = {c: [0, 0] for c in clusterings}  # [intervals, excluding 0]
pretests = ("pre_trend_wald", "pre_trend_event_wald", "pre_trend_band")
tests = {(c, t): [0, 0] for c in clusterings for t in pretests}
independent = {(scope, t): [0, 0] for scope in ("all", "methods") for t in pretests}
refusals = {c: Counter() for c in clusterings}

with tempfile.TemporaryDirectory() as work:
    for seed in range(1, options.seeds + 1):
        folder = os.path.join(work, f"seed-{seed}")
        subprocess.run([options.kinerja, "generate", "--employees", str(options.employees), "--months",
                        str(options.months), "--seed", str(seed), "--out", folder, "--dialect", "canonical"]
                       + shape, check=True, capture_output=True)
        base = open(os.path.join(folder, "pipeline.yaml")).read()
        for cluster in clusterings:
            pipeline = os.path.join(folder, f"pipeline-{cluster}.yaml")
            with open(pipeline, "w") as handle:
                handle.write(base.replace("output: out", f"output: out-{cluster}"))
                handle.write("outputs: [did]\n"
                             f"impact: {{ cluster: {cluster}, bootstrap: {{ draws: {options.draws}, seed: {seed} }} }}\n")
            subprocess.run([options.kinerja, "run", pipeline, "--quiet"], check=True, stderr=subprocess.DEVNULL)
            for row in csv.DictReader(open(os.path.join(folder, f"out-{cluster}", "did_summary.csv"))):
                if row["variant"] != "all":
                    continue
                if row["aggregation"] == "post_training" and row["ci_low"]:
                    placebo[cluster][0] += 1
                    placebo[cluster][1] += not float(row["ci_low"]) <= 0 <= float(row["ci_high"])
                elif row["aggregation"] in pretests:
                    if row["p"]:
                        tests[(cluster, row["aggregation"])][0] += 1
                        tests[(cluster, row["aggregation"])][1] += float(row["p"]) < 0.05
                    elif row["note"]:
                        refusals[cluster][row["aggregation"]] += 1

        # The independent world: no shocks, training per employee, clustered by employee.
        plain = os.path.join(work, f"plain-{seed}")
        subprocess.run([options.kinerja, "generate", "--employees", str(options.employees), "--months",
                        str(options.months), "--seed", str(seed), "--out", plain, "--dialect", "canonical",
                        "--placebo"], check=True, capture_output=True)
        with open(os.path.join(plain, "pipeline.yaml"), "a") as handle:
            handle.write("outputs: [did]\nreport: false\n"
                         f"impact: {{ cluster: employee, bootstrap: {{ draws: {options.draws}, seed: {seed} }} }}\n")
        subprocess.run([options.kinerja, "run", os.path.join(plain, "pipeline.yaml"), "--quiet"], check=True,
                       stderr=subprocess.DEVNULL)
        for row in csv.DictReader(open(os.path.join(plain, "out", "did_summary.csv"))):
            if row["aggregation"] in pretests and row["p"]:
                entry = independent[("all" if row["variant"] == "all" else "methods", row["aggregation"])]
                entry[0] += 1
                entry[1] += float(row["p"]) < 0.05

failures = []
for cluster in clusterings:
    n, rejected = placebo[cluster]
    rate = rejected / n if n else float("nan")
    print(f"placebo, clustered by {cluster}: 95 % CI of post_training excludes 0 in {rejected}/{n} = {rate:.1%}")
    if cluster == "agency" and (n == 0 or rate > 0.10):
        failures.append(f"placebo rejection rate {rejected}/{n} clustered by agency exceeds 10 %")
    for test in pretests:
        n, rejected = tests[(cluster, test)]
        rate = rejected / n if n else float("nan")
        print(f"{test}, clustered by {cluster}: rejects at 5 % in {rejected}/{n} = {rate:.1%}")
        if cluster == "agency" and n >= 10 and rate > 0.10:
            failures.append(f"{test} rejects {rejected}/{n} clustered by agency, above 10 %")
    for test, count in sorted(refusals[cluster].items()):
        print(f"{test} refused (too few clusters or a cohort too small for its cells), clustered by {cluster}: "
              f"{count}x")
for (scope, test), (n, rejected) in independent.items():
    rate = rejected / n if n else float("nan")
    print(f"independent employees, clustered by employee, {scope} studies: {test} rejects at 5 % in "
          f"{rejected}/{n} = {rate:.1%} (reported only)")
if tests[("agency", "pre_trend_band")][0] == 0:
    failures.append("no pre_trend_band computed")
for failure in failures:
    print("FAIL:", failure, file=sys.stderr)
sys.exit(1 if failures else 0)
