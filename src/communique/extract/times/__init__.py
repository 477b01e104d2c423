"""Time expressions, normalised to TIMEX3 values against the published date.

``communique_times`` runs after spaCy's ``ner`` and the parser and sets
``doc._.communique_times`` (its only writer): a list of :class:`TimeMention` (token
``start``/``end``, ``type``, ``value``, exact ``char_span``) in text order,
``type`` one of DATE, TIME, DURATION, SET and ``value`` a TIMEX3 value ("2022-12-30",
"2023-SP", "2022-W51", "P11M", "2022-12-30T03:55-05:00", "PRESENT_REF").

The cascade, per document:

1. *Find*: every rule of ``data/times/rules.yml`` (regular expressions over the text,
   built from the words of ``data/times/lexicon.yml``) proposes spans; a rule's check
   may refuse one on the parse ("May" the verb, "1998" a count, "current" a noun).
   The longest span wins; on equal length the rule listed first.
2. *Normalise*, in text order: each rule's handler computes the value against the
   reference date ``doc._.communique_published``. Weekdays and months without a year
   take the tense of their verb ("said Tuesday" -> the Tuesday before, "will meet
   Tuesday" -> the one after). Anaphoric expressions ("the quarter", "a year
   earlier", "the year-ago period") resolve against the last time named before them.
3. *Extend*: modifiers join the span ("late yesterday", "nearly two years", "the end
   of 2022"; the end of a year is its last day, 2022-12-31).
4. *Merge*: a clock time or part of day next to a day becomes one TIME
   ("10 p.m. Wednesday" -> 1998-02-11T22:00).

Without a published date, values relative to it keep TIMEX3 placeholders at their
granularity: "today" -> XXXX-XX-XX, "last week" -> XXXX-WXX, "last year" -> XXXX,
"this Spring" -> XXXX-SP, "Tuesday" -> XXXX-WXX-2, "10:30 a.m." -> XXXX-XX-XXT10:30;
absolute dates, durations, sets and PRESENT_REF/PAST_REF/FUTURE_REF are unaffected.

Conventions (TimeBank's, where its annotation is consistent): decades "199", centuries
"19XX", duration units Y M W D Q DE (decade) C (century) L (millennium) and PTnH/PTnM/
PTnS; sets "P1W" ("every week", "weekly" used as an adverb), "XXXX-WXX-2" ("each
Tuesday"); "the quarter" / "the latest period" is the last quarter named (or the last
one completed before the published date).

The package, by sub-stage:

- ``lexicon``: the words of ``data/times/lexicon.yml`` (lookups and regex placeholders);
- ``rules``: loading, checking and compiling ``data/times/rules.yml``; finding matches;
- ``checks``: the named checks a rule may apply to a match (parse filters);
- ``context``: one document's text, parse, reference date and anaphora state;
- ``values``: TIMEX3 date arithmetic;
- ``normalize``: the handlers that compute a match's value, by family (``dates``,
  ``anaphora``, ``relative``, ``measures``), gathered in ``Normalizer``;
- ``component``: the spaCy factory ``communique_times`` and the cascade above.
"""
from __future__ import annotations

from .component import TimeMention, TimeTagger, make_times
from .lexicon import DEFAULT_LEXICON, DEFAULT_RULES, Lexicon
from .rules import Rule, load_grammar

__all__ = ["DEFAULT_LEXICON", "DEFAULT_RULES", "Lexicon", "Rule", "TimeMention", "TimeTagger", "load_grammar", "make_times"]
