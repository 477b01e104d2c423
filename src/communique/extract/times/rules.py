"""Rules of ``data/times/rules.yml``: loaded, checked, compiled, and matched against a text.

:func:`load_grammar` reads the lexicon and the rules (once per process), fills each
pattern's ``{PLACEHOLDERS}`` and compiles it; :func:`candidates` tries every rule at
its trigger words and returns each match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ...errors import CommuniqueError
from ...resources import Schema, check, load_data
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


@lru_cache(maxsize=8)
def load_grammar(lexicon: str = DEFAULT_LEXICON, rules: str = DEFAULT_RULES) -> tuple[Lexicon, list[Rule], dict]:
    """The lexicon and the compiled rules (once per process)."""
    lex = Lexicon(_checked_words(read_data(lexicon, LEXICON_SCHEMA), lexicon))
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
    path = Path(name).expanduser()
    if not path.is_file():
        return load_data(name, schema)
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CommuniqueError("C205", path=str(path), reason=str(exc).splitlines()[0]) from None
    return check(data, schema, str(path))


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
