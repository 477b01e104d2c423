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
        text = doc.text.lower()
        if self.story is not None and self.story.search(text):
            return [(0, len(doc))]
        matches = [m.start() for m in self.sentence.finditer(text)] if self.sentence is not None else []
        if not matches:
            return []
        # one search of the whole text; the sentences are listed only when a phrase is found
        sentences = [(s.start_char, s.end_char, s.start, s.end) for s in doc.sents]
        return list(dict.fromkeys((start, end) for at in matches for first, last, start, end in sentences
                                  if first <= at < last))


def _union(rows: list[dict]) -> re.Pattern | None:
    """One expression for all the phrases (matched on lower-cased text), written as a
    trie so that each position of the text tries only the branches its letters begin."""
    if not rows:
        return None
    trie: dict = {}
    for row in rows:
        node = trie
        for char in row["phrase"]:
            node = node.setdefault(char, {})
        node[""] = row["stem"] == "yes" or node.get("") is True  # the end: a stem, or a whole word
    return re.compile(r"(?<!\w)" + _trie_expression(trie))


def _trie_expression(node: dict) -> str:
    branches = []
    for char, child in sorted((k, v) for k, v in node.items() if k):
        branches.append((r"\s+" if char == " " else re.escape(char)) + _trie_expression(child))
    if "" in node:  # a phrase ends here; longer ones are tried first (alternation order)
        branches.append("" if node[""] else r"(?!\w)")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


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
