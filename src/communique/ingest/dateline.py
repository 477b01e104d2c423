"""Wire datelines: "NICOSIA, August 8 (Xinhua) --", "WASHINGTON (AP) —",
"MOSCOW, March 3 /TASS/.", "KYIV, Ukraine, May 2 —", "WASHINGTON _".

A dateline opens the body, on its own line or before the first sentence on the
same line. Its parts, in this order:

    place        one to four capitalised words, all capitals or title case
                 ("NEW YORK", "Rio de Janeiro"; lower-case particles allowed)
    regions      up to two ", Region" parts ("CANBERRA, Australia", "BAYONNE, N.J.")
    date         ", Month Day[, Year]" or ", Day Month[ Year]" (any case, "Aug." too)
    agency       "(Agency)" or "/Agency/" (data/ingest/dateline.yml)
    separator    "--", "—", "–", "-", "_" or ":" (or "." after "/Agency/")

A match counts as a dateline when it has a known agency, or a date, or an
all-capitals place (not a label such as "BREAKING", see ``not_places``) followed
by a separator. A title-case place with only a separator ("Update — ...") is not
one. An agency that is not listed is read after an all-capitals place when it is
one to three capitalised words. On the same line as the body, the dateline ends
in a separator or an agency, and the text after it must read like running text
(a sentence end, or at least eight words); a line that ends in a colon is a
label ("BOOM:"), not a dateline.

Cost: only the first ``SCAN_CHARS`` characters of a line are matched, with a
pattern anchored at the start and without nested unbounded repeats.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..english import english
from ..resources import Schema, load_data

SCAN_CHARS = 200
INLINE_MIN_WORDS = 8
MIN_PLACE_LETTERS = 3
MAX_UNKNOWN_AGENCY_WORDS = 3
SCHEMA = Schema(required={"agencies": list, "not_places": list})
SENTENCE_END = tuple('.!?"”’)')
# A word of a name: letters, joined by apostrophes, dots or hyphens ("N'DJAMENA",
# "PORT-AU-PRINCE", "N.J."), with an optional final dot ("ST.", "Wis.").
WORD = r"[^\W\d_]+(?:['’.\-][^\W\d_]+)*\.?"
PARTICLE = r"(?:al|am|an|da|de|del|der|des|di|do|dos|du|el|en|es|la|le|of|on|sur|upon)"
NAME = r"%s(?: (?:%s )?%s){0,3}" % (WORD, PARTICLE, WORD)
SEPARATORS = ("--", "—", "–", "-", "_", ":")


@dataclass(frozen=True)
class WireDateline:
    """A dateline as found in the text, before its date is resolved."""
    text: str  # as written, separator included: "NICOSIA, August 8 (Xinhua) --"
    place: str  # "NICOSIA"
    region: str | None  # "Australia", "Bayonne, N.J."
    month: int | None
    day: int | None
    year: int | None
    agency: str | None  # the agency's name as data/ingest/dateline.yml reports it
    rest: str  # what follows on the same line (empty for a dateline on its own line)


@dataclass(frozen=True)
class _Lexicon:
    pattern: re.Pattern
    agencies: dict[str, str]  # lower-case written form -> reported name
    not_places: frozenset[str]
    months: dict[str, int]  # lower case, abbreviations too
    calendar_words: frozenset[str]  # months and weekdays, lower case: never a place


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_data("ingest/dateline.yml", SCHEMA)
    agencies: dict[str, str] = {}
    for item in data["agencies"]:
        if isinstance(item, str):
            agencies[item.lower()] = item
        elif isinstance(item, dict) and len(item) == 1:
            [(name, forms)] = item.items()
            for form in [name, *(forms or [])]:
                agencies[str(form).lower()] = str(name)
        else:
            from ..errors import CommuniqueError
            raise CommuniqueError("C205", path="data/ingest/dateline.yml",
                                  reason=f"an agency is a name or a mapping of one name to its forms, got {item!r}")
    words = english()
    months = {name.lower(): number for name, number in {**words.months, **words.month_abbreviations}.items()}
    month = "|".join(sorted(months, key=len, reverse=True))
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    when = (r"(?i:(?P<m1>%s)\.? (?P<d1>%s)(?:,? (?P<y1>\d{4}))?|(?P<d2>%s) (?P<m2>%s)\.?(?:,? (?P<y2>\d{4}))?)"
            % (month, day, day, month))
    pattern = re.compile(
        r"^(?P<place>%s)(?P<regions>(?:, (?!(?i:%s)\.? \d)%s){0,2})(?:,? (?P<date>%s))?"
        r"(?: ?\((?P<paren>[^()\n]{1,40})\)| ?/(?P<slash>[^/\n]{1,30})/)?"
        r"(?P<sep> ?(?:--|[—–\-_:])|\.)?(?= |$)" % (NAME, month, NAME, when))
    calendar = frozenset([*months, *(day.lower() for day in words.weekdays)])
    return _Lexicon(pattern, agencies, frozenset(p.upper() for p in data["not_places"]), months, calendar)


def find_dateline(line: str) -> WireDateline | None:
    """The dateline that opens ``line`` (a whole line, or the start of the first
    paragraph), or None. See the module docstring for what counts."""
    lex = _lexicon()
    match = lex.pattern.match(line[:SCAN_CHARS])
    if match is None:
        return None
    place, sep = match.group("place"), (match.group("sep") or "").strip()
    caps = place.upper() == place
    if not all(word[:1].isupper() for word in place.split() if not re.fullmatch(PARTICLE, word)):
        return None
    if place.upper() in lex.not_places or sum(c.isalpha() for c in place) < MIN_PLACE_LETTERS \
            or place.split()[0].rstrip(".").lower() in lex.calendar_words:  # "Tuesday, March 2, 2021" is a date line
        return None
    if sep == "." and match.group("slash") is None:
        return None
    written = match.group("paren") or match.group("slash")
    agency = None
    if written is not None:
        agency = lex.agencies.get(written.strip().lower())
        if agency is None:
            words = written.split()
            if not (caps and len(words) <= MAX_UNKNOWN_AGENCY_WORDS and all(w[:1].isupper() for w in words)):
                return None
            agency = written.strip()
    known_agency = written is not None and lex.agencies.get(written.strip().lower()) is not None
    if not (known_agency or match.group("date") is not None or (caps and sep in SEPARATORS)):
        return None
    rest = line[match.end():].strip()
    if rest and (not (sep or written) or not _running_text(rest)):
        return None
    if sep == ":" and not rest:  # "BOOM:", "KEY POINTS:" on a line of their own are labels
        return None
    regions = [r.strip() for r in match.group("regions").split(", ") if r.strip()]
    month, day, year = _date_parts(match, lex)
    return WireDateline(text=line[:match.end()].strip(), place=place, region=", ".join(regions) or None,
                        month=month, day=day, year=year, agency=agency, rest=rest)


def _running_text(rest: str) -> bool:
    """Text after an inline dateline reads like the body: a sentence end, or enough words."""
    first = rest[:1]
    if not (first.isupper() or first.isdigit() or first in "\"“‘'"):
        return False
    return rest.endswith(SENTENCE_END) or len(rest.split(None, INLINE_MIN_WORDS)) >= INLINE_MIN_WORDS


def _date_parts(match: re.Match, lex: _Lexicon) -> tuple[int | None, int | None, int | None]:
    if match.group("date") is None:
        return None, None, None
    month = lex.months[(match.group("m1") or match.group("m2")).lower()]
    day = int(re.match(r"\d+", match.group("d1") or match.group("d2")).group())
    year = match.group("y1") or match.group("y2")
    return month, day, int(year) if year else None


def resolve_date(month: int | None, day: int | None, year: int | None, reference: str | None) -> str | None:
    """The dateline's date as YYYY-MM-DD. Without a year, the year that puts it
    closest before or at ``reference`` (YYYY-MM-DD): a story is filed on or before
    its publication. With neither, ``XXXX-MM-DD`` (TIMEX3 for an unknown year).
    None when there is no date or it does not exist (February 30)."""
    if month is None or day is None:
        return None
    if year is None and reference:
        ref = date.fromisoformat(reference[:10])
        year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
        if month == 2 and day == 29:  # the last leap year at or before the reference
            while not _valid(year, month, day):
                year -= 1
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}" if _valid(2000, month, day) else None
    return date(year, month, day).isoformat() if _valid(year, month, day) else None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
