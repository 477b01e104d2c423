"""English function words shared by every stage (``data/english.yml``), loaded
once and checked at load: months, weekdays, prepositions by role, pronouns,
quotation and bullet marks."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .resources import Schema, check, load_data

SCHEMA = Schema(required={"months": dict, "month_abbreviations": dict, "weekdays": list, "prepositions": dict,
                          "pronouns": dict, "quotation_marks": dict, "bullet_marks": list})
PREPOSITION_ROLES = Schema(required={"locative": list, "place": list, "adverbial": list, "topic": list})
PRONOUN_CLASSES = Schema(required={"person": list, "group": list, "relative": list})
QUOTATION_MARKS = Schema(required={"open": list, "close": list})


@dataclass(frozen=True)
class English:
    months: dict[str, int]  # "January" -> 1
    month_abbreviations: dict[str, int]  # "Sept" -> 9
    weekdays: tuple[str, ...]
    prepositions: dict[str, frozenset[str]]  # role -> words
    pronouns: dict[str, frozenset[str]]  # class -> words
    quote_open: frozenset[str]
    quote_close: frozenset[str]
    bullet_marks: tuple[str, ...]

    def month_words(self) -> list[str]:
        """Every month name and abbreviation, lower case."""
        return [name.lower() for name in (*self.months, *self.month_abbreviations)]


@lru_cache(maxsize=1)
def english() -> English:
    data = load_data("english.yml", SCHEMA)
    check(data["prepositions"], PREPOSITION_ROLES, "data/english.yml: prepositions")
    check(data["pronouns"], PRONOUN_CLASSES, "data/english.yml: pronouns")
    check(data["quotation_marks"], QUOTATION_MARKS, "data/english.yml: quotation_marks")
    return English(
        months=dict(data["months"]), month_abbreviations=dict(data["month_abbreviations"]),
        weekdays=tuple(data["weekdays"]),
        prepositions={role: frozenset(words) for role, words in data["prepositions"].items()},
        pronouns={name: frozenset(words) for name, words in data["pronouns"].items()},
        quote_open=frozenset(data["quotation_marks"]["open"]),
        quote_close=frozenset(data["quotation_marks"]["close"]), bullet_marks=tuple(data["bullet_marks"]))
