#!/usr/bin/env bash
# Runs the whole `npm test` N times in a row (default 10) on this machine and prints each run's
# result and duration, then a summary: the proof that `npm test` gives the same answer every time.
# Every run's output is kept in .tmp/repeat-test/run-K.log. Exits 1 if any run failed.
#
#   scripts/repeat-test.sh [N]
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
logs=".tmp/repeat-test"
mkdir -p "$logs"
failed=0
summary=()
for k in $(seq 1 "$runs"); do
  started=$(date +%s)
  if npm test >"$logs/run-$k.log" 2>&1; then result="pass"; else result="FAIL"; failed=$((failed + 1)); fi
  seconds=$(( $(date +%s) - started ))
  line="run $k/$runs: $result in ${seconds} s ($(date -u +%H:%M) UTC)"
  summary+=("$line")
  echo "$line"
  if [ "$result" = "FAIL" ]; then grep -E "✗|✘|FAIL|failed" "$logs/run-$k.log" | head -20; fi
done
echo
printf '%s\n' "${summary[@]}"
echo "$((runs - failed)) of $runs runs passed; logs in $logs/"
[ "$failed" -eq 0 ]
