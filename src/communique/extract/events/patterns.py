"""Events, sub-stage 2: the patterns file ``data/events/patterns.yml`` (or the user's own
copy), loaded, checked and indexed.

Checking is an ordered list of small named checks, :data:`TABLE_CHECKS`, the first
problem found raising C205 naming the file: the patterns first, each (in file order)
through :data:`PATTERN_CHECKS`, then the tables of the file. Loading turns each pattern
into a :class:`Pattern`, indexed by verb and by the head of its nouns.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...errors import CommuniqueError
from ...resources import Schema, load_data
from .codebook import load_codebook


@dataclass(frozen=True)
class Pattern:
    code: str
    verbs: frozenset
    nouns: frozenset
    particles: frozenset  # particles or prepositions the verb must carry ("call on")
    object_nouns: frozenset  # head lemmas, or "modifier head" ("military aid")
    exclude_object_nouns: frozenset
    xcomp: frozenset
    cue_words: frozenset
    targets: tuple[str, ...]  # where the target is, tried in order
    order: int
    intransitive: bool = False  # only without a direct object ("demonstrated", not "demonstrated resolve")
    subject_nouns: frozenset = frozenset()  # the subject must be one of these ("peacekeepers arrived")
    named_target: bool = False  # needs a target named where the pattern says: no home country, no "A and B"
    source: str = ""  # where the pattern is written: "events/patterns.yml pattern 12", a dictionary line
    coded_actors: bool = False  # both sides must be coded actors (as PETRARCH codes only dictionary actors)

    def rank(self) -> tuple:
        """Most constraints first, then the more specific (longer) code, then file order."""
        constraints = (bool(self.object_nouns) + bool(self.xcomp) + bool(self.particles) + bool(self.cue_words)
                       + bool(self.subject_nouns))
        return (constraints, len(self.code), -self.order)


WORDS = (str, list)  # one word or phrase, or a list of them
PATTERN_SCHEMA = Schema(
    required={"code": str, "target": WORDS},
    optional={"verbs": WORDS, "nouns": WORDS, "particles": WORDS, "object_nouns": WORDS,
              "exclude_object_nouns": WORDS, "xcomp": WORDS, "cue_words": WORDS, "subject_nouns": WORDS,
              "intransitive": bool, "note": str})
PATTERNS_FILE_SCHEMA = Schema(required={
    "patterns": list, "complement_maps": dict, "modality": dict, "light_verbs": list, "home_target_roots": list,
    "partitive_nouns": list, "request_cues": dict, "threat_cues": list, "cue_function_words": list,
    "fallback_codes": dict, "hostile_roots": list, "unattributed_violence_roots": list, "cue_roots": list,
    "words": dict}, optional={"dictionary_skip_codes": list, "participation_roots": list,
                                             "author_target_roots": list, "support_verbs": list,
                                             "dictionary_verbs_without_code_alone": list})
WORD_ROLES = ("when_subordinators", "between_prepositions", "asked_on_prepositions", "content_prepositions",
              "unresolved_pronouns", "demand_modals", "refusal_verbs", "refusal_auxiliaries", "future_auxiliaries",
              "conditional_auxiliaries", "reported_intent_auxiliaries")
WORDS_SCHEMA = Schema(required={role: list for role in WORD_ROLES})
MODALITY_SCHEMA = Schema(required={"intended": list, "hypothetical": list, "negated": list,
                                   "ultimatum": list})
FALLBACK_SCHEMA = Schema(required={"appeal": str, "demand": str, "threaten": str})
COMPLEMENT_TABLES = ("intended", "appeal", "demand", "refuse", "threaten")
TARGET_SLOTS = ("dobj", "between", "place", "none")  # and "pobj:PREP|PREP..."
# The shipped patterns: the default of the component's config key ``patterns``.
DEFAULT_PATTERNS = "events/patterns.yml"


def _where(name: str) -> str:
    """How a C205 names a data file: the user's path as given, else ``data/<name>``
    (as :func:`communique.resources.load_data` does)."""
    path = Path(name).expanduser()
    return str(path) if path.is_file() else f"data/{name}"


@lru_cache(maxsize=8)
def load_pattern_data(patterns: str = DEFAULT_PATTERNS) -> dict:
    """The patterns file (shipped ``data/events/patterns.yml`` or a path to the user's own),
    every pattern and table checked (C205 naming the file and what is wrong)."""
    data = load_data(patterns, PATTERNS_FILE_SCHEMA)
    check_pattern_data(data, load_codebook(), _where(patterns))
    return data


# A check returns the reason of the first problem it finds (for C205), or None.
PatternCheck = Callable[[object, str, dict], "str | None"]  # (pattern item, where, codebook)
TableCheck = Callable[[dict, dict], "str | None"]  # (patterns file, codebook)


def _pattern_schema(item, where: str, codebook: dict) -> str | None:
    """Only known keys, the required ones present, each of its type."""
    problems = PATTERN_SCHEMA.problems(item, f"{where}: ")
    return "; ".join(problems) if problems else None


def _pattern_code_known(item, where: str, codebook: dict) -> str | None:
    if str(item["code"]) not in codebook:
        return f"{where}: code {item['code']!r} is not in cameo.csv"
    return None


def _pattern_has_trigger(item, where: str, codebook: dict) -> str | None:
    if not (item.get("verbs") or item.get("nouns")):
        return f"{where}: neither verbs nor nouns"
    return None


def _pattern_target_slots(item, where: str, codebook: dict) -> str | None:
    for slot in _words(item["target"]):
        if slot not in TARGET_SLOTS and not (slot.startswith("pobj:") and slot[5:]):
            return f"{where}: unknown target slot {slot!r} (known: {', '.join(TARGET_SLOTS)}, pobj:PREP)"
    return None


# Each pattern, in file order, through these in order (the schema first: the others read its keys).
PATTERN_CHECKS: tuple[PatternCheck, ...] = (_pattern_schema, _pattern_code_known, _pattern_has_trigger,
                                            _pattern_target_slots)


def _patterns_valid(data: dict, codebook: dict) -> str | None:
    for number, item in enumerate(data["patterns"], start=1):
        where = f"pattern {number} ({item.get('code')!r})" if isinstance(item, dict) else f"pattern {number}"
        for check in PATTERN_CHECKS:
            problem = check(item, where, codebook)
            if problem is not None:
                return problem
    return None


def _section_schemas(data: dict, codebook: dict) -> str | None:
    """``modality``, ``fallback_codes`` and ``words`` have their keys."""
    for name, schema in (("modality", MODALITY_SCHEMA), ("fallback_codes", FALLBACK_SCHEMA), ("words", WORDS_SCHEMA)):
        problems = schema.problems(data[name], f"{name}: ")
        if problems:
            return "; ".join(problems)
    return None


def _complement_maps_known(data: dict, codebook: dict) -> str | None:
    """Known tables, each mapping codes of cameo.csv to codes of cameo.csv."""
    for name, table in data["complement_maps"].items():
        if name not in COMPLEMENT_TABLES:
            return f"complement_maps: unknown table {name!r} (known: {', '.join(COMPLEMENT_TABLES)})"
        for act, code in (table or {}).items():
            if str(act) not in codebook or str(code) not in codebook:
                return f"complement_maps.{name}: {act!r}: {code!r} names a code not in cameo.csv"
    return None


def _request_cues_mapped(data: dict, codebook: dict) -> str | None:
    for name in data["request_cues"]:
        if name not in data["complement_maps"]:
            return f"request_cues: {name!r} has no complement map"
    return None


def _fallback_codes_known(data: dict, codebook: dict) -> str | None:
    for name, code in data["fallback_codes"].items():
        if str(code) not in codebook:
            return f"fallback_codes.{name}: {code!r} is not in cameo.csv"
    return None


def _roots_known(data: dict, codebook: dict) -> str | None:
    for key in ("home_target_roots", "hostile_roots", "unattributed_violence_roots", "cue_roots",
                "participation_roots", "author_target_roots", "dictionary_skip_codes"):
        unknown = [root for root in data.get(key) or () if str(root) not in codebook]
        if unknown:
            return f"{key}: {unknown!r} not in cameo.csv"
    return None


# The whole file, through these in order: the patterns, then the tables.
TABLE_CHECKS: tuple[TableCheck, ...] = (_patterns_valid, _section_schemas, _complement_maps_known,
                                        _request_cues_mapped, _fallback_codes_known, _roots_known)


def check_pattern_data(data: dict, codebook: dict, path: str = "data/" + DEFAULT_PATTERNS) -> None:
    """C205 (naming ``path``) for the first problem of the patterns file: a pattern with
    an unknown key, a code not in cameo.csv or an unknown target slot; a table naming an
    unknown code. The checks are :data:`TABLE_CHECKS`, run in order."""
    for check in TABLE_CHECKS:
        problem = check(data, codebook)
        if problem is not None:
            raise CommuniqueError("C205", path=path, reason=problem)


@lru_cache(maxsize=8)
def load_patterns(patterns: str = DEFAULT_PATTERNS) -> tuple[dict[str, list[Pattern]], dict[str, list[Pattern]],
                                                             dict, frozenset, dict[str, dict[str, str]]]:
    data = load_pattern_data(patterns)
    by_verb: dict[str, list[Pattern]] = {}
    by_noun: dict[str, list[Pattern]] = {}
    for order, item in enumerate(data["patterns"]):
        targets = item["target"]
        pattern = Pattern(
            code=str(item["code"]).strip(),
            verbs=frozenset(_words(item.get("verbs"))),
            nouns=frozenset(_words(item.get("nouns"))),
            particles=frozenset(_words(item.get("particles"))),
            object_nouns=frozenset(_words(item.get("object_nouns"))),
            exclude_object_nouns=frozenset(_words(item.get("exclude_object_nouns"))),
            xcomp=frozenset(_words(item.get("xcomp"))),
            cue_words=frozenset(_words(item.get("cue_words"))),
            targets=tuple(_words(targets)),
            order=order,
            intransitive=bool(item.get("intransitive")),
            subject_nouns=frozenset(_words(item.get("subject_nouns"))),
            source=f"{_where(patterns).removeprefix('data/')} pattern {order + 1}",
        )
        for verb in pattern.verbs:
            by_verb.setdefault(verb, []).append(pattern)
        for noun in pattern.nouns:  # "peace talks" is found at its head, "talks"
            by_noun.setdefault(noun.split()[-1], []).append(pattern)
    return (by_verb, by_noun, data.get("modality") or {}, frozenset(_words(data.get("light_verbs"))),
            {name: {str(k): str(v) for k, v in (table or {}).items()}
             for name, table in (data.get("complement_maps") or {}).items()})


def _words(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        value = [value]
    return [str(v).lower().strip() for v in value if str(v).strip()]
