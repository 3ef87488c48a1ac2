#!/usr/bin/env python3
"""Calibration of the impact analyses against the effects `kinerja generate` plants.

For each seed: generate employees over 24 months, run the training-effect and DiD analyses,
and measure

- coverage: how often each method's 95% CI of the `post_training` DiD effect holds the
  effect planted in truth.json (nominal 95%);
- placebo rejections: how often a pre-treatment event-time effect (`dynamic`, e < 0: periods
  before training, where the planted effect is zero) has a 95% CI that excludes 0 (nominal
  5%); the same for single ATT(g, t) cells, reported by cohort size but not checked;
- the naive pre/post change (training_effects, by method), which the drift every employee
  shares pushes away from the planted effect, for comparison.

With `--cluster employee` (the default here) standard errors are `did`'s, the exact model
of the generator's default world (employees drawn independently, training assigned per
employee); with `--cluster agency` (Kinerja's default setting) intervals of aggregations
come from the wild cluster bootstrap over the 12 agencies. Either way the script exits 1
when coverage is too low or placebo rejections too frequent to be chance at the 0.1% level
(binomial tails over the intervals pooled across seeds and methods).

    swift build -c release --product kinerja
    python3 scripts/impact-recovery.py [--seeds 20] [--employees 8000] [--cluster agency]
"""
import argparse
import csv
import json
import math
import os
import subprocess
import sys
import tempfile

parser = argparse.ArgumentParser()
parser.add_argument("--kinerja", default=".build/release/kinerja")
parser.add_argument("--seeds", type=int, default=20)
parser.add_argument("--employees", type=int, default=8000)
parser.add_argument("--cluster", choices=["employee", "agency"], default="employee")
parser.add_argument("--level", type=float, default=0.001, help="tail probability at which a rate fails")
options = parser.parse_args()

methods = ["pelatihan", "workshop", "seminar", "bimbingan", "e-learning"]
covered = {m: 0 for m in methods}
intervals = {m: 0 for m in methods}
estimates = {m: [] for m in methods}
naive = {m: [] for m in methods}
# [intervals, rejections] of 95% CIs where the planted effect is zero.
placebo = {"event time": [0, 0], "cells, 10+ trained": [0, 0], "cells, under 10 trained": [0, 0]}
planted = {}
with tempfile.TemporaryDirectory() as work:
    for seed in range(1, options.seeds + 1):
        folder = os.path.join(work, f"seed-{seed}")
        subprocess.run([options.kinerja, "generate", "--employees", str(options.employees), "--months", "24",
                        "--seed", str(seed), "--out", folder, "--dialect", "canonical"], check=True, capture_output=True)
        with open(os.path.join(folder, "pipeline.yaml"), "a") as handle:
            handle.write("outputs: [training_effects, did]\n"
                         "impact: { window: 3, min_periods: 2, bootstrap: { draws: 0 }, "
                         f"cluster: {options.cluster} }}\n")
        subprocess.run([options.kinerja, "run", os.path.join(folder, "pipeline.yaml"), "--quiet"], check=True,
                       stderr=subprocess.DEVNULL)
        truth = json.load(open(os.path.join(folder, "truth.json")))
        planted = {m: truth["methods"][m]["effect"] for m in methods}
        out = os.path.join(folder, "out")
        for row in csv.DictReader(open(os.path.join(out, "did_summary.csv"))):
            if row["variant"] not in methods or not row["ci_low"]:
                continue
            low, high = float(row["ci_low"]), float(row["ci_high"])
            if row["aggregation"] == "post_training":
                estimates[row["variant"]].append(float(row["att"]))
                intervals[row["variant"]] += 1
                covered[row["variant"]] += low <= planted[row["variant"]] <= high
            elif row["aggregation"] == "dynamic" and row["event_time"] and int(row["event_time"]) < 0:
                placebo["event time"][0] += 1
                placebo["event time"][1] += not low <= 0 <= high
        for row in csv.DictReader(open(os.path.join(out, "did_group_time.csv"))):
            if row["variant"] in methods and int(row["event_time"]) < 0 and row["ci_low"]:
                cells = "cells, 10+ trained" if int(row["treated"]) >= 10 else "cells, under 10 trained"
                placebo[cells][0] += 1
                placebo[cells][1] += not float(row["ci_low"]) <= 0 <= float(row["ci_high"])
        for row in csv.DictReader(open(os.path.join(out, "training_effects.csv"))):
            if row["by"] == "method" and row["value"] in methods and row["mean_change"]:
                naive[row["value"]].append(float(row["mean_change"]))


def binomial_cdf(k, n, p):
    """P(X <= k) for X ~ Binomial(n, p)."""
    def log_term(i):
        return (math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1)
                + i * math.log(p) + (n - i) * math.log1p(-p))
    return min(1.0, sum(math.exp(log_term(i)) for i in range(0, k + 1)))


def mean(values):
    return sum(values) / len(values) if values else float("nan")


print(f"{options.seeds} seeds of {options.employees} employees over 24 months, clustered by {options.cluster}")

print(f"{'method':<12} {'planted':>8} {'DiD mean':>9} {'CI covers':>10} {'naive pre/post':>15}")
for m in methods:
    print(f"{m:<12} {planted[m]:>8.2f} {mean(estimates[m]):>9.3f} {covered[m]:>6}/{intervals[m]:<3} "
          f"{mean(naive[m]):>15.3f}")

failures = []
total_covered, total_intervals = sum(covered.values()), sum(intervals.values())
too_few = binomial_cdf(total_covered, total_intervals, 0.95)
too_many = 1 - binomial_cdf(total_covered - 1, total_intervals, 0.95) if total_covered else 1.0
print(f"coverage of the planted effect by post_training CIs: {total_covered}/{total_intervals} "
      f"(nominal 0.95; P(this few or fewer) = {too_few:.2g}, P(this many or more) = {too_many:.2g})")
if total_intervals < options.seeds * len(methods) // 2:
    failures.append(f"only {total_intervals} post_training intervals over {options.seeds} seeds")
if too_few < options.level or too_many < options.level:
    failures.append("post_training coverage is off nominal beyond chance")

# Event-time effects before training pool every cohort; these are what the pre-trend view of
# the report shows, and they are checked. ATT(g, t) cells of cohorts with few trained
# employees have optimistic analytic SEs (the influence-function variance of a handful of
# units), which the line for them shows; they are reported, not checked.
for name, (count, rejections) in placebo.items():
    tail = 1 - binomial_cdf(rejections - 1, count, 0.05) if rejections else 1.0
    checked = name == "event time"
    print(f"placebo, {name}: {rejections}/{count} CIs exclude 0 = {rejections / max(1, count):.3f} "
          f"(nominal 0.05; P(this many or more) = {tail:.2g}){'' if checked else ', reported only'}")
    if checked and count == 0:
        failures.append("no pre-treatment event-time effects to test")
    elif checked and tail < options.level:
        failures.append(f"placebo rejections ({name}) exceed nominal beyond chance")

if failures:
    sys.exit("calibration failed: " + "; ".join(failures))
print("calibration passed")
