#!/usr/bin/env python3
"""Kills `kinerja run` at every publishing system call and checks what a reader then sees.

Publishing is made of renames, fsyncs, links, unlinks, mkdirs and rmdirs. A normal run is
traced once with strace to count, for each of those calls, how many times the publishing
thread makes it; then, for every call and every invocation N of it, a run is started under
`strace --inject=CALL:signal=SIGKILL:when=N`, which kills the run as it enters that call.
Runs alternate between two pipelines whose outputs differ (min_group 5 and 6), so a file of
one run cannot pass for the other's. After every kill the output location is checked:

- in place: the visible files are exactly one complete run, the one before the kill or the
  killed run's own (same names, byte for byte; `manifest.json` compared without its
  timestamps and stage durations), and every file matches the size and SHA-256 that the
  visible `manifest.json` records;
- dated runs: `latest` exists, is not dangling, and names one complete run as above; every
  folder under `runs/` is a complete run.

At the end a normal run must succeed and leave no staging folder inside the output location
or beside it.

    swift build -c release --product kinerja
    python3 scripts/kill-test.py [--employees 3000]

Needs strace (Debian `strace`). Exits non-zero, listing the failures, when any check fails.
"""
import argparse
import collections
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--kinerja", default=".build/release/kinerja")
parser.add_argument("--employees", type=int, default=3000)
parser.add_argument("--work", default=".build-kill")
parser.add_argument("--strace", default="strace")
options = parser.parse_args()
kinerja = os.path.abspath(options.kinerja)
work = os.path.abspath(options.work)
environment = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
PUBLISHING_CALLS = ["rename", "renameat", "renameat2", "fsync", "fdatasync", "link", "linkat",
                    "symlink", "symlinkat", "unlink", "unlinkat", "mkdir", "mkdirat", "rmdir"]
started = time.time()

shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
data = os.path.join(work, "data")
subprocess.run([kinerja, "generate", "--employees", str(options.employees), "--months", "12", "--seed", "3",
                "--out", data, "--bad-rows", "0.01"], check=True, capture_output=True)
base = open(os.path.join(data, "pipeline.yaml")).read()


def pipeline(mode, min_group):
    path = os.path.join(data, f"{mode}-{min_group}.yaml")
    text = base.replace("min_group: 5", f"min_group: {min_group}").replace("max_reject_rate: 0.1", "max_reject_rate: 0.5")
    text += "impact: { bootstrap: { draws: 0 } }\n" + ("dated_runs: true\nkeep_runs: 3\n" if mode == "dated" else "")
    open(path, "w").write(text)
    return path


def run(mode, min_group, out, under=()):
    command = list(under) + [kinerja, "run", pipeline(mode, min_group), "--out", out, "--quiet"]
    return subprocess.run(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def comparable(name, content):
    """A file's bytes, with the manifest's timestamps and stage durations left out."""
    if name != "manifest.json":
        return content
    try:
        manifest = json.loads(content)
    except ValueError:
        return content
    for key in [key for key in manifest if key.endswith("_at")]:
        del manifest[key]
    for stage in manifest.get("stages", []):
        stage.pop("seconds", None)
    return json.dumps(manifest, sort_keys=True).encode()


def files_under(folder):
    """Every visible file below `folder` (names starting with a dot are Kinerja's own)."""
    result = {}
    for root, directories, files in os.walk(folder):
        directories[:] = [d for d in directories if not d.startswith(".")]
        for name in files:
            if not name.startswith("."):
                path = os.path.join(root, name)
                result[os.path.relpath(path, folder)] = open(path, "rb").read()
    return result


def whole_run(folder, complete):
    """Which complete run `folder` holds (a min_group), or the problems that say it holds none."""
    files = files_under(folder)
    problems = []
    if "manifest.json" not in files:
        return None, [f"{folder} has no manifest.json"]
    manifest = json.loads(files["manifest.json"])
    listed = {output["path"] for output in manifest["outputs"]}
    if set(files) != listed | {"manifest.json"}:
        missing = sorted(listed - set(files))
        extra = sorted(set(files) - listed - {"manifest.json"})
        problems.append(f"{folder}: files and manifest differ (missing {missing[:5]}, extra {extra[:5]})")
    for output in manifest["outputs"]:
        content = files.get(output["path"])
        if content is not None and (len(content) != output["bytes"]
                                    or hashlib.sha256(content).hexdigest() != output["sha256"]):
            problems.append(f"{folder}/{output['path']} differs from the size or SHA-256 in its manifest")
    for min_group, reference in complete.items():
        if set(files) == set(reference) and all(comparable(name, files[name]) == comparable(name, reference[name])
                                                for name in files):
            return min_group, problems
    return None, problems + [f"{folder} is not one complete run of either pipeline"]


def check(mode, out, complete):
    if mode == "in place":
        return whole_run(out, complete)
    latest = os.path.join(out, "latest")
    if not os.path.lexists(latest):
        return None, ["latest is missing"]
    if not os.path.exists(latest):
        return None, [f"latest dangles (-> {os.readlink(latest)})"]
    visible, problems = whole_run(latest, complete)
    runs = os.path.join(out, "runs")
    for name in sorted(os.listdir(runs)):
        if not name.startswith("."):
            problems += whole_run(os.path.join(runs, name), complete)[1]
    return visible, problems


def publishing_calls(mode, min_group, out):
    """(call, how many times) for each publishing call the publishing thread makes in one run."""
    trace = os.path.join(work, f"trace-{mode.replace(' ', '-')}.txt")
    finished = run(mode, min_group, out, [options.strace, "-f", "-qq", "-o", trace,
                                          "-e", "trace=" + ",".join(PUBLISHING_CALLS)])
    if finished.returncode != 0:
        sys.exit(f"the traced run failed: {finished.stderr.decode(errors='replace')}")
    counts = collections.Counter()
    for line in open(trace):
        match = re.match(r"(\d+)\s+(\w+)\(", line)
        if match:
            counts[(match.group(1), match.group(2))] += 1
    threads = collections.Counter()
    for (thread, _), count in counts.items():
        threads[thread] += count
    if len(threads) > 1:
        print(f"note: {len(threads)} threads make publishing calls; kills follow the busiest", file=sys.stderr)
    publisher = threads.most_common(1)[0][0]
    return sorted((call, count) for (thread, call), count in counts.items() if thread == publisher)


failures = []
for mode in ("in place", "dated"):
    complete = {}
    for min_group in (5, 6):
        fresh = os.path.join(work, f"complete-{mode.replace(' ', '-')}-{min_group}")
        if run(mode, min_group, fresh).returncode != 0:
            sys.exit(f"{mode}: a normal run failed")
        complete[min_group] = files_under(os.path.join(fresh, "latest") if mode == "dated" else fresh)
    out = os.path.join(work, f"out-{mode.replace(' ', '-')}")
    run(mode, 5, out)
    calls = publishing_calls(mode, 6, out)
    visible = 6
    rounds = killed = 0
    for call, count in calls:
        for invocation in range(1, count + 1):
            min_group = 5 + rounds % 2
            rounds += 1
            finished = run(mode, min_group, out, [options.strace, "-f", "-qq", "-o", os.devnull,
                                                  "-e", f"trace={call}",
                                                  "-e", f"inject={call}:signal=SIGKILL:when={invocation}"])
            was_killed = finished.returncode in (-9, 137)
            killed += was_killed
            if not was_killed and finished.returncode != 0:
                failures.append(f"{mode}, {call} #{invocation}: exit {finished.returncode} without a kill: "
                                f"{finished.stderr.decode(errors='replace')[:300]}")
            now_visible, problems = check(mode, out, complete)
            failures += [f"{mode}, killed at {call} #{invocation}: {problem}" for problem in problems]
            if now_visible is not None and now_visible not in (visible, min_group):
                failures.append(f"{mode}, killed at {call} #{invocation}: shows a run that is neither the "
                                f"one before nor the killed one")
            if not was_killed and now_visible != min_group:
                failures.append(f"{mode}, {call} #{invocation}: a run that finished is not visible")
            visible = now_visible if now_visible is not None else visible
    final_group = 5 + rounds % 2
    final = run(mode, final_group, out)
    parent, name = os.path.split(out)
    leftovers = [entry for entry in os.listdir(out) if entry.startswith(".staging")]
    leftovers += [entry for entry in os.listdir(parent) if entry.startswith(f".{name}.staging")]
    if final.returncode != 0 or leftovers:
        failures.append(f"{mode}: the run after the kills exited {final.returncode} or left {leftovers}")
    now_visible, problems = check(mode, out, complete)
    failures += [f"{mode}, final run: {problem}" for problem in problems]
    if now_visible != final_group:
        failures.append(f"{mode}, final run: its outputs are not the ones visible")
    summary = ", ".join(f"{call} ×{count}" for call, count in calls)
    print(f"{mode}: {rounds} runs killed at a publishing call ({summary}); {killed} died, "
          f"{rounds - killed} finished first; outputs checked after each")

if failures:
    shown = [failure for mode in ("in place", "dated") for failure in
             [failure for failure in failures if failure.startswith(mode)][:15]]
    sys.exit(f"kill test failed ({len(failures)} failures, at most 15 per mode shown):\n  " + "\n  ".join(shown))
print(f"kill test passed in {time.time() - started:.0f} s: readers always saw one whole run")
