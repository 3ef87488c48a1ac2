#!/usr/bin/env python3
"""Kills `kinerja run` with SIGKILL at many moments and checks what a reader then sees.

Two pipelines over the same generated exports write different outputs (min_group 5 and
6), so a file from one run cannot pass for the other's. Each round starts a run of one of
them over the previous outputs, kills it after a random delay (from at once to past the
end of a run), and checks the output location:

- in place: every visible file is whole — byte for byte the same file of one complete run
  of one of the two pipelines — and nothing else is visible (staging folders are hidden);
- dated runs: `latest` names one whole run: every file its manifest lists is there with
  the size and SHA-256 the manifest records.

At the end a normal run must succeed and clear the killed runs' staging folders.

    swift build -c release
    python3 scripts/kill-test.py [--rounds 40] [--employees 20000]
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--kinerja", default=".build/release/kinerja")
parser.add_argument("--rounds", type=int, default=40)
parser.add_argument("--employees", type=int, default=20000)
parser.add_argument("--work", default=".build-kill")
options = parser.parse_args()
kinerja = os.path.abspath(options.kinerja)
work = os.path.abspath(options.work)
random.seed(7)

shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
data = os.path.join(work, "data")
subprocess.run([kinerja, "generate", "--employees", str(options.employees), "--months", "12", "--seed", "3",
                "--out", data, "--bad-rows", "0.01"], check=True, capture_output=True)
base = open(os.path.join(data, "pipeline.yaml")).read()


def pipeline(name, min_group, dated):
    path = os.path.join(data, f"{name}.yaml")
    text = base.replace("min_group: 5", f"min_group: {min_group}").replace("max_reject_rate: 0.1", "max_reject_rate: 0.5")
    text += "impact: { bootstrap: { draws: 0 } }\n" + ("dated_runs: true\nkeep_runs: 5\n" if dated else "")
    open(path, "w").write(text)
    return path


def files_under(folder):
    result = {}
    for root, directories, files in os.walk(folder):
        directories[:] = [d for d in directories if not d.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            result[os.path.relpath(path, folder)] = open(path, "rb").read()
    return result


def sha256(data):
    return hashlib.sha256(data).hexdigest()


# Complete outputs of both pipelines, for comparing files against.
complete = {}
durations = []
for min_group in (5, 6):
    out = os.path.join(work, f"complete-{min_group}")
    started = time.time()
    subprocess.run([kinerja, "run", pipeline(f"p{min_group}", min_group, False), "--out", out, "--quiet"], check=True)
    durations.append(time.time() - started)
    complete[min_group] = files_under(out)
run_seconds = max(durations)


def check_in_place(out):
    problems = []
    for name, content in files_under(out).items():
        if name in ("manifest.json", "report.html"):
            # Timestamps and the run date differ between runs: check that it is whole.
            whole = content.endswith(b"}\n") if name == "manifest.json" else content.rstrip().endswith(b"</html>")
            if not whole:
                problems.append(f"{name} is not whole")
            continue
        if not any(content == complete[group].get(name) for group in complete):
            problems.append(f"{name} is not a whole file of either run")
    return problems


def check_dated(out):
    latest = os.path.join(out, "latest")
    if not os.path.exists(latest):
        return []  # no run has been published yet
    manifest = json.load(open(os.path.join(latest, "manifest.json")))
    problems = []
    for output in manifest["outputs"]:
        path = os.path.join(latest, output["path"])
        if not os.path.exists(path):
            problems.append(f"latest lacks {output['path']}")
            continue
        content = open(path, "rb").read()
        if len(content) != output["bytes"] or sha256(content) != output["sha256"]:
            problems.append(f"latest/{output['path']} differs from its manifest")
    return problems


failures = []
for mode, check in (("in place", check_in_place), ("dated", check_dated)):
    out = os.path.join(work, f"out-{mode.replace(' ', '-')}")
    killed_before_end = 0
    for round in range(options.rounds):
        min_group = 5 + round % 2
        process = subprocess.Popen([kinerja, "run", pipeline(f"{mode[0]}{min_group}", min_group, mode == "dated"),
                                    "--out", out, "--quiet"], stderr=subprocess.DEVNULL)
        time.sleep(random.uniform(0, run_seconds * 1.2))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed_before_end += 1
        process.wait()
        failures += [f"{mode}, round {round}: {problem}" for problem in check(out)]
    final = subprocess.run([kinerja, "run", pipeline(f"{mode[0]}5", 5, mode == "dated"), "--out", out, "--quiet"])
    leftovers = [name for name in os.listdir(out) if name.startswith(".staging-")]
    if final.returncode != 0 or leftovers:
        failures.append(f"{mode}: the run after the kills failed or left {leftovers}")
    failures += [f"{mode}, final: {problem}" for problem in check(out)]
    print(f"{mode}: {options.rounds} rounds, {killed_before_end} killed before they finished, "
          f"outputs checked after each")

if failures:
    sys.exit("kill test failed:\n  " + "\n  ".join(failures[:30]))
print("kill test passed: in place, every visible file was whole; dated, latest always named one whole run")
