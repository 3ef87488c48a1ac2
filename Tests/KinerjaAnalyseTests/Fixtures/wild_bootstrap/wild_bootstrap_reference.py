#!/usr/bin/env python3
"""The wild cluster bootstrap-t with the null imposed (WCR), Rademacher weights, against
wildboottest (py-econometrics) on a 2x2 difference-in-differences.

A balanced two-period panel: 8 agencies, 3 of them trained (all their employees, cohort 1),
agency-level shocks in period 1. On a balanced panel the ATT(1, 1) of Kinerja's four means
is the OLS coefficient of the change on a treated dummy, and imposing the null on the four
means is imposing it on that regression, so the two bootstraps must give the same p-value.
With 8 clusters wildboottest enumerates all 2^8 weight vectors (B >= 2^G), as Kinerja does
for up to 12 clusters: both p-values are exact, and compared to 1e-12. Hypotheses other
than 0 are tested by regressing change - value * treated.

Writes wild_bootstrap_expected.json: per unit its agency, whether trained, its two scores;
and p for several hypothesised values.

    pip install wildboottest==0.3.2 statsmodels
    python3 wild_bootstrap_reference.py
"""
import json
import os
import platform
import sys

import numpy as np
import statsmodels
import statsmodels.api as sm
import wildboottest
from wildboottest.wildboottest import wildboottest as wild

out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(15)
agencies = np.repeat(np.arange(8), [6, 9, 4, 7, 8, 5, 10, 6])
trained = np.isin(agencies, [0, 3, 5]).astype(float)
before = 70 + rng.normal(0, 3, len(agencies))
shock = rng.normal(0, 1.5, 8)
after = before + 0.5 + shock[agencies] + 0.8 * trained + rng.normal(0, 1, len(agencies))
change = after - before

results = []
for value in [0.0, 0.5, 1.0, -1.0, 2.5]:
    frame_x = sm.add_constant(trained)
    model = sm.OLS(change - value * trained, frame_x)
    table = wild(model, B=99999, cluster=agencies, param="x1", weights_type="rademacher", impose_null=True,
                 bootstrap_type="11", seed=1, show=False)
    p = float(table["p-value"].iloc[0])
    results.append({"value": value, "p": p})
coefficient = float(sm.OLS(change, sm.add_constant(trained)).fit().params[1])
expected = {"script": "wild_bootstrap_reference.py", "python": platform.python_version(),
            "wildboottest": getattr(wildboottest, "__version__", "0.3.2"), "numpy": np.__version__,
            "statsmodels": statsmodels.__version__,
            "units": [{"agency": int(a), "trained": bool(t), "before": float(b), "after": float(c)}
                      for a, t, b, c in zip(agencies, trained, before, after)],
            "att": coefficient, "tests": results}
with open(os.path.join(out, "wild_bootstrap_expected.json"), "w") as handle:
    json.dump(expected, handle, indent=1)
    handle.write("\n")
print(coefficient, results)
