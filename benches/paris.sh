#!/usr/bin/env bash
# Times `podium batch` over every NOC of the Kaggle "Paris 2024 Olympic Summer Games" folder, and
# checks the figures the data should give against the official ones. Not part of the tests: it
# needs the folder, which a clone of this repository does not have.
#
#   bash benches/paris.sh [PARIS_2024_DIR] [RUNS]
#
# Default folder: ../shared/data/paris-2024. Output goes to a temporary directory on the same disk
# as the working directory, removed at the end.
set -euo pipefail

dir=${1:-../shared/data/paris-2024}
runs=${2:-5}
if [[ ! -f $dir/athletes.csv ]]; then
  echo "no $dir/athletes.csv: pass the Paris 2024 folder" >&2
  exit 2
fi

cargo build --release --locked --quiet
bin=./target/release/podium
work=$(mktemp -d ./bench-paris.XXXXXX)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000

echo "every Paris 2024 NOC, $runs runs (wall seconds, peak KB):"
for i in $(seq "$runs"); do
  rm -rf "$work/out"
  /usr/bin/time -f "  %e s %M KB" "$bin" batch --from "$dir" --out "$work/out" >/dev/null 2>"$work/time" || {
    cat "$work/time" >&2
    exit 1
  }
  tail -1 "$work/time"
done
echo "briefings: $(ls "$work/out" | wc -l)"

echo "one thread gives the same bytes as two:"
"$bin" batch --from "$dir" --out "$work/one" --jobs 1 >/dev/null 2>&1
if diff -r -q "$work/out" "$work/one" >/dev/null; then echo "  identical"; else echo "  DIFFERENT" && exit 1; fi

echo "figures (official: USA 40/44/42, CHN 40/27/24, KAZ 1/3/3 with 79 athletes, 54 men and 25 women; 329 events; medals.csv 329/330/385):"
for noc in USA CHN KAZ; do
  "$bin" stats --from "$dir" --noc "$noc" --format json | python3 -c '
import json, sys
s = json.load(sys.stdin)
t, a, r = s["awarded"]["totals"], s["team"], s["awarded"]["rank"]
days = sorted({m["date"] for m in s["awarded"]["medals"]})
table = s["awarded"]["table"]
all3 = "/".join(str(sum(l["medals"][m] for l in table)) for m in ("gold", "silver", "bronze"))
print("  %s: %d/%d/%d, rank %s of %d; %d athletes (%d men, %d women); %d medal days, %s to %s; all nations %s"
      % (s["delegation"]["noc"], t["gold"], t["silver"], t["bronze"], r["display"], r["of"],
         a["athletes"], a["men"], a["women"], len(days), days[0], days[-1], all3))
print("   ", s["sources"][0]["covers"].split(";")[0])
'
done
