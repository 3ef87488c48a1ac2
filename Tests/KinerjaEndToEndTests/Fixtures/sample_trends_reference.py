#!/usr/bin/env python3
"""Independent check of Kinerja's trend numbers on datasets/sample.

Reads the sample exports with Python's csv module and its own parsing of the agency
dialect (';', decimal comma, Indonesian month names, NIPs with spaces), applies the contract's rules that
matter for these files, and computes n, mean, sd, median, p10, p90 and rating shares with
numpy for a few groups. Its output, sample_trends_expected.json, is what the end-to-end
test compares `kinerja run pipelines/sample.yaml` against.

    python3 Tests/KinerjaEndToEndTests/Fixtures/sample_trends_reference.py \
        datasets/sample > Tests/KinerjaEndToEndTests/Fixtures/sample_trends_expected.json
"""
import csv
import json
import platform
import sys

import numpy as np

SAMPLE = sys.argv[1] if len(sys.argv) > 1 else "datasets/sample"
MONTHS = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
          "november", "desember"]
RATINGS = {"sangat baik": 5, "baik": 4, "butuh perbaikan": 3, "kurang": 2, "kurang/misconduct": 2,
           "sangat kurang": 1}
EXPECT = {"di atas ekspektasi": 0, "sesuai ekspektasi": 1, "di bawah ekspektasi": 2}
MATRIX = {(0, 0): 5, (0, 1): 4, (1, 0): 4, (1, 1): 4, (0, 2): 2, (1, 2): 2, (2, 0): 3, (2, 1): 3, (2, 2): 1}


def rows(name):
    # Invalid UTF-8 is kept as surrogates, which then match no valid value.
    with open(f"{SAMPLE}/{name}", encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        header = next(reader)
        for row in reader:
            if len(row) == len(header):
                yield dict(zip(header, row))


def valid_nip(text):
    digits = text.replace(" ", "")
    return len(digits) == 18 and digits.isdigit()


def month_period(text):
    text = text.strip().lower()
    if "/" in text:
        month, year = text.split("/")
        month = int(month)
    elif "-" in text:
        year, month = text.split("-")
        month = int(month)
    else:
        name, year = text.split()
        month = MONTHS.index(name) + 1
    if not 1 <= month <= 12:
        raise ValueError(text)
    return f"{int(year)}-{month:02d}"


employees = {}
for row in rows("pegawai.csv"):
    nip = row["NIP Baru"].replace(" ", "")
    if valid_nip(nip) and row["Wilayah"]:
        employees[nip] = (row["Kode Instansi"], row["Wilayah"])  # the later row wins

cells = {}
for row in rows("kinerja.csv"):
    nip = row["NIP"]
    if nip not in employees:
        continue
    try:
        period = month_period(row["Periode"])
        score = float(row["Nilai SKP"].replace(",", "."))
    except ValueError:
        continue
    if not 0 <= score <= 120:
        continue
    predikat = row["Predikat"].strip().lower()
    if predikat:
        if predikat not in RATINGS:
            continue
        rating = RATINGS[predikat]
    else:
        rating = MATRIX[(EXPECT[row["Rating Hasil Kerja"].lower()], EXPECT[row["Rating Perilaku"].lower()])]
    cells[(nip, period)] = (score, rating)  # the later row wins


def summary(members):
    scores = np.array([score for score, _ in members])
    ratings = [rating for _, rating in members]
    return {
        "n": len(scores),
        "mean": float(np.mean(scores)),
        "sd": float(np.std(scores, ddof=1)),
        "median": float(np.quantile(scores, 0.5)),
        "p10": float(np.quantile(scores, 0.1)),
        "p90": float(np.quantile(scores, 0.9)),
        "share_sangat_baik": ratings.count(5) / len(ratings),
        "share_baik": ratings.count(4) / len(ratings),
    }


checks = []
for level, key, period in [("nation", "all", "2023-01"), ("nation", "all", "2024-12"),
                           ("agency", "1800-DISDIK", "2023-06"), ("agency", "8171-DISDUKCAPIL", "2024-03"),
                           ("region", "Kota Ambon", "2024-07"), ("region", "Kota Tebing Tinggi", "2023-11")]:
    members = [value for (nip, p), value in sorted(cells.items()) if p == period and (
        level == "nation" or (level == "agency" and employees[nip][0] == key)
        or (level == "region" and employees[nip][1] == key))]
    checks.append({"level": level, "group": key, "period": period, **summary(members)})

json.dump({"script": "sample_trends_reference.py", "python": platform.python_version(), "numpy": np.__version__,
           "checks": checks}, sys.stdout, indent=2)
print()
