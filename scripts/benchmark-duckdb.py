#!/usr/bin/env python3
"""Kinerja against DuckDB on the same job, on the same machine.

For each size: `kinerja generate` writes N employees × 12 months (canonical dialect);
`kinerja run` computes only the trends output; DuckDB (from PyPI, installed into
.venv-bench) runs the equivalent query — read employees and performance, join on NIP,
group by agency × period: n, mean, sd, median, p10, p90 — with the same thread count.
Both answers are compared (n exactly, statistics to 1e-9 relative, groups Kinerja
suppresses for min_group left out). Each tool runs several times; the median wall time
and peak RSS (from /usr/bin/time -v) are reported, with rows per second and the ratios.

Ingest is measured on its own too: `kinerja inspect` (reading and splitting every
record of performance.csv on all threads) against a bare libcsv loop that only counts
fields (scripts/bare-libcsv.c, one thread), times the thread count.

With --nightly, the largest size also runs the full pipeline (every output) once.

    swift build -c release
    python3 scripts/benchmark-duckdb.py [--sizes 100000,1000000,5000000] [--runs 3] [--threads 2] [--nightly]
"""
import argparse
import csv
import os
import statistics
import subprocess
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--sizes", default="100000,1000000,5000000")
parser.add_argument("--runs", type=int, default=3)
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--work", default=".build-bench")
parser.add_argument("--kinerja", default=".build/release/kinerja")
parser.add_argument("--nightly", action="store_true", help="also run every output on the largest size")
options = parser.parse_args()

venv = ".venv-bench"
python = os.path.join(venv, "bin", "python")
if not os.path.exists(python):
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", "duckdb"], check=True)
duckdb_version = subprocess.run([python, "-c", "import duckdb; print(duckdb.__version__)"], capture_output=True,
                                text=True, check=True).stdout.strip()

DUCKDB_QUERY = """
import duckdb, sys
folder, threads, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
con = duckdb.connect()
con.execute(f"SET threads = {threads}")
con.execute(f'''
COPY (
  SELECT e.agency_code, p.period, count(*) AS n, avg(p.score) AS mean, stddev_samp(p.score) AS sd,
         quantile_cont(p.score, 0.5) AS median, quantile_cont(p.score, 0.1) AS p10,
         quantile_cont(p.score, 0.9) AS p90
  FROM read_csv('{folder}/performance.csv', types={{'nip': 'BIGINT', 'period': 'VARCHAR'}}) p
  JOIN read_csv('{folder}/employees.csv', types={{'nip': 'BIGINT'}}) e USING (nip)
  GROUP BY ALL ORDER BY ALL
) TO '{out}' (HEADER)''')
"""


def timed(command):
    """Runs `command` under /usr/bin/time -v; returns (wall seconds, peak RSS in KiB)."""
    result = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    wall = rss = None
    for line in result.stderr.splitlines():
        if "Elapsed (wall clock)" in line:
            parts = line.split(": ")[-1].split(":")
            wall = sum(float(p) * 60 ** i for i, p in enumerate(reversed(parts)))
        if "Maximum resident set size" in line:
            rss = int(line.split(": ")[-1])
    return wall, rss


def compare(kinerja_trends, duckdb_csv):
    kinerja = {}
    for row in csv.DictReader(open(kinerja_trends)):
        if row["level"] == "agency" and row["suppressed"] == "false":
            kinerja[(row["group"], row["period"])] = row
    checked = 0
    for row in csv.DictReader(open(duckdb_csv)):
        mine = kinerja.get((row["agency_code"], row["period"]))
        if mine is None:
            continue
        if int(mine["n"]) != int(row["n"]):
            sys.exit(f"n differs for {row['agency_code']} {row['period']}: {mine['n']} vs {row['n']}")
        for column in ["mean", "sd", "median", "p10", "p90"]:
            a, b = float(mine[column]), float(row[column])
            if abs(a - b) > 1e-9 * max(1, abs(b)):
                sys.exit(f"{column} differs for {row['agency_code']} {row['period']}: {a} vs {b}")
        checked += 1
    if checked == 0 or checked != len(kinerja):
        sys.exit(f"compared {checked} groups of {len(kinerja)}")
    return checked


os.makedirs(options.work, exist_ok=True)
bare = os.path.join(options.work, "bare-libcsv")
subprocess.run(["cc", "-O2", "-o", bare, os.path.join(os.path.dirname(__file__), "bare-libcsv.c"), "-lcsv"],
               check=True)


def ingest(folder):
    """Median seconds of the bare libcsv loop (one thread) and of `kinerja inspect` (all threads)."""
    path = os.path.join(folder, "performance.csv")
    bare_runs = [float(subprocess.run([bare, path], capture_output=True, text=True, check=True).stdout.split()[2])
                 for _ in range(options.runs)]
    inspect_runs = [timed([options.kinerja, "inspect", path, "--threads", str(options.threads)])[0]
                    for _ in range(options.runs)]
    return statistics.median(bare_runs), statistics.median(inspect_runs)


print(f"DuckDB {duckdb_version}, {options.threads} threads, median of {options.runs} runs")
print(f"{'employees':>10} {'rows':>11} {'tool':<8} {'wall s':>8} {'peak MiB':>9} {'rows/s':>11}")
for size in [int(s) for s in options.sizes.split(",")]:
    folder = os.path.join(options.work, f"n{size}")
    if not os.path.exists(os.path.join(folder, "truth.json")):
        subprocess.run([options.kinerja, "generate", "--employees", str(size), "--months", "12", "--seed", "1",
                        "--out", folder, "--dialect", "canonical", "--threads", str(options.threads)],
                       check=True, capture_output=True)
    rows = sum(1 for _ in open(os.path.join(folder, "performance.csv"))) - 1
    with open(os.path.join(folder, "trends.yaml"), "w") as handle:
        handle.write("inputs:\n  employees: { path: employees.csv }\n  performance: { path: performance.csv }\n"
                     f"outputs: [trends]\noutput: out-trends\nthreads: {options.threads}\n")
    with open(os.path.join(options.work, "duckdb_query.py"), "w") as handle:
        handle.write(DUCKDB_QUERY)
    results = {}
    for tool, command in [
        ("kinerja", [options.kinerja, "run", os.path.join(folder, "trends.yaml"), "--quiet"]),
        ("duckdb", [python, os.path.join(options.work, "duckdb_query.py"), folder, str(options.threads),
                    os.path.join(folder, "duckdb.csv")]),
    ]:
        runs = [timed(command) for _ in range(options.runs)]
        wall = statistics.median(r[0] for r in runs)
        rss = statistics.median(r[1] for r in runs) / 1024
        results[tool] = (wall, rss)
        print(f"{size:>10} {rows:>11} {tool:<8} {wall:>8.2f} {rss:>9.0f} {rows / wall:>11.0f}")
    bare_seconds, inspect_seconds = ingest(folder)
    floor = bare_seconds / options.threads
    print(f"{'':>10} {'':>11} ingest   {inspect_seconds:>8.2f} {'':>9} {rows / inspect_seconds:>11.0f}   "
          f"(bare libcsv {bare_seconds:.2f} s on 1 thread; Kinerja reaches "
          f"{floor / inspect_seconds:.0%} of it × {options.threads} threads)")
    groups = compare(os.path.join(folder, "out-trends", "trends.csv"), os.path.join(folder, "duckdb.csv"))
    print(f"{'':>10} {'':>11} ratio    {results['kinerja'][0] / results['duckdb'][0]:>8.2f} "
          f"{results['kinerja'][1] / results['duckdb'][1]:>9.2f}   (Kinerja / DuckDB; {groups} groups agree)")

if options.nightly:
    size = max(int(s) for s in options.sizes.split(","))
    folder = os.path.join(options.work, f"n{size}")
    wall, rss = timed([options.kinerja, "run", os.path.join(folder, "pipeline.yaml"), "--quiet",
                       "--threads", str(options.threads)])
    print(f"nightly, every output, {size} employees: {wall:.1f} s, peak {rss / 1024:.0f} MiB "
          f"({wall / results['duckdb'][0]:.1f}× DuckDB's trends-only time at the last size run)")
