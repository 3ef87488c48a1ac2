#!/usr/bin/env bash
# Shows that ingest streams: peak memory reading a performance export stays the same
# when the file is ten times larger.
#
#   scripts/ingest-memory.sh [rows]      (default 500000 rows; the second file has 10×)
#
# Writes two files under .build-memory/, reads each with `kinerja inspect` (which reads
# every record through libcsv, in 8 MiB chunks on the machine's cores) under
# /usr/bin/time -v, and prints size, rows and peak resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-500000}
work=.build-memory
mkdir -p "$work"
swift build -c release --product kinerja >/dev/null
kinerja=$(swift build -c release --show-bin-path)/kinerja

make_file() {  # make_file ROWS PATH
  awk -v rows="$1" 'BEGIN {
    print "NIP;Periode;Nilai SKP;Predikat;Catatan"
    for (i = 0; i < rows; i++) {
      printf "19800101200501%d%03d;%02d/2024;%d,%02d;Baik;\"catatan; baris \"\"%d\"\"\"\n",
        1 + i % 2, 1 + i % 999, 1 + i % 12, 60 + i % 50, i % 100, i
    }
  }' > "$2"
}

printf "%-12s %12s %14s %16s\n" rows bytes "peak RSS (KiB)" "seconds"
for factor in 1 10; do
  file="$work/performance-$factor.csv"
  n=$((rows * factor))
  [ -f "$file" ] && [ "$(($(wc -l < "$file") - 1))" -eq "$n" ] || make_file "$n" "$file"
  /usr/bin/time -v "$kinerja" inspect "$file" --as performance --rows 0 > /dev/null 2> "$work/time-$factor.txt"
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time-$factor.txt")
  elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time-$factor.txt")
  printf "%-12s %12s %14s %16s\n" "$n" "$(stat -c %s "$file")" "$rss" "$elapsed"
done
