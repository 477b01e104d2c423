"""Events, sub-stage 2b: the CAMEO verb dictionary (``data/events/cameo_verbs.csv``,
imported from PETRARCH2 by ``communique dictionaries build``), compiled once at load.

The dictionary is the base of verb coding; ``patterns.yml`` is an overlay matched
first (:mod:`.matching`). Compiled here into:

- ``verbs``: a verb's base form -> its :class:`VerbEntry` rows (a multi-word verb's
  particles, the code the verb has on its own, its block);
- ``patterns``: a block -> its :class:`DictionaryPattern` list, every synonym set
  expanded into the words it stands for (with regular plurals where the set allows),
  every noun slot as the set of names that fill it.

Checked at load (C205 naming the file): the header, every row's kind, every code in
cameo.csv, every synonym set defined before use. Codes the project does not code from
the dictionary (``dictionary_skip_codes`` of ``patterns.yml``: statements that name no
relation between actors) make no event.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache

from ...dictionaries.petrarch_text import plural
from ...errors import CommuniqueError
from ...resources import data_path
from .codebook import load_codebook
from .patterns import Pattern

DEFAULT_DICTIONARY = "events/cameo_verbs.csv"
COLUMNS = ["kind", "block", "verb", "subject", "particles", "objects", "prepositions", "code", "source"]
# Where a dictionary pattern looks for its target when the pattern does not mark it: the
# direct object, else the object of one of these prepositions (then any actor among the
# verb's objects, as for every pattern).
DEFAULT_TARGETS = ("dobj", "pobj:with|to|against|on|upon|from|at|for|into|toward|towards|over|in|of")
# A verb alone names its target as an object or after a preposition of interaction, not of
# place or cause ("died in Paris", "died of a virus", "voted for Trump" have no target).
BARE_TARGETS = ("dobj", "pobj:with|to|against|on|upon|into|toward|towards")


@dataclass(frozen=True)
class VerbEntry:
    particles: frozenset  # a multi-word verb's particles, all required ("call off")
    code: str  # the verb's own code; "" when the verb alone is no event
    block: str
    source: str


@dataclass(frozen=True)
class DictionaryPattern:
    """One phrase pattern: every slot it names must be filled on the parse."""
    pattern: Pattern  # code, targets and order, as the rest of the extractor reads a pattern
    subject: frozenset  # names the subject must have (empty: any)
    particles: frozenset  # all required
    objects: tuple[frozenset, ...]  # each required among the verb's objects
    prepositions: tuple[tuple[str, frozenset], ...]  # (preposition, names of its object; empty: any)
    source: str

    def rank(self) -> tuple:
        """The most specific pattern wins: words required, then the longer code, then file order."""
        words = bool(self.subject) + len(self.particles) + len(self.objects) \
            + sum(1 + bool(nouns) for _, nouns in self.prepositions)
        return (words, len(self.pattern.code), -self.pattern.order)


@dataclass(frozen=True)
class VerbDictionary:
    verbs: dict  # base form -> list[VerbEntry], each with the code the verb has alone
    patterns: dict  # block -> list[DictionaryPattern]
    source: str


def _names(text: str, synsets: dict[str, list[str]], where: str) -> frozenset:
    """A noun slot's names: a phrase and its regular plural; a synonym set (alone or
    inside a phrase) expanded into its members."""
    words = text.split()
    options = [[]]
    for word in words:
        if word.startswith("&"):
            if word not in synsets:
                raise CommuniqueError("C205", path=where, reason=f"synonym set {word!r} used before it is defined")
            options = [o + [member] for o in options for member in synsets[word]]
        else:
            options = [o + [word] for o in options]
    names = set()
    for option in options:
        name = " ".join(option)
        names.add(name)
        last = option[-1].split()[-1]
        if not last.endswith("s"):
            names.add(" ".join([*name.split()[:-1], plural(last)]))
        elif last.endswith("ies"):
            names.add(" ".join([*name.split()[:-1], last[:-3] + "y"]))
        elif not last.endswith("ss"):
            names.add(" ".join([*name.split()[:-1], last[:-1]]))
    return frozenset(names)


@lru_cache(maxsize=4)
def load_verb_dictionary(name: str = DEFAULT_DICTIONARY, skip_codes: frozenset = frozenset(),
                         no_code_alone: frozenset = frozenset()) -> VerbDictionary:
    where = f"data/{name}"
    text = data_path(name).read_text(encoding="utf-8")
    reader = csv.DictReader(line for line in io.StringIO(text) if line.strip() and not line.startswith("#"))
    if reader.fieldnames != COLUMNS:
        raise CommuniqueError("C205", path=where, reason=f"columns {reader.fieldnames} (expected {COLUMNS})")
    codebook = load_codebook()
    synsets: dict[str, list[str]] = {}
    verbs: dict[str, list[VerbEntry]] = {}
    patterns: dict[str, list[DictionaryPattern]] = {}
    block_codes: dict[str, str] = {}
    for order, row in enumerate(reader):
        code = row["code"]
        if code and code not in codebook:
            raise CommuniqueError("C205", path=where, reason=f"{row['source']}: code {code!r} is not in cameo.csv")
        if code in skip_codes:
            code = ""
        kind = row["kind"]
        if kind == "synset":
            synsets.setdefault(row["block"], []).append(row["objects"])  # plurals: added by _names
        elif kind == "block":
            block_codes[row["block"]] = code
        elif kind == "verb":
            # alone, a verb has its own code, or the block's when it is the verb the block is
            # named after ("--- DIE [190] ---"): a synonym is one "with respect to the
            # patterns" (FORMAT.rst), and "give" or "lead" alone in GRANT or OVERSEE [060]
            # is no aid
            head = row["verb"] == row["block"].split()[0] and not row["particles"]
            alone = code or (block_codes.get(row["block"], "") if head else "")
            if row["verb"] in no_code_alone:  # the overlay says the dictionary gets it wrong
                alone = ""
            verbs.setdefault(row["verb"], []).append(
                VerbEntry(frozenset(row["particles"].split()), alone, row["block"], row["source"]))
        elif kind == "pattern":
            patterns.setdefault(row["block"], []).append(_pattern(row, code, order, synsets, where))
        else:
            raise CommuniqueError("C205", path=where, reason=f"{row['source']}: unknown kind {kind!r}")
    return VerbDictionary(verbs, patterns, where)


def _pattern(row: dict, code: str, order: int, synsets: dict, where: str) -> DictionaryPattern:
    prepositions = []
    targets = []
    for item in filter(None, row["prepositions"].split(";")):
        prep, _, noun = item.partition(" ")
        noun = noun.strip()
        if noun == "+":  # "(TO +)": the target is the object of this preposition
            targets.append(f"pobj:{prep}")
            noun = ""
        prepositions.append((prep, _names(noun, synsets, where) if noun else frozenset()))
    objects = tuple(_names(o.strip(), synsets, where) for o in row["objects"].split(";") if o.strip())
    pattern = Pattern(code=code, verbs=frozenset(), nouns=frozenset(), particles=frozenset(row["particles"].split()),
                      object_nouns=objects[0] if objects else frozenset(), exclude_object_nouns=frozenset(),
                      xcomp=frozenset(), cue_words=frozenset(), targets=(*targets, *DEFAULT_TARGETS), order=order,
                      source=f"{row['source']} pattern", coded_actors=True)
    subject = _names(row["subject"], synsets, where) if row["subject"] else frozenset()
    return DictionaryPattern(pattern, subject, frozenset(row["particles"].split()), objects, tuple(prepositions),
                             row["source"])


def bare_pattern(entry: VerbEntry) -> Pattern:
    """The verb's own code as a pattern with no slots (where PETRARCH codes the verb alone).
    Like PETRARCH's, it needs a target named in the sentence: a bare verb does not fall
    on the home country ("the Kremlin closed its base" is no event). Every dictionary
    code, like PETRARCH's, is between coded actors only (a CAMEO code or a country)."""
    return Pattern(code=entry.code, verbs=frozenset(), nouns=frozenset(), particles=entry.particles,
                   object_nouns=frozenset(), exclude_object_nouns=frozenset(), xcomp=frozenset(),
                   cue_words=frozenset(), targets=BARE_TARGETS, order=10**6, named_target=True,
                   source=f"{entry.source} verb", coded_actors=True)
