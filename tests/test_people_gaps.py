"""Gaps in the head-of-state and head-of-government chains of people.csv: spans of more
than 90 days between one holder's end and the next holder's start, per country and role.

Run as a script to list them: ``PYTHONPATH=src python tests/test_people_gaps.py``. Some
gaps are real (an office abolished, a country without a government), most are holders
people.csv does not have yet; the test keeps the count from growing.
"""
from __future__ import annotations

import csv
from datetime import date, timedelta
from importlib import resources

CHAIN_ROLES = ("head of state", "head of government")
GAP_DAYS = 90
# The count after the fixes of issue #12 (89 before them): lower it as gaps are filled.
KNOWN_GAPS = 28


def _day(text: str, last: bool) -> date:
    """A YYYY, YYYY-MM or YYYY-MM-DD date; partial dates at their first (or last) day."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if last else date(parts[0], 1, 1)
    if len(parts) == 2:
        if not last:
            return date(parts[0], parts[1], 1)
        following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - timedelta(days=1)
    return date(*parts)


def people_rows() -> list[dict]:
    text = (resources.files("communique") / "data" / "actors" / "people.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if line.strip() and not line.startswith("#")))


def gaps(rows: list[dict] | None = None, days: int = GAP_DAYS) -> list[tuple[str, str, str, str, int]]:
    """(country, role, gap start, gap end, days) for every gap longer than ``days``."""
    chains: dict[tuple[str, str], list[tuple[date, date | None]]] = {}
    for row in rows if rows is not None else people_rows():
        if row["role"] in CHAIN_ROLES and row["country"] and row["start"]:
            end = _day(row["end"], last=True) if row["end"] else None
            chains.setdefault((row["country"], row["role"]), []).append((_day(row["start"], last=False), end))
    found = []
    for (country, role), terms in sorted(chains.items()):
        terms.sort(key=lambda t: t[0])
        reach = terms[0][1]
        for start, end in terms[1:]:
            if reach is None:
                break  # someone is in office from here on
            if (start - reach).days > days:
                found.append((country, role, reach.isoformat(), start.isoformat(), (start - reach).days))
            reach = None if end is None else max(reach, end)
    return found


def test_gap_finder_sees_a_gap_and_an_overlap():
    rows = [{"country": "AAA", "role": "head of state", "start": "1990-01-01", "end": "1991-01-01"},
            {"country": "AAA", "role": "head of state", "start": "1992", "end": "1995-06"},
            {"country": "AAA", "role": "head of state", "start": "1995-07-01", "end": ""}]
    assert gaps(rows) == [("AAA", "head of state", "1991-01-01", "1992-01-01", 365)]


def test_head_of_state_and_government_chains_do_not_gain_gaps():
    found = gaps()
    assert len(found) <= KNOWN_GAPS, f"{len(found)} gaps of more than {GAP_DAYS} days (was {KNOWN_GAPS})"


if __name__ == "__main__":
    listed = gaps()
    for country, role, start, end, length in listed:
        print(f"{country}  {role:<18}  {start} .. {end}  {length} days")
    print(f"{len(listed)} gaps of more than {GAP_DAYS} days")
