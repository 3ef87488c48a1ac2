#!/usr/bin/env python3
"""A small hand-built training history that exercises Kinerja's DiD cohort rules, with
the expected numbers from moderndid 0.2.0 (the Python port of R `did`).

The panel: 61 employees (roster order) appraised yearly 2019-2024 and their trainings
(one row per participation, training start and end in the same year):
- 0-23: 24 never trained, 22 and 23 missing one year's score;
- 24-33, cohort 2021: 10 completing `pelatihan` (33 completes `daring` in 2023 too);
- 34-45, cohort 2022: 34-38 `pelatihan`, 39-45 `daring` (44 dropped out of a 2020 training
  first; 45 misses a year's score);
- 46-53, cohort 2023: 8 `daring`;
- 54, 55 only dropped out (status `gugur`); 56, 57 completed in 2018 and 58 in 2019 (before
  or in the first period); 59, 60 complete in 2026 (after the last period).

Which rule is whose:
- `did`'s own rules are left to moderndid: units missing a period are dropped (balanced
  panel, `allow_unbalanced_panel = FALSE`), units treated in or before the first period are
  dropped, units first treated after the last period are never treated (given as
  first.treat = 2026 and handled by moderndid);
- Kinerja's rules are applied here, before moderndid: the cohort is the year of the first
  *completed* training; employees who trained but never completed are left out; a
  method's study keeps the never trained (and those trained after the panel) as controls
  and drops those whose first completed training used another method.
The balanced panel is TrainingCohorts' rule today; ANALYSES.md asks for `did`'s
allow_unbalanced_panel = TRUE by default, which would change this fixture (rerun with it).

Writes employees.csv, performance.csv, training.csv (Kinerja's input schema) and
did_cohorts_expected.json: for the study of all trained and of each method, and for both
control groups, att_gt (no covariates, analytic SEs, varying base period), every aggte
aggregation, post_training (aggte dynamic with min_e = 1), the pre-trend Wald statistic,
the number of units moderndid used, and for each ATT(g, t) the number of treated and of
controls, counted here from the kept units (treated: cohort g; controls: never treated,
or for not-yet also cohorts > t, cohort g excluded).

    python3 -m venv /tmp/venv-ref && /tmp/venv-ref/bin/pip install moderndid==0.2.0
    /tmp/venv-ref/bin/python did_cohorts_reference.py
"""
import json
import os
import platform
import sys
import warnings

import moderndid
import numpy as np
import pandas as pd
import scipy

out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
years = list(range(2019, 2025))
rng = np.random.default_rng(2024)

# (trainings as (year, method, status), missing year) per employee.
people = []
people += [([], None)] * 22 + [([], 2020), ([], 2023)]
people += [([(2021, "pelatihan", "completed")], None)] * 9
people += [([(2021, "pelatihan", "completed"), (2023, "daring", "completed")], None)]
people += [([(2022, "pelatihan", "completed")], None)] * 5
people += [([(2022, "daring", "completed")], None)] * 5
people += [([(2020, "daring", "gugur"), (2022, "daring", "completed")], None)]
people += [([(2022, "daring", "completed")], 2021)]
people += [([(2023, "daring", "completed")], None)] * 8
people += [([(2021, "pelatihan", "gugur")], None), ([(2022, "daring", "gugur")], None)]
people += [([(2018, "pelatihan", "completed")], None)] * 2 + [([(2019, "daring", "completed")], None)]
people += [([(2026, "pelatihan", "completed")], None)] * 2


def nip(index):
    birth = np.datetime64("1970-01-01") + index
    year, month, day = str(birth).split("-")
    return f"{year}{month}{day}2000011{index % 999 + 1:03d}"


rows = []
with open(os.path.join(out, "employees.csv"), "w") as employees, \
        open(os.path.join(out, "performance.csv"), "w") as performance, \
        open(os.path.join(out, "training.csv"), "w") as training:
    employees.write("nip,agency_code,region\n")
    performance.write("nip,period,score\n")
    training.write("nip,program_id,method,start_date,end_date,status\n")
    for index, (trainings, missing) in enumerate(people):
        employees.write(f"{nip(index)},A{index % 3},R\n")
        completed = [year for year, _, status in trainings if status == "completed"]
        first = min(completed) if completed else None
        level = 75 + rng.normal(0, 3)
        for position, year in enumerate(years):
            effect = 1.5 + 0.5 * (year - first) if first is not None and year >= first else 0.0
            score = round(level + 0.8 * position + effect + rng.normal(0, 1), 2)
            if year != missing:
                performance.write(f"{nip(index)},{year},{score}\n")
                rows.append((index, year, score))
        for year, method, status in trainings:
            training.write(f"{nip(index)},P-{method},{method},{year}-03-01,{year}-03-05,{status}\n")
scores = pd.DataFrame(rows, columns=["unit", "year", "score"])


def first_completed(trainings):
    done = [(year, method) for year, method, status in trainings if status == "completed"]
    return min(done) if done else None


def study(method):
    """Kinerja's rules: the units of a study and their first.treat (0: never)."""
    first = {}
    for index, (trainings, _) in enumerate(people):
        if not trainings:
            first[index] = 0
            continue
        found = first_completed(trainings)
        if found is None:
            continue  # trained, never completed: left out
        year, used = found
        if year <= years[-1] and method is not None and used != method:
            continue  # first trained by another method
        first[index] = year
    return first


def run(first, control):
    data = scores[scores.unit.isin(first.keys())].copy()
    data["first_treat"] = data.unit.map(first)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = moderndid.att_gt(data, yname="score", tname="year", idname="unit", gname="first_treat",
                                  est_method="dr", control_group=control, boot=False, cband=False,
                                  base_period="varying")
        aggregations = {}
        for kind in ["simple", "group", "dynamic", "calendar"]:
            agg = moderndid.aggte(result, type=kind, boot=False, cband=False)
            entry = {"att": float(agg.overall_att), "se": float(agg.overall_se)}
            if kind != "simple":
                entry["by"] = [{"index": int(e), "att": float(a), "se": float(s)}
                               for e, a, s in zip(agg.event_times, agg.att_by_event, agg.se_by_event)]
            aggregations[kind] = entry
        post = moderndid.aggte(result, type="dynamic", min_e=1, boot=False, cband=False)
        aggregations["post_training"] = {"att": float(post.overall_att), "se": float(post.overall_se)}
    # The units did keeps: a score every year, not treated in or before the first year;
    # first treated after the last year counts as never.
    complete = data.groupby("unit").year.count() == len(years)
    kept = {unit: (0 if year > years[-1] else year) for unit, year in first.items()
            if complete.get(unit, False) and not (0 < year <= years[0])}
    assert result.n_units == len(kept), (result.n_units, len(kept))
    group_time = []
    for g, t, a, s in zip(result.groups, result.times, result.att_gt, result.se_gt):
        g, t = int(g), int(t)
        treated = sum(1 for year in kept.values() if year == g)
        controls = sum(1 for year in kept.values()
                       if year == 0 or (control == "notyettreated" and year > t and year != g))
        group_time.append({"group": g, "period": t, "att": float(a), "se": float(s), "treated": treated,
                           "controls": controls})
    return {"units": int(result.n_units), "group_time": group_time, "aggregations": aggregations,
            "pretest": {"statistic": float(result.wald_stat), "p": float(result.wald_pvalue)}}


expected = {"script": "did_cohorts_reference.py", "python": platform.python_version(),
            "moderndid": moderndid.__version__, "numpy": np.__version__, "pandas": pd.__version__,
            "scipy": scipy.__version__, "studies": []}
for variant, method in [("all", None), ("pelatihan", "pelatihan"), ("e-learning", "daring")]:
    first = study(method)
    for control, name in [("nevertreated", "never"), ("notyettreated", "not_yet")]:
        expected["studies"].append({"variant": variant, "control": name, **run(first, control)})
with open(os.path.join(out, "did_cohorts_expected.json"), "w") as handle:
    json.dump(expected, handle, indent=1)
    handle.write("\n")
for entry in expected["studies"]:
    print(entry["variant"], entry["control"], entry["units"], len(entry["group_time"]),
          entry["aggregations"]["simple"], entry["aggregations"]["post_training"])
