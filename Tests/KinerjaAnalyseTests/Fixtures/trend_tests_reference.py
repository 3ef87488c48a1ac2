#!/usr/bin/env python3
"""Reference values for Kinerja's trend tests.

statsmodels OLS of y on x with a constant (slope, 95% CI, p), scipy.stats.theilslopes
(y, x, alpha=0.95, method='separate'), pymannkendall.original_test(y) (S, Var(S), Z, p,
tau) on seeded series: with and without ties in y, with gaps in x, short and long.

    python3 -m venv /tmp/venv-ref && /tmp/venv-ref/bin/pip install scipy==1.17.1 statsmodels pymannkendall
    /tmp/venv-ref/bin/python trend_tests_reference.py > trend_tests_expected.json
"""
import json
import platform
import sys

import numpy as np
import pymannkendall
import scipy
import statsmodels
import statsmodels.api as sm
from scipy import stats

rng = np.random.default_rng(5)
series = []
for name, n, slope, digits in [("short", 4, 0.5, 2), ("monthly", 12, 0.1, 2), ("two years", 24, 0.05, 2),
                               ("ties", 18, 0.2, 0), ("flat ties", 10, 0.0, 0), ("long", 60, -0.03, 3)]:
    x = np.arange(n, dtype=float)
    y = np.round(85 + slope * x + rng.normal(0, 1.2, n), digits)
    series.append((name, x, y))
x = np.array([0, 1, 2, 4, 5, 7, 8, 9, 11], dtype=float)
series.append(("gaps", x, np.round(80 + 0.3 * x + rng.normal(0, 1, len(x)), 2)))

cases = []
for name, x, y in series:
    fit = sm.OLS(y, sm.add_constant(x)).fit()
    low, high = fit.conf_int(0.05)[1]
    theil = stats.theilslopes(y, x, alpha=0.95, method="separate")
    mk = pymannkendall.original_test(y)
    cases.append({"name": name, "x": x.tolist(), "y": y.tolist(), "ols_slope": float(fit.params[1]),
                  "ols_low": float(low), "ols_high": float(high), "ols_p": float(fit.pvalues[1]),
                  "theil_slope": float(theil.slope), "theil_low": float(theil.low_slope),
                  "theil_high": float(theil.high_slope), "mk_s": float(mk.s), "mk_var_s": float(mk.var_s),
                  "mk_z": float(mk.z), "mk_p": float(mk.p), "mk_tau": float(mk.Tau)})
json.dump({"script": "trend_tests_reference.py", "python": platform.python_version(), "numpy": np.__version__,
           "scipy": scipy.__version__, "statsmodels": statsmodels.__version__,
           "pymannkendall": pymannkendall.__version__, "cases": cases}, sys.stdout, indent=1)
print()
