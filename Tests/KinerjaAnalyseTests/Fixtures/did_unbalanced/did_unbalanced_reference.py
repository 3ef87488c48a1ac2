#!/usr/bin/env python3
"""A seeded monthly training history with the damage real appraisal data has (missing
rows, joiners and leavers, a month nobody was appraised), with the expected numbers of
moderndid 0.2.0 (the Python port of R `did`) on its unbalanced panel.

The data set (numpy default_rng(20250117); deterministic):
- 12 agencies A01..A12 x 50 employees (valid, unique 18-digit NIPs), region R; monthly
  appraisals 2023-01..2024-12; score = agency level + employee effect + agency x month
  shock (sd 1) + noise (sd 2), -1 in the months of the (earliest-starting completed) course
  and +1.5 in every month after its end; scores with 2 decimals;
- damage: 4 % of the appraisal rows missing at random; 48 joiners (no rows before a random
  month) and 48 leavers (no rows after one); 2023-07 dropped entirely (nobody appraised);
  2 employees (A06, A07) without any appraisal;
- training: 270 employees complete a course (pelatihan / daring / workshop; start in a random
  month 2023-03..2024-09 other than 2023-07, 1-3 calendar months long), among them 5 trained
  in 2023-01 (start and end; `did` drops them), 5 starting in the empty month 2023-07, 5
  whose only completed course starts in 2025 (never treated within the panel), 6 who
  dropped out of an earlier course, and 6 with two overlapping completed courses whose
  order by start differs from the order by end (A: month m..m+2, B: month m+1: cohort
  m by start, m+1 by end); 17 only dropped out (status `gugur`).
  The drops that apply to every run (gugur-only, no appraisal, trained in 2023-01) are
  exactly 2 per agency, so every agency keeps 48 units: equal cluster sizes, under which
  moderndid's clustered bootstrap (which averages the influence function within a cluster)
  has the same target as the cluster-sum CR0 form.

Which rule is whose:
- Kinerja's rules, applied here on the CSVs before moderndid: the cohort is the month
  (code year * 12 + month - 1; gaps stay gaps) of the start (cohort_from = start) or of the
  end (cohort_from = end) of the first completed training (earliest start, resp. earliest
  end, among the completed ones); trained but never completed -> left out; cohort after
  2024-12 -> never treated (0); no appraisal -> not in the long data;
- `did`'s rules, left to moderndid: units treated in or before the first period plus the
  anticipation are dropped, the empty month simply is not a period (tlist = the observed
  months), anticipation and event times count in months (codes), not in positions. So a
  cohort starting in the empty month (2023-07) has no e = 0 cell (its first post cell is
  2023-08 against 2023-06, e = 1), cohort 2023-06 has no e = 1, cohort 2023-08's e = 0 is
  2023-08 against 2023-06, and with anticipation 1 cohort 2023-08 keeps base 2023-06;
- on an unbalanced panel an ATT(g, t) is the difference of the four cross-section means of
  the rows in month t and in the base month: a joiner or leaver counts in a cell even when
  seen in only one of its two months (not only the units seen in both).

How moderndid 0.2.0 is called, and why not exactly as documented:
- att_gt(panel=True, allow_unbalanced_panel=True) crashes on an unbalanced panel in 0.2.0
  (it selects the unbalanced-panel tensor factory, which builds no outcomes tensor, then
  takes the balanced-panel branch: TypeError 'NoneType' object is not subscriptable). R `did`
  handles allow_unbalanced_panel = TRUE by switching to panel = FALSE while keeping the ids
  (repeated-cross-section estimator per cell, influence function summed per unit); moderndid
  has that code path too, reached with panel=False, allow_unbalanced_panel=True, idname=id.
  On a balanced panel it reproduces the panel estimator exactly (checked on mpdta: ATT and
  SE agree to 1e-16).
- On that path moderndid orders the rows of the influence function by sorted id, but the
  unit-level group (result.G, used by aggte's weight influence function) and the cluster
  variable of the bootstrap by first appearance in the data sorted by (period, group, id).
  When the two orders differ, aggte's standard errors and the clustered bootstrap are
  silently wrong. This script therefore numbers the units 1..n in the order (first
  observed month, cohort with never = inf, NIP), so the two orders coincide, and asserts it.
- The clustered SE (se_agency) is computed here from the influence function (n_units x
  cells): the rows summed within each agency to S_c, se = sqrt(sum_c S_c^2) / n_units (CR0,
  no small-sample factor; the form of R did >= 2.2 / PR #261); the same for every
  aggregate from aggte's influence_func / influence_func_overall.

Writes, into the folder given (default: this script's): employees.csv, performance.csv,
training.csv (Kinerja's input schema) and did_unbalanced_expected.json:
- runs: for cohort_from in {start, end}, anticipation in {0, 1}, control in {nevertreated,
  notyettreated}: att_gt (dr, no covariates, analytic SEs, varying base period): every
  ATT(g, t) with se and se_agency, all four aggte aggregations (overall and by index, with
  se_agency), post_training_min_e_1/2/3 (aggte dynamic with min_e = 1, 2, 3), the pre-trend
  Wald test, n_units and the treated units per cohort;
- balanced: cohort_from start, anticipation 0, never treated on the employees observed in
  all 23 observed months (panel=True, allow_unbalanced_panel=False), the same fields, and
  statsmodels_check: for the first 5 post cells (t >= g) the OLS of y_t - y_base (base: the
  last observed month before g) on a constant and the cohort dummy over the cell's treated
  and never-treated units, with cluster-robust (agency) SE without any correction
  (use_correction=False: neither G/(G-1) nor (N-1)/(N-K); df_correction only changes the
  t reference distribution) and HC0; asserted equal to moderndid's att (1e-10), se_agency
  (1e-9) and se (1e-9);
- pretest as moderndid gives it (wald_stat, wald_pvalue; null when moderndid refuses), with
  the number of pre-treatment cells and the rank and condition number of their covariance:
  with never-treated controls it is singular by construction (a cohort has more
  pre-treatment cells than units, and the control part of a cell is shared by all
  cohorts), so moderndid refuses; with not-yet-treated controls it is full rank but
  ill-conditioned (condition ~1e8 and more) and the statistic runs to the hundreds of
  thousands (p = 0) although the start cohorts have parallel trends: compare such a value
  loosely (relative 1e-4), if at all;
- bootstrap: the run cohort_from start, anticipation 0, never treated, unbalanced, with
  boot=True, cband=True, biters=20000, clustervars=["agency"], random_state 1..5 (att_gt and
  aggte(type="dynamic", boot=True, cband=True, biters=20000, clustervars=["agency"])): mean
  and sd over these 5 seeds of each cell's bootstrap SE, of each event time's SE, of the
  overall dynamic SE and of the uniform-band critical values (se_mean / se_sd, mean / sd);
  the same over seeds 1..40 (*_40; seeds above 5 through the mboot call att_gt and aggte
  make, asserted identical for seeds 1..5); the exact values (se_exact, exact) from all
  2^12 Mammen weight vectors of the 12 clusters (the limit biters -> infinity); se_agency.
  moderndid's bootstrap SE is (q75 - q25) / 1.3489795 / sqrt(G) of the cluster-mean draws,
  not their sd, so with 12 clusters it differs from se_agency (ratio 0.56-1.13 here):
  compare a bootstrap with a bootstrap.
  Monte Carlo tolerance for one Kinerja run of 20000 draws with its own RNG: k * sd_40
  around mean_40 (sd_40: the spread of one run over seeds; the uncertainty of the 40-seed
  mean adds a factor sqrt(1 + 1/40)). The draws take at most 4096 distinct values with
  lumpy weights, so a cell's bootstrap SE varies by 0.3-2.8 % (median 1 %) from seed to
  seed, with fat tails: checking all 418 cells at once with k = 4 failed some cell in 35 %
  of 40 held-out seeds, with k = 8 in none; for a single value (a critical value, an
  aggregate) k = 4. The 5-seed sd is 0.14 to 2 times sd_40 from cell to cell: derive
  tolerances from sd_40, not from sd.

    python3 -m venv /tmp/venv-ref && /tmp/venv-ref/bin/pip install moderndid==0.2.0 statsmodels
    /tmp/venv-ref/bin/python did_unbalanced_reference.py
"""
import calendar
import itertools
import json
import os
import platform
import sys
import warnings

import moderndid
import numpy as np
import pandas as pd
import scipy
import statsmodels
import statsmodels.api as sm
from moderndid.did.mboot import mboot

out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20250117)

AGENCIES, PER_AGENCY = 12, 50
FIRST, LAST = 2023 * 12, 2024 * 12 + 11
EMPTY = 2023 * 12 + 6
METHODS = ["pelatihan", "daring", "workshop"]
SEEDS = [1, 2, 3, 4, 5]
MORE_SEEDS = list(range(1, 41))
BITERS = 20000


def label(month):
    return f"{month // 12}-{month % 12 + 1:02d}"


def month_of(date):
    return int(date[:4]) * 12 + int(date[5:7]) - 1


# ---------------------------------------------------------------- the data set
n = AGENCIES * PER_AGENCY
agency = np.repeat(np.arange(AGENCIES), PER_AGENCY)
role = np.array(["never"] * n, dtype=object)
for a in range(AGENCIES):  # 2 drops in every run per agency
    first = a * PER_AGENCY
    role[first:first + 2] = ["early", "gugur"] if a < 5 else ["absent", "gugur"] if a < 7 else ["gugur", "gugur"]
regular = np.array([i for i in range(n) if i % PER_AGENCY >= 2])
order = rng.permutation(regular)
counts = [("after", 5), ("empty", 5), ("two", 6), ("retry", 6), ("completed", 243)]
position = 0
for name, count in counts:
    role[order[position:position + count]] = name
    position += count
mobile = rng.permutation(regular)
joiner = {int(i): int(rng.integers(FIRST + 2, FIRST + 21)) for i in mobile[:48]}  # no rows before
leaver = {int(i): int(rng.integers(FIRST + 3, FIRST + 22)) for i in mobile[48:96]}  # no rows after

START_MONTHS = [m for m in range(2023 * 12 + 2, 2024 * 12 + 9) if m != EMPTY]


def course(start, length, status):
    y, m = divmod(start, 12)
    end = start + length
    ey, em = divmod(end, 12)
    start_day = int(rng.integers(1, calendar.monthrange(y, m + 1)[1] + 1))
    low = start_day if end == start else 1
    end_day = int(rng.integers(low, calendar.monthrange(ey, em + 1)[1] + 1))
    return {"start": start, "end": end, "start_date": f"{y}-{m + 1:02d}-{start_day:02d}",
            "end_date": f"{ey}-{em + 1:02d}-{end_day:02d}", "method": METHODS[int(rng.integers(3))],
            "status": status}


trainings = []
for i in range(n):
    r = role[i]
    if r == "early":
        t = [course(FIRST, 0, "completed")]
    elif r == "gugur":
        t = [course(int(rng.integers(FIRST + 1, LAST - 1)), int(rng.integers(3)), "gugur")]
    elif r == "after":
        t = [course(int(rng.integers(LAST + 1, LAST + 7)), int(rng.integers(3)), "completed")]
    elif r == "empty":
        t = [course(EMPTY, int(rng.integers(3)), "completed")]
    elif r == "two":
        m = int(rng.choice([m for m in START_MONTHS if m not in (EMPTY - 1,) and m < LAST - 4]))
        t = [course(m, 2, "completed"), course(m + 1, 0, "completed")]
    elif r == "retry":
        m = int(rng.choice([m for m in START_MONTHS if m >= FIRST + 4]))
        t = [course(int(rng.integers(FIRST + 1, m - 1)), 0, "gugur"), course(m, int(rng.integers(3)), "completed")]
    elif r == "completed":
        t = [course(int(rng.choice(START_MONTHS)), int(rng.integers(3)), "completed")]
    else:
        t = []
    trainings.append(t)

level = 72 + rng.normal(0, 3, AGENCIES)
person = rng.normal(0, 3, n)
shock = rng.normal(0, 1.0, (AGENCIES, LAST - FIRST + 1))
noise = rng.normal(0, 2, (n, LAST - FIRST + 1))
missing = rng.random((n, LAST - FIRST + 1)) < 0.04


def nip(i):
    birth = np.datetime64("1960-01-01") + int(rng.integers(0, 11323))  # up to 1990-12-31
    year, month, day = str(birth).split("-")
    appointed = int(rng.integers(max(1990, int(year) + 20), 2016))
    return f"{year}{month}{day}{appointed}{int(rng.integers(1, 13)):02d}{int(rng.integers(1, 3))}{i + 1:03d}"


nips = [nip(i) for i in range(n)]
assert len(set(nips)) == n and all(len(x) == 18 and x.isdigit() for x in nips)

with open(os.path.join(out, "employees.csv"), "w") as employees, \
        open(os.path.join(out, "performance.csv"), "w") as performance, \
        open(os.path.join(out, "training.csv"), "w") as training:
    employees.write("nip,agency_code,region\n")
    performance.write("nip,period,score\n")
    training.write("nip,program_id,method,start_date,end_date,status\n")
    program = 0
    for i in range(n):
        employees.write(f"{nips[i]},A{agency[i] + 1:02d},R\n")
        for c in trainings[i]:
            program += 1
            training.write(f"{nips[i]},PRG{program:03d},{c['method']},{c['start_date']},{c['end_date']},{c['status']}\n")
        done = sorted((c["start"], c["end"]) for c in trainings[i] if c["status"] == "completed")
        rows = 0
        for k, month in enumerate(range(FIRST, LAST + 1)):
            if role[i] == "absent" or month == EMPTY or missing[i, k]:
                continue
            if month < joiner.get(i, FIRST) or month > leaver.get(i, LAST):
                continue
            effect = 0.0
            if done:
                start, end = done[0]
                effect = -1.0 if start <= month <= end else 1.5 if month > end else 0.0
            score = level[agency[i]] + person[i] + shock[agency[i], k] + noise[i, k] + effect
            performance.write(f"{nips[i]},{label(month)},{score:.2f}\n")
            rows += 1
        assert rows > 0 or role[i] == "absent", i

# ---------------------------------------------------------------- Kinerja's rules, from the CSVs
employees = pd.read_csv(os.path.join(out, "employees.csv"), dtype=str)
performance = pd.read_csv(os.path.join(out, "performance.csv"), dtype={"nip": str, "period": str})
training = pd.read_csv(os.path.join(out, "training.csv"), dtype=str)
agency_of = dict(zip(employees.nip, employees.agency_code))
performance["t"] = performance.period.map(month_of)


def cohorts(cohort_from):
    """nip -> first-treatment month code (0: never) for the employees a study keeps."""
    first = {x: 0 for x in employees.nip}
    for who, rows in training.groupby("nip"):
        done = rows[rows.status == "completed"]
        if done.empty:
            del first[who]  # trained, never completed: left out
            continue
        month = min(month_of(d) for d in done[f"{cohort_from}_date"])
        first[who] = 0 if month > LAST else month
    return first


def long_data(cohort_from):
    first = cohorts(cohort_from)
    data = performance[performance.nip.isin(first.keys())].copy()
    data["g"] = data.nip.map(first).astype(int)
    data["agency"] = data.nip.map(agency_of)
    # Units numbered in moderndid's first-appearance order (first month, cohort, NIP): see above.
    key = data.groupby("nip").agg(first_t=("t", "min"), g=("g", "first")).reset_index()
    key["g_sort"] = key.g.replace(0, np.inf)
    key = key.sort_values(["first_t", "g_sort", "nip"]).reset_index(drop=True)
    data["id"] = data.nip.map(dict(zip(key.nip, key.index + 1)))
    return data[["id", "nip", "agency", "t", "g", "score"]].sort_values(["id", "t"]).reset_index(drop=True)


# ---------------------------------------------------------------- moderndid
def num(x):
    return None if x is None or not np.isfinite(x) else float(x)


def cluster_se(influence, clusters, n_units):
    influence = np.asarray(influence, dtype=float)
    influence = influence.reshape(-1, 1) if influence.ndim == 1 else influence
    codes = np.unique(clusters, return_inverse=True)[1]
    sums = np.zeros((codes.max() + 1, influence.shape[1]))
    np.add.at(sums, codes, influence)
    return np.sqrt((sums ** 2).sum(axis=0)) / n_units


def estimate(data, control, anticipation, balanced=False, **options):
    options = {"boot": False, "cband": False, **options}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = moderndid.att_gt(data.drop(columns="nip"), yname="score", tname="t", idname="id", gname="g",
                                  est_method="dr", control_group=control, anticipation=anticipation,
                                  panel=balanced, allow_unbalanced_panel=not balanced, base_period="varying",
                                  **options)
    units = data.groupby("id").agg(g=("g", "first"), agency=("agency", "first"))
    units = units[(units.g == 0) | (units.g > FIRST + anticipation)]  # did's early-treated rule
    assert result.n_units == len(units) == result.estimation_params["n_units"], (result.n_units, len(units))
    assert np.array_equal(np.asarray(result.G), units.g.replace(0, np.inf).to_numpy()), "unit order"
    if options.get("clustervars"):
        assert np.array_equal(np.asarray(result.estimation_params["cluster"]), units.agency.to_numpy()), "clusters"
    return result, units


def aggregate(result, units, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return moderndid.aggte(result, **{"boot": False, "cband": False, **options})


def summary(result, units):
    n_units = result.n_units
    influence = np.asarray(result.influence_func)
    se_agency = cluster_se(influence, units.agency.to_numpy(), n_units)
    assert np.allclose(np.sqrt((influence ** 2).mean(axis=0) / n_units), result.se_gt, rtol=1e-12, atol=0)
    group_time = [{"group": label(int(g)), "group_code": int(g), "period": label(int(t)), "period_code": int(t),
                   "att": num(a), "se": num(s), "se_agency": num(c)}
                  for g, t, a, s, c in zip(result.groups, result.times, result.att_gt, result.se_gt, se_agency)]
    aggregations = {}
    for kind in ["simple", "group", "dynamic", "calendar"]:
        agg = aggregate(result, units, type=kind)
        overall = np.asarray(agg.influence_func_overall)
        assert np.isclose(np.sqrt((overall ** 2).mean() / n_units), agg.overall_se, rtol=1e-12, atol=0)
        entry = {"att": num(agg.overall_att), "se": num(agg.overall_se),
                 "se_agency": num(cluster_se(overall, units.agency.to_numpy(), n_units)[0])}
        if kind != "simple":
            by_agency = cluster_se(agg.influence_func, units.agency.to_numpy(), n_units)
            entry["by"] = [({"index": int(e)} if kind == "dynamic" else {"index": label(int(e)), "index_code": int(e)})
                           | {"att": num(a), "se": num(s), "se_agency": num(c)}
                           for e, a, s, c in zip(agg.event_times, agg.att_by_event, agg.se_by_event, by_agency)]
        aggregations[kind] = entry
    for e in [1, 2, 3]:
        agg = aggregate(result, units, type="dynamic", min_e=e)
        aggregations[f"post_training_min_e_{e}"] = {
            "att": num(agg.overall_att), "se": num(agg.overall_se),
            "se_agency": num(cluster_se(agg.influence_func_overall, units.agency.to_numpy(), n_units)[0])}
    cohort = units.g[units.g > 0].value_counts().sort_index()
    pre = np.where(result.groups > result.times)[0]  # the cells of did's Wald pre-test
    variance = result.vcov_analytical[np.ix_(pre, pre)]
    return {"n_units": int(n_units), "n_obs": int(result.estimation_params["n_obs"]),
            "never_treated": int((units.g == 0).sum()),
            "treated_per_cohort": {label(int(g)): int(c) for g, c in cohort.items()},
            "group_time": group_time, "aggregations": aggregations,
            "pretest": {"wald_stat": num(result.wald_stat), "wald_pvalue": num(result.wald_pvalue),
                        "pre_cells": int(len(pre)), "pre_rank": int(np.linalg.matrix_rank(variance)),
                        "pre_condition": num(np.linalg.cond(variance))}}


expected = {"script": "did_unbalanced_reference.py", "python": platform.python_version(),
            "moderndid": moderndid.__version__, "numpy": np.__version__, "pandas": pd.__version__,
            "scipy": scipy.__version__, "statsmodels": statsmodels.__version__,
            "moderndid_call": {"est_method": "dr", "base_period": "varying", "panel": False,
                               "allow_unbalanced_panel": True, "boot": False, "cband": False}}
data = {"start": long_data("start"), "end": long_data("end")}
observed = sorted(data["start"].t.unique())
assert EMPTY not in observed and len(observed) == 23
expected["data"] = {
    "employees": n, "agencies": AGENCIES, "appraisal_rows": int(len(performance)),
    "observed_months": [label(m) for m in observed], "empty_month": label(EMPTY),
    "no_appraisal": int((role == "absent").sum()), "trained_never_completed": int((role == "gugur").sum()),
    "joiners": len(joiner), "leavers": len(leaver), "trained_2023_01": int((role == "early").sum()),
    "completed_after_panel": int((role == "after").sum()), "started_in_empty_month": int((role == "empty").sum())}

expected["runs"] = []
for cohort_from, anticipation, control in itertools.product(["start", "end"], [0, 1],
                                                            ["nevertreated", "notyettreated"]):
    result, units = estimate(data[cohort_from], control, anticipation)
    assert (units.groupby("agency").size() == 48).all()  # equal clusters
    entry = {"cohort_from": cohort_from, "anticipation": anticipation, "control": control, "panel": "unbalanced"}
    expected["runs"].append(entry | summary(result, units))
    print(cohort_from, anticipation, control, result.n_units, len(result.att_gt),
          expected["runs"][-1]["aggregations"]["simple"])

# ---------------------------------------------------------------- balanced panel + statsmodels
start = data["start"]
complete = start.groupby("id").t.count() == len(observed)
balanced_data = start[start.id.isin(complete[complete].index)].reset_index(drop=True)
result, units = estimate(balanced_data, "nevertreated", 0, balanced=True)
balanced = {"cohort_from": "start", "anticipation": 0, "control": "nevertreated", "panel": "balanced",
            "moderndid_call": {"panel": True, "allow_unbalanced_panel": False},
            "employees_in_all_months": int(complete.sum())} | summary(result, units)
wide = balanced_data.pivot(index="id", columns="t", values="score")
se_agency = cluster_se(result.influence_func, units.agency.to_numpy(), result.n_units)
checks = []
for k in [k for k in range(len(result.groups)) if result.times[k] >= result.groups[k]][:5]:
    g, t = int(result.groups[k]), int(result.times[k])
    base = max(m for m in observed if m < g)
    cell = units[(units.g == g) | (units.g == 0)]
    dy = (wide.loc[cell.index, t] - wide.loc[cell.index, base]).to_numpy()
    x = sm.add_constant((cell.g == g).astype(float).to_numpy())
    groups = cell.agency.to_numpy()
    fit = sm.OLS(dy, x).fit(cov_type="cluster", cov_kwds={"groups": groups, "use_correction": False,
                                                          "df_correction": False})
    fit_df = sm.OLS(dy, x).fit(cov_type="cluster", cov_kwds={"groups": groups, "use_correction": False})
    hc0 = sm.OLS(dy, x).fit(cov_type="HC0")
    assert abs(fit.params[1] - result.att_gt[k]) < 1e-10
    assert abs(fit.bse[1] - se_agency[k]) < 1e-9, (fit.bse[1], se_agency[k])
    assert abs(fit_df.bse[1] - fit.bse[1]) < 1e-15  # df_correction: inference only
    assert abs(hc0.bse[1] - result.se_gt[k]) < 1e-9, (hc0.bse[1], result.se_gt[k])
    checks.append({"group": label(g), "period": label(t), "base": label(base), "treated": int((cell.g == g).sum()),
                   "controls": int((cell.g == 0).sum()), "coefficient": float(fit.params[1]),
                   "se_cluster_cr0": float(fit.bse[1]), "se_hc0": float(hc0.bse[1]),
                   "att_moderndid": float(result.att_gt[k]), "se_agency_moderndid": float(se_agency[k]),
                   "se_moderndid": float(result.se_gt[k])})
balanced["statsmodels_check"] = checks
expected["balanced"] = balanced
print("balanced", result.n_units, len(result.att_gt), balanced["aggregations"]["simple"])

# ---------------------------------------------------------------- clustered bootstrap
P_KAPPA = 0.5 * (1 + np.sqrt(5)) / np.sqrt(5)  # moderndid: weight k1 with this probability
K1, K2 = 0.5 * (1 - np.sqrt(5)), 0.5 * (1 + np.sqrt(5))


def quantile(values, probabilities, q):
    """numpy's inverted_cdf quantile of a discrete distribution."""
    order = np.argsort(values)
    cumulative = np.cumsum(probabilities[order])
    return values[order][np.searchsorted(cumulative, q - 1e-12)]


def exact_bootstrap(influence, clusters, alpha=0.05):
    """moderndid's clustered mboot in the limit biters -> infinity (all 2^G weight vectors)."""
    influence = np.asarray(influence, dtype=float)
    codes, sizes = np.unique(clusters, return_inverse=True)[1], np.unique(clusters, return_counts=True)[1]
    means = np.zeros((len(sizes), influence.shape[1]))
    np.add.at(means, codes, influence)
    means /= sizes[:, None]
    draws_of_one = np.array(list(itertools.product([1, 0], repeat=len(sizes))))
    weights = np.where(draws_of_one == 1, K1, K2)
    probability = np.prod(np.where(draws_of_one == 1, P_KAPPA, 1 - P_KAPPA), axis=1)
    bres = np.sqrt(len(sizes)) * weights @ means / len(sizes)
    iqr = np.array([quantile(b, probability, 0.75) - quantile(b, probability, 0.25) for b in bres.T]) / 1.3489795
    crit = quantile(np.max(np.abs(bres / iqr), axis=1), probability, 1 - alpha)
    return iqr / np.sqrt(len(sizes)), crit


def spread(values):
    values = np.asarray(values, dtype=float)
    return float(values.mean()), float(values.std(ddof=1))


# The brief's 5 seeds through moderndid's own calls ...
cell_se, cell_crit, dyn_se, dyn_crit, dyn_overall = [], [], [], [], []
for seed in SEEDS:
    boot, units = estimate(start, "nevertreated", 0, boot=True, cband=True, biters=BITERS,
                           clustervars=["agency"], random_state=seed)
    cell_se.append(boot.se_gt)
    cell_crit.append(boot.critical_value)
    agg = aggregate(boot, units, type="dynamic", boot=True, cband=True, biters=BITERS, clustervars=["agency"],
                    random_state=seed)
    dyn_se.append(agg.se_by_event)
    dyn_crit.append(agg.critical_values[0])
    dyn_overall.append(agg.overall_se)
analytic = aggregate(boot, units, type="dynamic")
clusters = units.agency.to_numpy()
influence = {"cells": np.asarray(boot.influence_func), "dynamic": np.asarray(analytic.influence_func),
             "overall": np.asarray(analytic.influence_func_overall).reshape(-1, 1)}
# ... and seeds 1..40 through the mboot call they make (identical for seeds 1..5, asserted).
draws = {key: ([], []) for key in influence}
for seed in MORE_SEEDS:
    for key, matrix in influence.items():
        result = mboot(matrix, boot.n_units, biters=BITERS, alp=0.05, cluster=clusters, random_state=seed)
        draws[key][0].append(result["se"])
        draws[key][1].append(result["crit_val"])
    if seed <= len(SEEDS):
        assert np.array_equal(draws["cells"][0][-1], cell_se[seed - 1]) and draws["cells"][1][-1] == cell_crit[seed - 1]
        assert np.array_equal(draws["dynamic"][0][-1], dyn_se[seed - 1]) and draws["dynamic"][1][-1] == dyn_crit[seed - 1]
        assert draws["overall"][0][-1][0] == dyn_overall[seed - 1]
exact = {key: exact_bootstrap(matrix, clusters) for key, matrix in influence.items()}
by_agency = {key: cluster_se(matrix, clusters, boot.n_units) for key, matrix in influence.items()}


def row(key, k, five):
    many = [d[k] for d in draws[key][0]]
    return dict(zip(["se_mean", "se_sd"], spread(five))) | dict(zip(["se_mean_40", "se_sd_40"], spread(many))) | {
        "se_exact": float(exact[key][0][k]), "se_agency": float(by_agency[key][k])}


def critical(key, five):
    return dict(zip(["mean", "sd"], spread(five))) | dict(zip(["mean_40", "sd_40"], spread(draws[key][1]))) | {
        "exact": float(exact[key][1])}


cells = [{"group": label(int(g)), "group_code": int(g), "period": label(int(t)), "period_code": int(t)}
         | row("cells", k, [s[k] for s in cell_se]) for k, (g, t) in enumerate(zip(boot.groups, boot.times))]
dynamic = [{"index": int(e)} | row("dynamic", k, [s[k] for s in dyn_se]) for k, e in enumerate(analytic.event_times)]
expected["bootstrap"] = {
    "run": {"cohort_from": "start", "anticipation": 0, "control": "nevertreated", "panel": "unbalanced"},
    "biters": BITERS, "seeds": SEEDS, "seeds_40": [MORE_SEEDS[0], MORE_SEEDS[-1]],
    "clusters": int(len(np.unique(clusters))), "cluster_size": 48,
    "group_time": cells, "critical_value": critical("cells", cell_crit),
    "dynamic": {"by": dynamic, "critical_value": critical("dynamic", dyn_crit),
                "overall_se": {(key if key == "se_agency" else key.removeprefix("se_")): value
                               for key, value in row("overall", 0, dyn_overall).items()}}}
for entry in cells + dynamic + [row("overall", 0, dyn_overall)]:
    # the exact limit lies within the Monte Carlo spread of the 40-seed mean
    assert abs(entry["se_mean_40"] - entry["se_exact"]) <= 4 * entry["se_sd_40"], entry


def rounded(value):
    """13 significant digits (relative error below 5e-13) keep the file short."""
    if isinstance(value, float):
        return float(f"{value:.13g}")
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    return value


def dump(value, indent=0):
    """JSON with one line per flat record (a cell, an aggregate) to keep the file short."""
    pad = " " * (indent + 1)
    flat = lambda v: not isinstance(v, (dict, list)) or (isinstance(v, list) and all(not isinstance(x, (dict, list)) for x in v))
    if isinstance(value, dict) and not all(flat(v) for v in value.values()):
        return "{\n" + ",\n".join(f"{pad}{json.dumps(k)}: {dump(v, indent + 1)}" for k, v in value.items()) + \
            "\n" + " " * indent + "}"
    if isinstance(value, list) and not all(flat(v) for v in value):
        return "[\n" + ",\n".join(pad + dump(v, indent + 1) for v in value) + "\n" + " " * indent + "]"
    return json.dumps(value, allow_nan=False, separators=(",", ":") if indent else None)


with open(os.path.join(out, "did_unbalanced_expected.json"), "w") as handle:
    handle.write(dump(rounded(expected)) + "\n")
crit = expected["bootstrap"]["critical_value"]
print("bootstrap crit", crit, "cell se sd_40 / mean_40: max", max(c["se_sd_40"] / c["se_mean_40"] for c in cells))
