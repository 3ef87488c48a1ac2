#!/usr/bin/env python3
"""Reference values for Kinerja's descriptive statistics, computed with numpy.

mean, sd (ddof=1) and the 0.1 / 0.5 / 0.9 quantiles with numpy's default 'linear'
method (R type 7), on seeded samples of several sizes, including ties and n = 1, 2.

    python3 descriptive_reference.py > descriptive_expected.json
"""
import json
import platform
import sys

import numpy as np

rng = np.random.default_rng(20241123)
samples = [[87.5], [80.0, 90.0], [70.0, 70.0, 70.0, 95.5]]
samples += [list(np.round(rng.normal(88, 6, size=n), 2)) for n in (5, 9, 10, 11, 37, 100, 1001)]
samples += [list(rng.integers(60, 120, size=50).astype(float))]
cases = []
for values in samples:
    array = np.array(values, dtype=float)
    cases.append({
        "values": [float(v) for v in values],
        "mean": float(np.mean(array)),
        "sd": float(np.std(array, ddof=1)) if len(array) > 1 else None,
        "p10": float(np.quantile(array, 0.1)),
        "median": float(np.quantile(array, 0.5)),
        "p90": float(np.quantile(array, 0.9)),
    })
json.dump({"script": "descriptive_reference.py", "python": platform.python_version(), "numpy": np.__version__,
           "cases": cases}, sys.stdout, indent=1)
print()
