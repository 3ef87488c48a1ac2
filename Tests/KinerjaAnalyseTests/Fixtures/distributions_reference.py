#!/usr/bin/env python3
"""Reference values of the distributions Kinerja's tests are built on, from scipy.

Student t survival, two-sided p and quantiles; normal two-sided p and quantiles;
chi-squared survival; the regularized incomplete beta. The grid reaches tiny p-values
and millions of degrees of freedom.

    python3 distributions_reference.py > distributions_expected.json
"""
import json
import platform
import sys

import numpy as np
import scipy
from scipy import special, stats

dfs = [1, 2, 3, 4, 5, 7, 10, 19, 30, 49, 100, 1000, 12345, 1e6, 5e6]
ts = [0.0, 0.1, 0.5, 1.0, 1.96, 2.5, 4.0, 8.0, 15.0, 40.0]
t_cases = [{"df": df, "t": t, "survival": float(stats.t.sf(t, df)), "two_sided": float(2 * stats.t.sf(t, df))}
           for df in dfs for t in ts]
t_quantiles = [{"df": df, "p": p, "quantile": float(stats.t.ppf(p, df))}
               for df in dfs for p in [0.0005, 0.025, 0.1, 0.6, 0.9, 0.975, 0.9995]]
normal = [{"z": z, "two_sided": float(2 * stats.norm.sf(abs(z))), "cdf": float(stats.norm.cdf(z))}
          for z in [-8.0, -3.3, -1.0, 0.0, 0.3, 1.96, 5.0, 12.0, 30.0]]
normal_quantiles = [{"p": p, "quantile": float(stats.norm.ppf(p))}
                    for p in [1e-12, 1e-6, 0.001, 0.025, 0.3, 0.5, 0.7, 0.975, 0.999, 1 - 1e-9]]
chi2 = [{"df": k, "x": x, "survival": float(stats.chi2.sf(x, k))}
        for k in [1, 2, 3, 5, 12, 40] for x in [0.01, 0.5, 1.0, 3.0, 7.8, 20.0, 60.0, 150.0]]
beta = [{"x": x, "a": a, "b": b, "value": float(special.betainc(a, b, x))}
        for a in [0.5, 1.0, 2.5, 10.0, 150.0, 5e5] for b in [0.5, 3.0, 40.0] for x in [1e-6, 0.01, 0.3, 0.5, 0.9, 0.999]]
json.dump({"script": "distributions_reference.py", "python": platform.python_version(), "numpy": np.__version__,
           "scipy": scipy.__version__, "t": t_cases, "t_quantiles": t_quantiles, "normal": normal,
           "normal_quantiles": normal_quantiles, "chi2": chi2, "beta": beta}, sys.stdout, indent=1)
print()
