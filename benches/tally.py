#!/usr/bin/env python3
"""Compares podium's medal table of every Games in the Kaggle file with Olympedia's per-Games tally.

Not part of the tests: it needs the Kaggle file and the tally, which a clone of this repository does
not have. Standard library only.

    python3 benches/tally.py [ATHLETE_EVENTS.csv] [TALLY.csv] [REVISIONS.csv]

Defaults: ../shared/data/olympics-120y/athlete_events.csv,
../shared/data/olympedia/raw/josephwccheng_Olympic_Games_Medal_Tally.csv (Olympedia, March 2023)
and data/ledger.csv, podium's world revision ledger (changes after the Games, used only to name a
cause). The binary is ./target/release/podium, built first; set PODIUM=path to use another one.

One `podium stats --format json` per Games gives every nation's medals there: its `now.table` when
there is a now view (with `--as-of 2023-03-01`, the tally's date, when `podium stats --help` lists
the option), else `awarded.table`. Every (Games, NOC) that has a medal on either side is a row; it
agrees when gold, silver and bronze are all equal. Prints the agreement by period, then every
difference with a cause where one can be told from the file:

- mixed team: Olympedia counts a team of several nations under MIX; the Kaggle file gives each
  member his own NOC (team names such as "Denmark/Sweden", or a gold or silver held by several
  NOCs),
- crew counted per member: podium counts more medals than the nation has distinct
  (event, medal, crew) in the file,
- later decision: the revision ledger lists a change for this nation at these Games,
- file: otherwise the Kaggle file itself records other medals than Olympedia (named by event when
  the difference is one colour).
"""

import csv
import json
import os
import subprocess
import sys
from collections import defaultdict

PERIODS = [("1896-1948", 1896, 1948), ("1952-1988", 1952, 1988), ("1992-2016", 1992, 2016)]
AS_OF = "2023-03-01"
# Olympedia's code where the Kaggle file has another for the same NOC.
NOC_ALIASES = {"LIB": "LBN"}
COLOURS = ("gold", "silver", "bronze")


def games_of_edition(edition):
    """`1896 Summer Olympics` -> `1896 Summer`; the 1906 and 1956 equestrian Games as in the file."""
    year, kind = edition.split()[:2]
    if kind == "Intercalated":
        kind = "Summer"
    if kind == "Equestrian":  # Stockholm 1956: the file has it in 1956 Summer
        kind = "Summer"
    return f"{year} {kind}"


def read_file(path):
    """Per Games: one NOC present; per (Games, NOC): medal rows (event, medal, team, ID); and the
    (Games, NOC) holding a gold or silver that another NOC holds too (a mixed team's medal, as
    the 1896 tennis doubles or the 1924 alpinism prize)."""
    games = {}
    medals = defaultdict(list)
    nocs = defaultdict(set)
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            games.setdefault(r["Games"], r["NOC"])
            if r["Medal"] != "NA":
                medals[(r["Games"], r["NOC"])].append((r["Event"], r["Medal"].lower(), r["Team"], r["ID"]))
                if r["Medal"] in ("Gold", "Silver"):
                    nocs[(r["Games"], r["Event"], r["Medal"])].add(r["NOC"])
    mixed = {(g, noc) for (g, _, _), held in nocs.items() if len(held) > 1 for noc in held}
    return games, medals, mixed


def read_tally(path, games):
    tally = defaultdict(lambda: [0, 0, 0])
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            g = games_of_edition(r["edition"])
            if g not in games:
                continue
            row = tally[(g, r["country_noc"])]
            for i, c in enumerate(COLOURS):
                row[i] += int(r[c])
    return tally


def read_revisions(path):
    known = set()
    if path and os.path.isfile(path):
        with open(path, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                known.add((r["games"], r["noc"]))
    return known


def podium_tables(binary, file, games):
    help_text = subprocess.run([binary, "stats", "--help"], capture_output=True, text=True).stdout
    as_of = ["--as-of", AS_OF] if "--as-of" in help_text else []
    tables, views = {}, defaultdict(int)
    for g, noc in sorted(games.items()):
        out = subprocess.run(
            [binary, "stats", "--from", file, "--noc", noc, "--games", g, "--format", "json", *as_of],
            capture_output=True,
            text=True,
        )
        if out.returncode != 0:
            sys.exit(f"podium stats failed for {g}: {out.stderr.strip()}")
        stats = json.loads(out.stdout)
        view = "now" if stats.get("now") else "awarded"
        views[view] += 1
        for line in stats[view]["table"]:
            noc = NOC_ALIASES.get(line["noc"], line["noc"])
            tables[(g, noc)] = [line["medals"][c] for c in COLOURS]
    return tables, as_of, views


def distinct_medals(rows):
    """The nation's medals if every distinct (event, medal, crew) counted once."""
    seen = set()
    counts = [0, 0, 0]
    for event, medal, team, _ in rows:
        if (event, medal, team) not in seen:
            seen.add((event, medal, team))
            counts[COLOURS.index(medal)] += 1
    return counts


def cause(key, mine, theirs, medals, mixed, tally, revisions):
    g, noc = key
    rows = medals.get(key, [])
    if (g, "MIX") in tally and (key in mixed or any("/" in team for _, _, team, _ in rows) or noc == "MIX"):
        return "mixed team: Olympedia counts it under MIX"
    if key in revisions:
        return "later decision (the ledger has a change here that the tally of March 2023 counts otherwise)"
    if mine != distinct_medals(rows) and all(m >= t for m, t in zip(mine, theirs)):
        return "crew counted per member"
    if distinct_medals(rows) == theirs:
        return "crew counted once where the file has one crew's medals twice or a tie"
    return "the file records other medals than Olympedia"


def fmt(m):
    return "/".join(str(x) for x in m)


def main():
    args = sys.argv[1:]
    file = args[0] if len(args) > 0 else "../shared/data/olympics-120y/athlete_events.csv"
    tally_path = (
        args[1] if len(args) > 1 else "../shared/data/olympedia/raw/josephwccheng_Olympic_Games_Medal_Tally.csv"
    )
    revisions_path = args[2] if len(args) > 2 else "data/ledger.csv"
    for p in (file, tally_path):
        if not os.path.isfile(p):
            sys.exit(f"no {p}: pass the paths of athlete_events.csv and the Olympedia medal tally")
    binary = os.environ.get("PODIUM")
    if not binary:
        subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], check=True)
        binary = "./target/release/podium"

    games, medals, mixed = read_file(file)
    tally = read_tally(tally_path, games)
    revisions = read_revisions(revisions_path)
    mine, as_of, views = podium_tables(binary, file, games)
    print(f"podium: {binary} {' '.join(as_of)}".rstrip())
    print(f"views used: {dict(views)}; {len(games)} Games")

    year = lambda g: int(g.split()[0])
    keys = sorted(set(mine) | set(tally), key=lambda k: (year(k[0]), k[0], k[1]))
    differ = []
    print("\n| period | rows | agree | share |")
    print("|---|---|---|---|")
    for name, lo, hi in PERIODS:
        rows = [k for k in keys if lo <= year(k[0]) <= hi]
        bad = [k for k in rows if mine.get(k, [0, 0, 0]) != tally.get(k, [0, 0, 0])]
        share = 100.0 * (len(rows) - len(bad)) / len(rows) if rows else 0.0
        print(f"| {name} | {len(rows)} | {len(rows) - len(bad)} | {share:.1f} % |")
        differ.extend(bad)

    by_cause = defaultdict(list)
    for k in differ:
        m, t = mine.get(k, [0, 0, 0]), tally.get(k, [0, 0, 0])
        by_cause[cause(k, m, t, medals, mixed, tally, revisions)].append((k, m, t))
    print(f"\n{len(differ)} rows differ (podium vs Olympedia, gold/silver/bronze)")
    for c, items in sorted(by_cause.items(), key=lambda x: -len(x[1])):
        print(f"\n== {c}: {len(items)} rows")
        for (g, noc), m, t in items:
            extra = sum(m) - sum(t)
            print(f"  {g} {noc}: {fmt(m)} vs {fmt(t)} ({extra:+d})")


if __name__ == "__main__":
    main()
