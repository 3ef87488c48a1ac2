#!/usr/bin/env python3
"""Reference for Kinerja's empirical-Bayes shrinkage: DerSimonian-Laird tau^2 and the
random-effects mean from statsmodels' combine_effects(method_re="dl"), on seeded agency
means and variances (one of them a 3-employee agency with a lucky mean). statsmodels 0.15
reports tau^2 untruncated (the "homogeneous" case is negative); Kinerja truncates it at 0 as
DerSimonian and Laird define it, and its test compares accordingly.

    /tmp/venv-ref/bin/python empirical_bayes_reference.py > empirical_bayes_expected.json
"""
import json
import platform
import sys

import numpy as np
import statsmodels
from statsmodels.stats.meta_analysis import combine_effects

rng = np.random.default_rng(9)
cases = []
for name, k in [("twelve agencies", 12), ("forty agencies", 40), ("homogeneous", 8)]:
    sizes = rng.integers(20, 300, k)
    spread = 0.0 if name == "homogeneous" else 3.0
    means = 86 + rng.normal(0, spread, k) + rng.normal(0, 6, k) / np.sqrt(sizes)
    variances = 36.0 / sizes
    if name == "twelve agencies":
        sizes[0] = 3
        means[0] = 94.0
        variances[0] = 36.0 / 3
    result = combine_effects(means, variances, method_re="dl")
    cases.append({"name": name, "means": means.tolist(), "variances": variances.tolist(),
                  "tau2": float(result.tau2), "mean_re": float(result.mean_effect_re)})
json.dump({"script": "empirical_bayes_reference.py", "python": platform.python_version(),
           "statsmodels": statsmodels.__version__, "numpy": np.__version__, "cases": cases}, sys.stdout, indent=1)
print()
