"""The actor test set built from the PLOVER gold records' actor fields
(../shared/dev/plover_dev.jsonl): each source/target entry gives a text and its
expected CAMEO code. An entry counts as found when an actor with a mention
overlapping that text carries the expected country (first three letters; any IGO
code for IGO) — and, for the stricter figure, the whole code.

Many entries code context the sentence does not give (1990s leaders named only as
"President X", codes that are misspelt in the gold), so the floor sits under the
measured figure rather than near 1.0. Raise it as resolution improves; never lower it.
"""
from __future__ import annotations

import json

import pytest

from communique.analyze import analyze_documents
from communique.ingest import document_from_text
from communique.settings import Config

from conftest import shared_path
from gates import floor



def actor_cases(path):
    """(record, entry text, expected code) for every coded actor entry of the gold."""
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for event in record["events"]:
            for role in ("source", "target"):
                for entry in event[role]:
                    if entry.get("text") and entry.get("code") and entry["code"] != "---" \
                            and entry["text"] in record["text"]:
                        yield record, entry["text"], entry["code"] + (entry.get("sector") or "")


def same_country(expected: str, code: str) -> bool:
    return code[:3] == expected[:3]


def same_code(expected: str, code: str) -> bool:
    if expected.startswith("IGO") and len(expected) <= 6:  # "IGO", "IGOGOV": any IGO, that sector
        return code.startswith("IGO")
    return code.upper() == expected.upper()


@pytest.mark.corpus
def test_plover_actor_set():
    cases = list(actor_cases(shared_path("dev/plover_dev.jsonl")))
    records = {id(r): r for r, _, _ in cases}
    docs = [document_from_text(r["text"], r["id"], published=r.get("date")) for r in records.values()]
    outputs = dict(zip(records, analyze_documents(docs, Config())))
    country_hits = code_hits = 0
    for record, text, expected in cases:
        out = outputs[id(record)]
        body = out["document"]["text"]
        start = body.find(text)
        end = start + len(text)
        codes = [a["code"] or "" for a in out["actors"]
                 if start >= 0 and any(s < end and e > start for s, e in a["mentions"])]
        country_hits += any(same_country(expected, c) for c in codes)
        code_hits += any(same_code(expected, c) for c in codes)
    country, full = country_hits / len(cases), code_hits / len(cases)
    print(f"\nPLOVER actor set: entries={len(cases)} country accuracy={country:.3f} full-code accuracy={full:.3f}")
    assert country >= floor("plover_actor_country")  # measured 0.905 (full code 0.597)
