#!/usr/bin/env bash
# Writes a corpus of podium's outputs, to compare two builds byte for byte (a reshape must leave
# them identical): the default briefing on A4 and Letter, charts as PNG and at another size, the
# terminal and JSON statistics, five Kaggle batches (Summer and Winter, old and recent Games), the
# statistics of six Kaggle delegations, the Paris 2024 folder (its batch, and KAZ from it joined
# with the Kaggle file), and usage and I/O errors with their exit codes.
# Not a test: it needs the Kaggle file and the Paris folder, which a clone of this repository
# does not have.
#
#   bash scripts/outputs-corpus.sh BINARY OUTDIR [ATHLETE_EVENTS.csv] [PARIS_DIR]
#   diff -r OUTDIR_BEFORE OUTDIR_AFTER    # nothing printed: identical
set -euo pipefail
bin=$1
out=$2
f=${3:-../shared/data/olympics-120y/athlete_events.csv}
paris=${4:-../shared/data/paris-2024}
rm -rf "$out"
mkdir -p "$out"
export SOURCE_DATE_EPOCH=1700000000
"$bin" report --out "$out/builtin" >/dev/null
"$bin" report --out "$out/builtin-letter" --paper letter >/dev/null
"$bin" charts --out "$out/charts-png" --format png >/dev/null
"$bin" charts --out "$out/charts-small" --size 800x600 --only medals-by-sport,ages >/dev/null
"$bin" stats >"$out/stats-table.txt"
"$bin" stats --format json >"$out/stats.json"
for g in "2012 Summer" "1994 Winter" "1920 Summer" "2014 Winter" "1896 Summer"; do
  "$bin" batch --from "$f" --games "$g" --out "$out/batch-${g// /-}" >/dev/null 2>&1
done
for x in "KAZ:2012 Summer" "USA:1984 Summer" "NOR:1920 Summer" "URS:1980 Summer" "NOR:1994 Winter" "GER:1896 Summer"; do
  noc=${x%%:*}
  g=${x#*:}
  "$bin" stats --from "$f" --noc "$noc" --games "$g" >"$out/stats-$noc-${g// /-}.txt"
  "$bin" stats --from "$f" --noc "$noc" --games "$g" --format json >"$out/stats-$noc-${g// /-}.json"
done
"$bin" batch --from "$paris" --out "$out/batch-paris" >/dev/null 2>&1
"$bin" stats --from "$f" --from "$paris" --noc KAZ --games "2024 Summer" --format json >"$out/stats-KAZ-joined.json"
"$bin" report --from "$f" --from "$paris" --noc KAZ --games "2024 Summer" --out "$out/report-joined" >/dev/null
for args in "stats --from $paris --noc XXX" "stats --from $f --from $f --noc KAZ --games 2012_Summer" "stats --from /nonexistent --noc KAZ --games 2012" "stats --noc KAZ" \
  "stats --from $f --noc XXX --games 2012_Summer" "charts --size 10x10" "batch --from $f"; do
  set +e
  # shellcheck disable=SC2086 # the words are the arguments
  "$bin" $args >/dev/null 2>>"$out/errors.txt"
  echo "rc=$?" >>"$out/errors.txt"
  set -e
done
echo "$(find "$out" -type f | wc -l) files in $out"
