#!/usr/bin/env bash
# Fuzzes ingest + clean with libFuzzer and AddressSanitizer for a fixed time.
#
#   scripts/fuzz.sh [seconds [libFuzzer options…]]   (default 120 s; CI: 60 -seed=1)
#
# Builds Fuzz/ (a package of its own) with -sanitize=fuzzer,address, then runs it over
# Fuzz/corpus (new interesting inputs are added there). A crash leaves its input in
# .build-fuzz/findings/; turn each into a regression test before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
shift || true
swift build --package-path Fuzz --build-path .build-fuzz -c debug \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld -Xcc -fsanitize=fuzzer-no-link,address >/dev/null
mkdir -p .build-fuzz/findings .build-fuzz/corpus
cp -n Fuzz/corpus/* .build-fuzz/corpus/ 2>/dev/null || true
exec .build-fuzz/debug/KinerjaFuzz .build-fuzz/corpus -max_total_time="$seconds" -max_len=4096 \
  -artifact_prefix=.build-fuzz/findings/ -print_final_stats=1 "$@"
