#!/usr/bin/env python3
"""Counts section headings left at the foot of a page in a batch of briefings (issue 14, item 7).

Not a test: a check on real output. It runs `podium batch` (or reads a folder already written),
extracts every briefing.pdf with `pdftotext -layout` (poppler-utils) and reports, per page:

  * ending with a heading: the last line of the body (the running header and footer left out) is
    a section heading (H1, "5 Across the Games") or a subheading (H2, "Ages");
  * heading with a lone first line: a heading followed on its page by one line only, of a
    sentence that goes on on the next page;
  * heading and intro left behind: a heading followed on its page by at most three lines of text
    and nothing else, while the table those lines introduce starts the next page.

The headings are read from the content's source (SECTIONS and every `Block::Subheading`), so the
list stays in step with the briefing.

    scripts/stranded_headings.py run BINARY OUT [--games "2012 Summer"|all] [--paper a4] [--from CSV]
    scripts/stranded_headings.py check OUT
    scripts/stranded_headings.py compare BEFORE AFTER

`compare` lists the briefings whose text differs between two folders and says, for each, whether
a heading was stranded in BEFORE: a fix of this rule should change no other briefing.
"""

import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KAGGLE = "/work/shared/data/olympics-120y/athlete_events.csv"
INTRO_LINES = 3


def headings():
    """Every heading the briefing can print, from the content's source."""
    content = os.path.join(ROOT, "src", "report", "content")
    found = set()
    for name in os.listdir(content):
        with open(os.path.join(content, name), encoding="utf-8") as f:
            text = f.read()
        for m in re.finditer(r'Block::Subheading\(\s*"([^"]+)"', text):
            found.add(m.group(1))
        sections = re.search(r"SECTIONS: \[&str; \d+\] = \[(.*?)\];", text, re.S)
        if sections:
            found.update(re.findall(r'"([^"]+)"', sections.group(1)))
    return found


def pages(pdf):
    """The body lines of each page: the running header and the footer left out."""
    out = subprocess.run(
        ["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True
    ).stdout
    result = []
    for page in out.split("\f"):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if lines and lines[0].endswith("· briefing"):
            lines = lines[1:]
        if lines and re.search(r"page \d+ of \d+$", lines[-1]):
            lines = lines[:-1]
        if lines:
            result.append(lines)
    return result


def stranded(pdf, known):
    """(page number, kind, heading) for each page that leaves a heading behind."""
    found = []
    body = pages(pdf)
    for n, lines in enumerate(body):
        if lines[-1] in known:
            found.append((n + 1, "ends with heading", lines[-1]))
            continue
        last = max((i for i, line in enumerate(lines) if line in known), default=None)
        if last is None or n + 1 >= len(body):
            continue
        after = lines[last + 1 :]
        if len(after) == 1 and not after[0].endswith((".", ":", ";", "!", "?", ")")):
            found.append((n + 1, "heading with a lone first line", lines[last]))
            continue
        if 0 < len(after) <= INTRO_LINES and not any(
            line.startswith(("Table ", "Figure ")) for line in after
        ):
            if body[n + 1][0].startswith("Table "):
                found.append((n + 1, "heading and intro left behind", lines[last]))
    return found


def briefings(out):
    for folder in sorted(os.listdir(out)):
        pdf = os.path.join(out, folder, "briefing.pdf")
        if os.path.isfile(pdf):
            yield folder, pdf


def check(out, show=True):
    known = headings()
    total = 0
    pages_hit = {}
    for folder, pdf in briefings(out):
        total += 1
        hits = stranded(pdf, known)
        if hits:
            pages_hit[folder] = hits
    if show:
        for folder, hits in pages_hit.items():
            for page, kind, heading in hits:
                print(f"{folder}: page {page}: {kind}: {heading!r}")
        kinds = {}
        for hits in pages_hit.values():
            for _, kind, _ in hits:
                kinds[kind] = kinds.get(kind, 0) + 1
        print(
            f"{total} briefings in {out}; {len(pages_hit)} with a stranded heading; pages: "
            + (", ".join(f"{v} {k}" for k, v in sorted(kinds.items())) or "none")
        )
    return pages_hit


def text(pdf):
    return subprocess.run(
        ["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True
    ).stdout


def compare(before, after):
    hit = check(before, show=False)
    changed = 0
    unexplained = 0
    for folder, pdf in briefings(before):
        other = os.path.join(after, folder, "briefing.pdf")
        if not os.path.isfile(other):
            print(f"{folder}: missing in {after}")
            unexplained += 1
            continue
        if text(pdf) != text(other):
            changed += 1
            why = "had a stranded heading" if folder in hit else "NO STRANDED HEADING BEFORE"
            if folder not in hit:
                unexplained += 1
            print(f"{folder}: changed ({why})")
    print(f"{changed} briefings changed, {unexplained} without a stranded heading before")
    return unexplained == 0


def main(argv):
    if len(argv) >= 3 and argv[0] == "run":
        binary, out = argv[1], argv[2]
        opts = dict(zip(argv[3::2], argv[4::2]))
        games = opts.get("--games", "2012 Summer")
        cmd = [binary, "batch", "--from", opts.get("--from", KAGGLE)]
        cmd += ["--all-games"] if games == "all" else ["--games", games]
        cmd += ["--paper", opts.get("--paper", "a4"), "--out", out]
        env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1700000000"))
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        check(out)
        return 0
    if len(argv) == 2 and argv[0] == "check":
        check(argv[1])
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        return 0 if compare(argv[1], argv[2]) else 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
