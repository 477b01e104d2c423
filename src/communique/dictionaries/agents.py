"""The Phoenix agents dictionary (role nouns -> CAMEO sector codes), imported into
``data/actors/agents.csv``.

Each entry of ``Phoenix.agents.txt`` (FORMAT.rst, "Agent Dictionary") is one row with
every surface form it matches spelt out, so the runtime reads plain rows:

- ``!PERSON!``-style substitution markers are replaced by each element of their set
  (and, as PETRARCH does, such entries get no further plural);
- ``{plural}`` gives the irregular plural, ``{}`` none; otherwise the regular plural of
  the last word is generated (``petrarch_text.plural``; man -> men, child -> children),
  except for a last word already plural (``s`` but not ``ss``; ``men``, ``ren``, ``people``)
  or an adjective in ``ed``;
- ``[~CODE]`` is a suffix code (after the country: GBR + COP), ``[CODE~]`` a prefix code
  (before it: NGO + EGY);
- a blank between words ("may be separated by other words") is read as consecutive
  words, the only kind of phrase the runtime matches; a trailing ``_`` is dropped.

Rows stay in source order; a form an earlier entry already gives is left out of a
later one (first entry wins, as in a dictionary lookup), and an entry with no form
left, no code, a code CAMEO does not define (PPL) or a last word that is a preposition
("embassy in") is not written. The counts of each are returned.
"""
from __future__ import annotations

import re
from pathlib import Path

from .petrarch_text import lines, mit_notice, phrase, plural, source_ref, write_csv

SOURCE = "Phoenix.agents.txt"
TARGET = Path("actors") / "agents.csv"
COLUMNS = ("phrase", "forms", "code", "position", "source")
SUBSTITUTION = re.compile(r"^\s*(![A-Z]+!)\s*=\s*(.+)$")
ENTRY = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*(?:\[(?P<code>[^\]}]*)[\]}])?\s*$")
MARKER = re.compile(r"![a-z]+!")
# A phrase ending in one of these is a PETRARCH pattern for "X of <country>" ("embassy in",
# "ambassador to"): the runtime reads a country after "of" itself, so these are left out.
# Agent codes of the Phoenix file that CAMEO does not define ("people", "men" -> PPL; MAR):
# their entries are left out.
NOT_CAMEO = frozenset({"PPL", "MAR"})
DANGLING = frozenset({"in", "to", "for", "of", "at", "on", "from", "with", "by", "the", "and"})

HEADER = """\
# communique actor data: role nouns -> CAMEO agent (sector) codes, imported from the
# PETRARCH2/Phoenix agents dictionary by `communique dictionaries build --part agents`
# (communique/dictionaries/agents.py). Do not edit by hand: rebuild; our own role words
# are in sectors.yml, which wins wherever both give a word.
#
# Columns:
#   phrase    the entry as written in the source (lower case, underscores as spaces,
#             substitution markers such as !person! kept)
#   forms     every surface form the entry matches, "|"-separated: markers expanded,
#             plurals given or generated (a form an earlier row gives is left out)
#   code      the CAMEO agent code (COP, GOVMED, NGO, ...)
#   position  suffix: after the country (GBR + COP = GBRCOP); prefix: before it (NGO~, IGO~)
#   source    the dictionary file and line
#
# Source: Phoenix.agents.txt of the PETRARCH2 dictionaries, under this licence:
"""


def build(source_dir: Path, data_dir: Path) -> dict:
    """Write ``data_dir/actors/agents.csv`` from ``source_dir/Phoenix.agents.txt``."""
    source_dir, data_dir = Path(source_dir), Path(data_dir)
    rows, counts = read(source_dir / SOURCE)
    write_csv(data_dir / TARGET, [*HEADER.splitlines(), *mit_notice(source_dir)], COLUMNS,
              ({c: row[c] for c in COLUMNS} for row in rows))
    return counts


def read(path: Path) -> tuple[list[dict], dict]:
    """The rows of the agents file, in source order, and what the import counted."""
    sets: dict[str, list[str]] = {}
    rows: list[dict] = []
    seen: set[str] = set()
    counts = {"entries": 0, "rows": 0, "forms": 0, "no_code": 0, "unreadable": 0, "duplicate_forms": 0,
              "duplicate_entries": 0, "dangling_preposition": 0, "not_cameo": 0, "gaps_closed": 0, "plurals_generated": 0, "plurals_already": 0}
    for number, text in lines(path):
        found = SUBSTITUTION.match(text)
        if found:
            sets[found.group(1).lower()] = [w.strip().lower() for w in found.group(2).split(",") if w.strip()]
            continue
        counts["entries"] += 1
        entry = ENTRY.match(text.strip())
        if entry is None:
            counts["unreadable"] += 1
            continue
        code = (entry.group("code") or "").strip()
        if not code.strip("~"):
            counts["no_code"] += 1
            continue
        if any(code.strip("~")[i:i + 3] in NOT_CAMEO for i in range(0, len(code.strip("~")), 3)):
            counts["not_cameo"] += 1
            continue
        raw = entry.group("phrase").strip().rstrip("_")
        if phrase(raw).rsplit(" ", 1)[-1] in DANGLING:
            counts["dangling_preposition"] += 1
            continue
        if " " in raw.strip():
            counts["gaps_closed"] += 1
        forms = _forms(raw, entry.group("plural"), sets, counts)
        new = [f for f in dict.fromkeys(forms) if f not in seen]
        counts["duplicate_forms"] += len(forms) - len(new)
        if not new:
            counts["duplicate_entries"] += 1
            continue
        seen.update(new)
        rows.append({"phrase": phrase(raw), "forms": "|".join(new), "code": code.strip("~"),
                     "position": "prefix" if code.endswith("~") else "suffix", "source": source_ref(path, number)})
    counts["rows"] = len(rows)
    counts["forms"] = len(seen)
    return rows, counts


def _forms(raw: str, given_plural: str | None, sets: dict[str, list[str]], counts: dict) -> list[str]:
    """Every surface form of one entry (lower case, words separated by one blank)."""
    written = phrase(raw)
    markers = MARKER.findall(written)
    if markers:  # substitution: each element of the set, no plural formed
        forms = [written]
        for marker in markers:
            forms = [f.replace(marker, element, 1) for f in forms for element in sets.get(marker, [marker])]
        return [phrase(f) for f in forms]
    forms = [written]
    if given_plural is not None:
        if given_plural.strip():
            forms.append(phrase(given_plural))
        return forms
    last = written.rsplit(" ", 1)[-1]
    if (last.endswith("s") and not last.endswith("ss")) or last.endswith(("men", "ren", "people", "ed")) \
            or not last[-1:].isalpha():
        # already plural ("activists", "gunmen", "children", "townspeople"), an adjective
        # ("naturalized") or not a word ("f-16")
        counts["plurals_already"] += 1
        return forms
    counts["plurals_generated"] += 1
    stem = written[: len(written) - len(last)]
    if last.endswith("man"):  # "lawman" -> "lawmen", as English does (not "lawmans")
        return forms + [stem + last[:-3] + "men"]
    return forms + [stem + ("children" if last == "child" else plural(last))]
