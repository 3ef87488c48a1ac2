#!/usr/bin/env python3
"""Reference values for Kinerja's p-values in the far tail, down to about 1e-300.

Series and paired samples with very strong signals, so that the OLS, Mann-Kendall,
paired t and Wilcoxon p-values run from about 1e-14 to 1e-300. Each p comes from the
library ANALYSES.md names (statsmodels OLS, scipy ttest_rel and wilcoxon) and is checked
here against mpmath at 60 digits from the same statistic; the JSON holds mpmath's value.

pymannkendall computes its p as 2 * (1 - norm.cdf(|z|)), which is 0 below about 1e-16;
Mann-Kendall's p is therefore mpmath's erfc(|z| / sqrt 2) at pymannkendall's Z (its S,
Var(S) and Z are used as they are). Its own p is recorded as `mk_p_pymannkendall`.

    python3 -m venv /tmp/venv-ref && /tmp/venv-ref/bin/pip install scipy==1.17.1 statsmodels \
        pymannkendall mpmath
    /tmp/venv-ref/bin/python tiny_p_reference.py > tiny_p_expected.json
"""
import json
import platform
import sys

import mpmath
import numpy as np
import pymannkendall
import scipy
import statsmodels
import statsmodels.api as sm
from scipy import stats

mpmath.mp.dps = 60
rng = np.random.default_rng(300)


def t_two_sided(t, df):
    """P(|T| >= |t|) = I_{df/(df+t^2)}(df/2, 1/2), at 60 digits."""
    t = mpmath.mpf(t)
    return mpmath.betainc(df / mpmath.mpf(2), mpmath.mpf(1) / 2, 0, df / (df + t * t), regularized=True)


def normal_two_sided(z):
    return mpmath.erfc(abs(mpmath.mpf(z)) / mpmath.sqrt(2))


def checked(library, precise):
    """mpmath's p, after checking the library's agrees with it where it has not underflowed."""
    if library != 0:
        assert abs(library - precise) <= 1e-12 * precise, (library, precise)
    return float(precise)


trends = []
for name, n, slope, noise, digits in [("strong trend n=30", 30, 0.5, 0.05, 4),
                                      ("strong trend n=100", 100, 0.5, 0.02, 4),
                                      ("noisy trend n=600", 600, 0.02, 2.0, 1),
                                      ("steady rise n=600", 600, 0.1, 0.01, 4)]:
    x = np.arange(n, dtype=float)
    y = np.round(80 + slope * x + rng.normal(0, noise, n), digits)
    fit = sm.OLS(y, sm.add_constant(x)).fit()
    t = fit.params[1] / fit.bse[1]
    mk = pymannkendall.original_test(y)
    trends.append({"name": name, "x": x.tolist(), "y": y.tolist(), "ols_slope": float(fit.params[1]),
                   "ols_p": checked(float(fit.pvalues[1]), t_two_sided(t, n - 2)), "mk_s": float(mk.s),
                   "mk_var_s": float(mk.var_s), "mk_z": float(mk.z), "mk_p": float(normal_two_sided(mk.z)),
                   "mk_p_pymannkendall": float(mk.p)})

paired = []
for name, n, shift, sd in [("exact n=40", 40, 5, 2), ("asymptotic n=100", 100, 5, 1),
                           ("asymptotic n=200", 200, 5, 0.5), ("asymptotic n=1800", 1800, 1, 1),
                           ("all positive n=1820", 1820, 10, 1)]:
    pre = np.round(rng.normal(85, 6, n), 4)
    post = np.round(pre + rng.normal(shift, sd, n), 4)
    t = stats.ttest_rel(post, pre)
    w = stats.wilcoxon(post, pre)
    d = post - pre
    if n > 50:
        # The normal approximation scipy uses: r+ against n(n+1)/4, tie-corrected variance.
        nonzero = d[d != 0]
        ranks = stats.rankdata(np.abs(nonzero))
        m = len(nonzero)
        _, counts = np.unique(np.abs(nonzero), return_counts=True)
        variance = (m * (m + 1) * (2 * m + 1) - (counts ** 3 - counts).sum() / 2) / 24
        z = (mpmath.mpf(float(ranks[nonzero > 0].sum())) - mpmath.mpf(m * (m + 1)) / 4) / mpmath.sqrt(variance)
        wilcoxon_p = checked(float(w.pvalue), normal_two_sided(z))
    else:
        wilcoxon_p = float(w.pvalue)
    paired.append({"name": name, "pre": pre.tolist(), "post": post.tolist(), "t": float(t.statistic),
                   "df": int(t.df), "p": checked(float(t.pvalue), t_two_sided(t.statistic, int(t.df))),
                   "p_scipy": float(t.pvalue), "wilcoxon_statistic": float(w.statistic),
                   "wilcoxon_p": wilcoxon_p, "wilcoxon_p_scipy": float(w.pvalue)})

json.dump({"script": "tiny_p_reference.py", "python": platform.python_version(), "numpy": np.__version__,
           "scipy": scipy.__version__, "statsmodels": statsmodels.__version__,
           "pymannkendall": pymannkendall.__version__, "mpmath": mpmath.__version__, "trends": trends,
           "paired": paired}, sys.stdout, indent=1)
print()
