#!/usr/bin/env bash
# Installs what Kinerja needs on Debian/Ubuntu beside Swift 6: the libcsv C library.
set -euo pipefail
if [ -f /usr/include/csv.h ]; then
  exit 0
fi
echo "installing libcsv-dev (the CSV parser Kinerja is built on)" >&2
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq libcsv-dev
