"""Events, sub-stage 2c: the discard list (``data/events/discards.csv``, imported from
Phoenix by ``communique dictionaries build``). A sentence holding a discard phrase
(sports, entertainment, chronologies) gives no events; a story-scope phrase anywhere
in the text, none at all. Compiled once into two regular expressions."""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ...errors import CommuniqueError
from ...resources import data_path

DEFAULT_DISCARDS = "events/discards.csv"
COLUMNS = ["phrase", "scope", "stem", "source"]


@dataclass(frozen=True)
class Discards:
    sentence: re.Pattern | None
    story: re.Pattern | None

    def discarded(self, doc: Doc) -> list[tuple[int, int]]:
        """Token spans (start, end) of the document that give no events: every sentence
        holding a discard phrase, or the whole document for a story-scope phrase."""
        if self.story is not None and self.story.search(doc.text):
            return [(0, len(doc))]
        if self.sentence is None:
            return []
        return [(s.start, s.end) for s in doc.sents if self.sentence.search(s.text)]


def _union(rows: list[dict]) -> re.Pattern | None:
    if not rows:
        return None
    # longest first, so a phrase is not cut short by a shorter one it begins with
    parts = [re.escape(r["phrase"]).replace(r"\ ", r"\s+") + ("" if r["stem"] == "yes" else r"(?!\w)")
             for r in sorted(rows, key=lambda r: -len(r["phrase"]))]
    return re.compile(r"(?<!\w)(?:%s)" % "|".join(parts), re.IGNORECASE)


@lru_cache(maxsize=2)
def load_discards(name: str = DEFAULT_DISCARDS) -> Discards:
    where = f"data/{name}"
    text = data_path(name).read_text(encoding="utf-8")
    reader = csv.DictReader(line for line in io.StringIO(text) if line.strip() and not line.startswith("#"))
    if reader.fieldnames != COLUMNS:
        raise CommuniqueError("C205", path=where, reason=f"columns {reader.fieldnames} (expected {COLUMNS})")
    rows = list(reader)
    for row in rows:
        if row["scope"] not in ("sentence", "story") or row["stem"] not in ("yes", "no") or not row["phrase"].strip():
            raise CommuniqueError("C205", path=where, reason=f"{row['source']}: bad row {row}")
    return Discards(_union([r for r in rows if r["scope"] == "sentence"]),
                    _union([r for r in rows if r["scope"] == "story"]))
