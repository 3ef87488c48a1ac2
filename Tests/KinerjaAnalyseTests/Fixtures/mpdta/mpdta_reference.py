#!/usr/bin/env python3
"""The staggered difference-in-differences reference: R `did` on its data set `mpdta`.

`did` itself cannot be installed on the development machines (no CRAN), so its numbers
come from moderndid, the Python port of `did` that ships `mpdta` (moderndid/core/
datasets/mpdta_long.pkl.gz); its simple ATT and ATT(2004, 2004) are the published
values of `did` (-0.039951 with SE 0.012034; -0.0105).

Writes, into the folder given (default: this script's):
- the data set converted once into Kinerja's input schema — county -> employee (a
  synthetic NIP), year -> period (grain year), lemp -> score, first.treat -> a completed
  training that year: employees.csv, performance.csv, training.csv;
- mpdta_expected.json: att_gt (no covariates, analytic SEs, varying base period) with
  never-treated and with not-yet-treated controls, all four aggte aggregations, Kinerja's
  post_training (aggte dynamic with min_e = 1: the mean effect from the first period after
  training on), and the pre-trend Wald test.

    python3 -m venv /tmp/venv-ref && /tmp/venv-ref/bin/pip install moderndid==0.2.0
    /tmp/venv-ref/bin/python mpdta_reference.py
"""
import json
import os
import platform
import sys

import moderndid
import numpy as np
import scipy

out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
data = moderndid.load_mpdta()
frame = data.to_pandas() if hasattr(data, "to_pandas") else data


counties = sorted(frame["countyreal"].unique())
position = {county: index for index, county in enumerate(counties)}


def nip(county):
    # A valid NIP per county: birth 1960-01-01 plus the county's position in days, TMT 1995-01.
    birth = np.datetime64("1960-01-01") + position[county]
    year, month, day = str(birth).split("-")
    return f"{year}{month}{day}1995011{position[county] % 999 + 1:03d}"


with open(os.path.join(out, "employees.csv"), "w") as handle:
    handle.write("nip,agency_code,region\n")
    for county in counties:
        handle.write(f"{nip(county)},MPDTA,United States\n")
with open(os.path.join(out, "performance.csv"), "w") as handle:
    handle.write("nip,period,score\n")
    for row in frame.sort_values(["countyreal", "year"]).itertuples():
        handle.write(f"{nip(row.countyreal)},{int(row.year)},{row.lemp!r}\n")
with open(os.path.join(out, "training.csv"), "w") as handle:
    handle.write("nip,program_id,method,start_date,end_date,status\n")
    firsts = frame.groupby("countyreal")["first.treat"].first()
    for county, first in firsts.items():
        if first > 0:
            handle.write(f"{nip(county)},MINWAGE,pelatihan,{int(first)}-06-01,{int(first)}-06-30,completed\n")


def run(control):
    result = moderndid.att_gt(data, yname="lemp", tname="year", idname="countyreal", gname="first.treat",
                              est_method="dr", control_group=control, boot=False, cband=False,
                              base_period="varying")
    group_time = [{"group": int(g), "period": int(t), "att": float(a), "se": float(s)}
                  for g, t, a, s in zip(result.groups, result.times, result.att_gt, result.se_gt)]
    aggregations = {}
    for kind in ["simple", "group", "dynamic", "calendar"]:
        agg = moderndid.aggte(result, type=kind, boot=False, cband=False)
        entry = {"att": float(agg.overall_att), "se": float(agg.overall_se)}
        if kind != "simple":
            entry["by"] = [{"index": int(e), "att": float(a), "se": float(s)}
                           for e, a, s in zip(agg.event_times, agg.att_by_event, agg.se_by_event)]
        aggregations[kind] = entry
    # Kinerja's post_training: the dynamic aggregation from e = 1 on (training takes place
    # during period g, so ATT(g, g) measures a programme still under way).
    post = moderndid.aggte(result, type="dynamic", min_e=1, boot=False, cband=False)
    aggregations["post_training"] = {"att": float(post.overall_att), "se": float(post.overall_se)}
    return {"group_time": group_time, "aggregations": aggregations,
            "pretest": {"statistic": float(result.wald_stat), "p": float(result.wald_pvalue)}}


expected = {"script": "mpdta_reference.py", "python": platform.python_version(), "moderndid": moderndid.__version__,
            "numpy": np.__version__, "scipy": scipy.__version__, "never": run("nevertreated"),
            "not_yet": run("notyettreated")}
with open(os.path.join(out, "mpdta_expected.json"), "w") as handle:
    json.dump(expected, handle, indent=1)
    handle.write("\n")
print(json.dumps(expected["never"]["aggregations"]["simple"]), expected["never"]["group_time"][0])
