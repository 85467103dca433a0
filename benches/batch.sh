#!/usr/bin/env bash
# Times `podium batch` on the Kaggle "120 years of Olympic history" file, side by side with the
# pandas + matplotlib reference when it can run. Not part of the tests: it needs the file, which a
# clone of this repository does not have.
#
#   bash benches/batch.sh [ATHLETE_EVENTS.csv] [RUNS]
#
# Default file: ../shared/data/olympics-120y/athlete_events.csv. Output goes to a temporary
# directory on the same disk as the working directory, removed at the end. Set PYREF=0 to skip the
# reference, ALL=0 to skip the every-Games batch.
set -euo pipefail

file=${1:-../shared/data/olympics-120y/athlete_events.csv}
runs=${2:-5}
pyref=../shared/bench/pyref_report.py
if [[ ! -f $file ]]; then
  echo "no $file: pass the path of athlete_events.csv" >&2
  exit 2
fi

cargo build --release --locked --quiet
bin=./target/release/podium
work=$(mktemp -d ./bench-batch.XXXXXX)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000

measure() { # label, then the command; prints wall seconds and peak KB of each run
  local label=$1
  shift
  for i in $(seq "$runs"); do
    rm -rf "$work/out"
    /usr/bin/time -f "$label run $i: %e s wall, %M KB peak" "$@" >/dev/null 2>"$work/time" || {
      cat "$work/time" >&2
      exit 1
    }
    tail -1 "$work/time"
  done
}

echo "== podium batch, 2012 Summer, every nation: PDF, SVGs and stats.json each ($runs runs)"
measure podium "$bin" batch --from "$file" --games "2012 Summer" --out "$work/out"
"$bin" batch --from "$file" --games "2012 Summer" --out "$work/out" 2>/dev/null | head -1
echo "files: $(find "$work/out" -type f | wc -l), bytes: $(du -sb "$work/out" | cut -f1)"

echo "== the 2012 medal table computed from the file (as awarded in London: 302 gold, 304 silver, 356 bronze)"
"$bin" stats --from "$file" --noc KAZ --games "2012 Summer" --format json |
  python3 -c 'import json,sys; t=json.load(sys.stdin)["awarded"]["table"]; print(len(t), "nations;", *(sum(x["medals"][m] for x in t) for m in ("gold","silver","bronze")))'

echo "== byte-identical across runs and thread counts"
"$bin" batch --from "$file" --games "2012 Summer" --out "$work/one" --jobs 1 >/dev/null 2>&1
if diff -r -q "$work/out" "$work/one" >/dev/null; then echo "identical"; else echo "DIFFERENT" && exit 1; fi

echo "== --check on that folder (renders every briefing, compares, writes nothing; exit 0)"
/usr/bin/time -o "$work/time" -f "podium --check: %e s wall, %M KB peak" "$bin" batch --from "$file" --games "2012 Summer" --out "$work/one" --check >/dev/null 2>&1
cat "$work/time"

echo "== one nation: report --from, KAZ at 2012 Summer (reads and checks a fifth of the file; $runs runs)"
for i in $(seq "$runs"); do
  /usr/bin/time -o "$work/time" -f "report-from run $i: %e s wall, %M KB peak" "$bin" report --from "$file" --noc KAZ --games "2012 Summer" --out "$work/alone" >/dev/null 2>&1
  cat "$work/time"
done
if diff -r -q "$work/alone/kazakhstan-2012-summer" "$work/one/kazakhstan-2012-summer" >/dev/null; then
  echo "identical to the batch's briefing (a whole read)"
else
  echo "DIFFERENT from the batch's briefing" && exit 1
fi

if [[ ${ALL:-1} != 0 ]]; then
  echo "== podium batch, every Games in the file, every nation (1 run)"
  runs=1 measure podium-all "$bin" batch --from "$file" --all-games --out "$work/out"
fi

if [[ ${PYREF:-1} != 0 && -f $pyref ]] && python3 -c 'import pandas, matplotlib' 2>/dev/null; then
  echo "== reference: $pyref (pandas + matplotlib), 2012 Summer, every nation (1 run)"
  runs=1 measure pyref python3 "$pyref" "$file" "2012 Summer" "$work/out"
else
  echo "== reference skipped (PYREF=0, no $pyref, or no pandas and matplotlib: pip install pandas matplotlib)"
fi
