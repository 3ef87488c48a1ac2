#!/usr/bin/env python3
"""Expected bootstrap percentile intervals of Kinerja's training effects, for a fixed seed.

Kinerja's bootstrap (TrainingEffects.bootstrapInterval) draws from a SplitMix64 stream whose
state starts at seed ^ 0x9E3779B97F4A7C15 and takes in the group's key ("<by>\\x1f<value>")
byte by byte as state = (state ^ byte) * 0x100000001b3 mod 2^64; each draw of index is
the high 64 bits of (SplitMix64 output) * n. Each resample's mean is the sequential sum / n;
the interval is the 2.5 % and 97.5 % quantile (numpy's default 'linear', R type 7) of the
resample means. This script re-implements that in plain Python integers and numpy, for the
twelve changes of TrainingEffectsTests.bootstrapIntervalIsPinned (multiples of 1/4, so every
sum is exact), seeds 42 and 43, 500 draws, for the keys of the groups the test checks.

    python3 bootstrap_reference.py > bootstrap_expected.json
"""
import json
import platform
import sys

import numpy as np

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def interval(values, seed, key, draws):
    state = seed ^ GOLDEN
    for byte in key.encode():
        state = ((state ^ byte) * 0x100000001B3) & MASK
    n = len(values)
    means = []
    for _ in range(draws):
        total = 0.0
        for _ in range(n):
            state = (state + GOLDEN) & MASK
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            z ^= z >> 31
            total += values[(z * n) >> 64]
        means.append(total / n)
    low, high = np.quantile(np.array(means), [0.025, 0.975])
    return float(low), float(high)


values = [0.5, 3.25, -1.75, 2.0, 4.5, 1.25, 0.75, 5.5, -0.25, 2.75, 3.0, 1.5]
cases = []
for seed in [42, 43]:
    for by, value in [("method", "workshop"), ("program", "P1"), ("agency", "A")]:
        low, high = interval(values, seed, f"{by}\x1f{value}", 500)
        cases.append({"by": by, "value": value, "seed": seed, "draws": 500, "changes": values, "low": low,
                      "high": high})
assert len({(case["low"], case["high"]) for case in cases}) == len(cases), "every key and seed differs"
json.dump({"script": "bootstrap_reference.py", "python": platform.python_version(), "numpy": np.__version__,
           "cases": cases}, sys.stdout, indent=1)
print()
