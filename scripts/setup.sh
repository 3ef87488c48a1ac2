#!/usr/bin/env bash
# Installs what Kinerja needs on Debian/Ubuntu beside Swift 6: the libcsv C library.
# With --browser, installs Chromium instead, for scripts/check-report.py; with --strace,
# strace, for scripts/kill-test.py.
set -euo pipefail
package=libcsv-dev
present=/usr/include/csv.h
reason="the CSV parser Kinerja is built on"
if [ "${1:-}" = "--browser" ]; then
  package=chromium
  present=/usr/bin/chromium
  reason="the browser the report check renders report.html in"
elif [ "${1:-}" = "--strace" ]; then
  package=strace
  present=/usr/bin/strace
  reason="the tracer the kill test injects its kills with"
fi
if [ -e "$present" ]; then
  exit 0
fi
echo "installing $package ($reason)" >&2
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$package"
