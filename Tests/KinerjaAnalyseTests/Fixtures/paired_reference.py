#!/usr/bin/env python3
"""Reference values for Kinerja's paired statistics, from scipy.

For seeded (pre, post) samples: scipy.stats.ttest_rel(post, pre) (t, df, p, 95% CI),
scipy.stats.wilcoxon(post, pre) with its defaults, Cohen's dz = mean(d) / sd(d).
Cases cover every path of wilcoxon's method 'auto': exact (n <= 50, no ties, no
zeros), exhaustive permutation (ties or zeros, n <= 13) and the normal approximation
(n > 50, or ties/zeros with n > 13).

    python3 paired_reference.py > paired_expected.json
"""
import json
import platform
import sys

import numpy as np
import scipy
from scipy import stats

rng = np.random.default_rng(17)


def case(name, pre, post):
    pre = np.asarray(pre, dtype=float)
    post = np.asarray(post, dtype=float)
    d = post - pre
    t = stats.ttest_rel(post, pre)
    ci = t.confidence_interval(0.95)
    w = stats.wilcoxon(post, pre)
    return {"name": name, "pre": pre.tolist(), "post": post.tolist(), "t": float(t.statistic), "df": int(t.df),
            "p": float(t.pvalue), "ci_low": float(ci.low), "ci_high": float(ci.high),
            "dz": float(np.mean(d) / np.std(d, ddof=1)), "wilcoxon_statistic": float(w.statistic),
            "wilcoxon_p": float(w.pvalue)}


def continuous(n, shift):
    pre = np.round(rng.normal(85, 6, n), 4)
    return pre, np.round(pre + rng.normal(shift, 3, n), 4)


def rounded(n, shift, digits=0):
    pre = np.round(rng.normal(85, 6, n), digits)
    return pre, np.round(pre + rng.normal(shift, 2, n), digits)


cases = []
for name, n, shift in [("exact n=8", 8, 1.0), ("exact n=20", 20, 0.8), ("exact n=50", 50, 0.5),
                       ("exact strong effect n=30", 30, 4.0), ("asymptotic n=51", 51, 0.5),
                       ("asymptotic n=400", 400, 0.3)]:
    cases.append(case(name, *continuous(n, shift)))
for name, n in [("permutation ties n=12", 12), ("asymptotic ties n=40", 40), ("asymptotic ties n=300", 300)]:
    cases.append(case(name, *rounded(n, 1.0)))
pre, post = continuous(9, 1.0)
post[[2, 5]] = pre[[2, 5]]
cases.append(case("permutation zeros n=9", pre, post))
pre, post = rounded(30, 0.5)
post[[1, 4, 7]] = pre[[1, 4, 7]]
cases.append(case("asymptotic zeros and ties n=30", pre, post))
pre, post = rounded(13, 0.0)
cases.append(case("permutation ties n=13", pre, post))
json.dump({"script": "paired_reference.py", "python": platform.python_version(), "numpy": np.__version__,
           "scipy": scipy.__version__, "cases": cases}, sys.stdout, indent=1)
print()
