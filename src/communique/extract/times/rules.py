"""Rules of ``data/times/rules.yml``: loaded, checked, compiled, and matched against a text.

:func:`load_grammar` reads the lexicon and the rules (once per process), checks them
(:func:`compile_rules`: C205 naming the rule), fills each pattern's ``{PLACEHOLDERS}``
and compiles it; :class:`RuleMatcher` tries every rule at its trigger words and
returns each match as a :class:`Candidate`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple


from ...errors import CommuniqueError
from ...english import english
from ...resources import Schema, load_data
from .checks import CHECK_GROUPS
from .lexicon import DEFAULT_LEXICON, DEFAULT_RULES, LEXICON_SCHEMA, Lexicon, _alt
from .normalize import HANDLER_GROUPS

RULES_SCHEMA = Schema(required={"rules": list})
RULE_SCHEMA = Schema(required={"name": str, "handler": str, "pattern": str, "triggers": list},
                     optional={"check": str, "back": int})
PLACEHOLDER = re.compile(r"\{([A-Z_]+)\}")

@dataclass
class Rule:
    name: str
    handler: str
    regex: re.Pattern
    check: str | None
    triggers: frozenset[str]  # lower-case words; "DIGITS" for any number
    back: int  # how many word starts before a trigger a match may begin


WORD_START = re.compile(r"[^\W_]+|['’$€£¥]")


class Candidate(NamedTuple):
    """A rule's match: ``neg_length`` (minus its length, so the longest sorts first),
    the rule's ``order`` in the file, its span, and the regex match."""
    neg_length: int
    order: int
    start: int
    end: int
    match: re.Match


class RuleMatcher:
    """The rules indexed by their trigger words (``DIGITS``: any word that starts
    with a digit)."""

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        self.by_word: dict[str, list[int]] = {}
        self.by_digit: list[int] = []
        for order, rule in enumerate(rules):
            for word in rule.triggers:
                if word == "DIGITS":
                    self.by_digit.append(order)
                else:
                    self.by_word.setdefault(word, []).append(order)

    def candidates(self, text: str) -> list[Candidate]:
        """Every rule match (each distinct span once per rule): each rule is tried at
        its trigger words and the few word starts before them."""
        starts: list[int] = []
        tries: dict[int, set[int]] = {}
        for k, w in enumerate(WORD_START.finditer(text)):
            starts.append(w.start())
            word = w.group().lower()
            orders = self.by_digit if word[0].isdigit() else self.by_word.get(word)
            if orders:
                for order in orders:
                    tries.setdefault(order, set()).update(starts[max(0, k - self.rules[order].back):k + 1])
        candidates, seen = [], set()
        for order, positions in tries.items():
            rule = self.rules[order]
            has_span = "span" in rule.regex.groupindex
            for p in sorted(positions):
                m = rule.regex.match(text, p)
                if m is None:
                    continue
                s, e = m.span("span") if has_span and m.group("span") else m.span()
                if e > s and (order, s, e) not in seen:
                    seen.add((order, s, e))
                    candidates.append(Candidate(s - e, order, s, e, m))
        return candidates


@lru_cache(maxsize=8)
def load_grammar(lexicon: str = DEFAULT_LEXICON, rules: str = DEFAULT_RULES) -> tuple[Lexicon, list[Rule], dict]:
    """The lexicon and the compiled rules (once per process)."""
    words = _checked_words(read_data(lexicon, LEXICON_SCHEMA), lexicon)
    # Month names are a class shared with other stages (data/english.yml).
    shared = english()
    lex = Lexicon({**words, "months": shared.months, "month_abbreviations": shared.month_abbreviations})
    holes = lex.placeholders()
    compiled = compile_rules(read_data(rules, RULES_SCHEMA), lex, rules)
    d = lex.data
    extras = {
        "point_prefix": re.compile(r"(?i)(?<![\w-])(" + _alt(d["point_prefixes"])[3:-1] + r")\s*$"),
        "duration_prefix": re.compile(r"(?i)(?<![\w-])(" + _alt(d["duration_prefixes"])[3:-1] + r")\s+$"),
        "point_suffix": re.compile(r"(?i)^\s+(" + _alt(d["point_suffixes"])[3:-1] + r")\b"),
        "ended": re.compile(r"(?i)^\s+" + _alt(d["period_end_cues"] + d["period_range_cues"]) + r"\s+(?:on\s+)?(?P<month>"
                            + holes["MONTH"] + r")\s+(?P<day>" + holes["DAY"] + r")"),
        "ended_any": re.compile(r"(?i)^\s+" + _alt(d["period_end_cues"]) + r"\b"),
        "joiner": re.compile(r"(?i)^\s*,?\s*(?:" + _alt(d["joiner_words"]) + r"\s+)?$"),
    }
    return lex, compiled, extras



def read_data(name: str, schema: Schema):
    """A data file checked against ``schema`` (C205 if it does not fit): a path on disk
    (the user's own), else a path under communique/data."""
    return load_data(name, schema)


def _checked_words(data: dict, where: str) -> dict:
    """``data`` if every list of words in it holds text only (YAML reads a bare on, no,
    yes or off as true or false), else C205 naming the key."""
    for key, value in data.items():
        if isinstance(value, list) and key != "events":
            wrong = [w for w in value if not isinstance(w, str)]
            if wrong:
                raise CommuniqueError("C205", path=where, reason=f"{key!r}: {wrong[0]!r} is not a word (quote it)")
    return data


def compile_rules(data: dict, lex: Lexicon, where: str) -> list[Rule]:
    """The rules of a rules file, each checked (C205 naming the rule and ``where``):
    its keys, its handler and check names, its {PLACEHOLDERS}, its regex and the
    named groups its handler and check know."""
    holes = lex.placeholders()
    lists = lex.trigger_lists()
    compiled = []
    for n, r in enumerate(data["rules"], start=1):
        name = r.get("name", f"#{n}") if isinstance(r, dict) else f"#{n}"
        problems = RULE_SCHEMA.problems(r) or _rule_problems(r, holes)
        if problems:
            raise CommuniqueError("C205", path=where, reason=f"rule {name!r}: " + "; ".join(problems))
        pattern = r["pattern"].replace("'", "['’]")
        pattern = PLACEHOLDER.sub(lambda m: holes[m.group(1)], pattern)
        regex = re.compile(pattern, re.IGNORECASE)
        groups = set(regex.groupindex)
        known = HANDLER_GROUPS[r["handler"]] | CHECK_GROUPS.get(r.get("check"), frozenset()) | {"span"}
        problems = [f"named group {g!r} is not known to handler {r['handler']!r}" for g in sorted(groups - known)]
        if r.get("check"):
            problems += [f"check {r['check']!r} needs a group {g!r}" for g in sorted(CHECK_GROUPS[r["check"]] - groups)]
        if problems:
            raise CommuniqueError("C205", path=where, reason=f"rule {name!r}: " + "; ".join(problems))
        triggers = set()
        for t in r["triggers"]:
            t = str(t)
            triggers |= lists[t] if t in lists else {t if t == "DIGITS" else t.lower()}
        compiled.append(Rule(r["name"], r["handler"], regex, r.get("check"), frozenset(triggers), int(r.get("back", 5))))
    return compiled


def _rule_problems(r: dict, holes: dict[str, str]) -> list[str]:
    """What is wrong with one rule before its pattern is compiled."""
    problems = []
    if r["handler"] not in HANDLER_GROUPS:
        problems.append(f"unknown handler {r['handler']!r} (known: {', '.join(sorted(HANDLER_GROUPS))})")
    if r.get("check") is not None and r["check"] not in CHECK_GROUPS:
        problems.append(f"unknown check {r['check']!r} (known: {', '.join(sorted(CHECK_GROUPS))})")
    unknown = sorted(set(PLACEHOLDER.findall(r["pattern"])) - set(holes))
    if unknown:
        problems.append("unknown placeholder " + ", ".join("{" + u + "}" for u in unknown))
        return problems
    try:
        re.compile(PLACEHOLDER.sub(lambda m: holes[m.group(1)], r["pattern"].replace("'", "['’]")), re.IGNORECASE)
    except re.error as exc:
        problems.append(f"the pattern does not compile: {exc}")
    return problems
