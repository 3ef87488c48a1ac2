#!/usr/bin/env python3
"""Reference for Kinerja's empirical-Bayes shrinkage: DerSimonian-Laird tau^2 and the
random-effects mean from statsmodels' combine_effects(method_re="dl"), and per agency the
shrinkage factor B_j, shrunken mean, posterior sd and 95% interval in numpy, on seeded agency
means and variances (one of them a 3-employee agency with a lucky mean). statsmodels 0.15
reports tau^2 untruncated (the "homogeneous" case is negative); Kinerja truncates it at 0 as
DerSimonian and Laird define it, and its test compares accordingly.

    /tmp/venv-ref/bin/python empirical_bayes_reference.py > empirical_bayes_expected.json
"""
import json
import platform
import sys

import numpy as np
import scipy
import statsmodels
from scipy import stats
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
    # The shrinkage itself, in numpy from the formulas of ANALYSES.md with tau^2 truncated at 0:
    # B_j = v_j / (v_j + tau^2), shrunken mean mu + (1 - B_j)(y_j - mu), posterior sd
    # sqrt((1 - B_j) v_j) and the 95% interval shrunken -/+ z_0.975 sd.
    tau2 = max(0.0, float(result.tau2))
    weights = 1 / (variances + tau2)
    mu = float(np.sum(weights * means) / np.sum(weights))
    shrinkage = variances / (variances + tau2)
    shrunken = mu + (1 - shrinkage) * (means - mu)
    sd = np.sqrt((1 - shrinkage) * variances)
    z = stats.norm.ppf(0.975)
    cases.append({"name": name, "means": means.tolist(), "variances": variances.tolist(),
                  "tau2": float(result.tau2), "mean_re": float(result.mean_effect_re),
                  "mean_truncated": mu, "shrinkage": shrinkage.tolist(), "shrunken": shrunken.tolist(),
                  "posterior_sd": sd.tolist(), "low": (shrunken - z * sd).tolist(),
                  "high": (shrunken + z * sd).tolist()})
json.dump({"script": "empirical_bayes_reference.py", "python": platform.python_version(),
           "statsmodels": statsmodels.__version__, "numpy": np.__version__, "scipy": scipy.__version__,
           "cases": cases}, sys.stdout, indent=1)
print()
