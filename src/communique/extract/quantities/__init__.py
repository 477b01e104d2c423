"""Quantities: numbers with their units, what they measure, and how they are stated.

``communique_quantities`` runs after the parser and ``ner`` (it works without them, with
less: no counted nouns, kinds or subjects). It finds numbers with its own patterns
(digits, number words, fractions, scale words and newswire abbreviations), reads the
unit after them or the currency around them, and uses the tags, lemmas and parse for
what a number counts, what it measures and how it is used. It does not use the NER
labels: the small model tags "42" and "45" as DATE and misses most units. It sets
``doc._.communique_quantities`` to a list of :class:`QuantityMention` (frozen
dataclasses), in text order::

    value        float, fully expanded: "200B" -> 200000000000, "3.4 mln" -> 3400000,
                 "eleven" -> 11, "2 1/2" -> 2.5, "half a million" -> 500000; the sign of
                 a written minus kept ("-18 °C"); a range's midpoint ("between 10 and 20" -> 15)
    unit         ISO 4217 code for money ("USD", "EUR", "GBP", "CNY", "RUB", "INR"...; from
                 "$", "US$", "dlrs", "yuan", "roubles", "pounds sterling", "stg", "USD"...),
                 "cent"/"penny" for subunits, "percent", "percentage point", "basis point",
                 a unit's name ("metre", "kilogram", "tonne", "barrel", "degree Celsius",
                 "square kilometre", "year"...), "A/B" for a rate ("USD/barrel", "barrel/day",
                 "kilometre/hour", "cent/share"), "times" for a multiple, the counted noun as
                 written ("troops", "vessels", "people"), or "" for a bare number
    kind         amount   a size or a level (the default)
                 change   the size of a change: "grow by 25%", "increase 36%", "rose 5 pct",
                          "up 3%", "a 5% rise", "an increase of 25%"; the level reached
                          ("increase 36% to 6B USD") is an amount
                 target   a goal: "his stated goal of 200B USD", "a $5 billion target",
                          "aims to reach 1,000 stores"
                 range    "between 10 and 20", "10-20 troops", "3 to 4 L", "8- to 16-meter"
                 rate     a compound unit: "$80 a barrel", "3.5 million barrels per day"
                 duration a length of time: "three days", "a two-year period"
                 age      "a 50-year-old man", "aged 41", "at the age of 99" (unit "year")
                 ratio    a multiple: "three times"
    approximate  true after about, around, roughly, approximately, nearly, almost, some,
                 close to, an estimated, near... and with "-odd", "-ish", "or so"
    bound        None | "min" (more than, over, at least, "-plus", "or more"...) | "max" (up
                 to, less than, fewer than, no more than; also nearly, almost, just under,
                 which are approximate as well) | "exact" (exactly, precisely). "up to" is a
                 bound, not an approximation.
    range        [low, high] or None
    char_span    (start, end) CHARACTER offsets, modifiers and unit included ("about 25%");
                 characters because a quantity can begin or end inside a token ("$2.174T")
    subject      what is measured, from the parse, or None: the noun the quantity modifies
                 ("200B USD trade volume" -> "trade volume"), the "of" phrase ("barrels of
                 oil" -> "oil"), the counted noun, or the subject of the verb it depends on
                 ("trade will grow by 25%" -> "trade"); subject_tokens its TOKEN span

Readings chosen: "from 5% to 7%" after a change verb is two levels, not a range ("rose
from"), unless the first number has no unit of its own ("could drop 1.3 to four mln
barrels"); "49 percent to 42 percent" (falling) is two quantities; "a dozen" is 12;
"pound(s)" is sterling unless it weighs ("weighs 200 pounds", "a twenty-pound bag",
"pounds of cocaine"); "5m" is metres unless money or a plural noun follows ("5m people").

Not quantities: dates ("December 30, 2022", "in 2023", "2013-14", "the 2018 elections"),
clock times ("0355 EST", "2 pm", "10:30", "1000 hrs"), ordinals and decades ("second",
"21st", "1990s"), names and labels ("G20", "Boeing 737", "COVID-19", "Article 5", "F-16",
"Six Flags"), scores ("won 3-1"), durations that are a period of the calendar ("over the
last eleven months", "three days ago": time expressions), "one" as a pronoun ("one of
them", "one thing"), "the two countries" (a reference back), list numbers and citations.

All words (number words, scales, currencies, units, modifiers, change and target words,
labels) are data files in ``communique/data/quantities/``, loaded once per process and
checked at load (C205). The component's config keys ``numbers``, ``units``,
``currencies`` and ``context`` name them (by default the shipped files); a path to the
user's own file replaces one, checked against the same schema::

    nlp.add_pipe("communique_quantities", config={"units": "my_units.yml"})

The package, by sub-stage, in the order a number goes through them:

    lexicon     the data files, checked against their schemas, compiled into patterns
    context     DocContext: the per-document state (Doc, text, parse flags, token lookups),
                passed explicitly to every sub-stage
    numbers     digits, fractions, number words -> Number
    units       currency before, scale/unit/rate after -> Tail
    scan        small readers of the raw text (word before/after, identifiers)
    exclusions  what is not a quantity (dates, clock times, names, labels...)
    ranges      a second number that completes a range; a unit borrowed from it
    classify    modifiers, counted noun, kind, subject
    component   the factory ``communique_quantities`` and the cascade for one Doc

Each decision table is an ordered tuple of small named checks, the first that answers
deciding: ``exclusions.EXCLUSIONS`` (not a quantity), ``ranges.NOT_A_RANGE``,
``classify.KIND_CHECKS`` (kind), ``classify.SUBJECT_RULES`` (subject) and
``numbers.WORD_CLASSES`` (number words). Small readers return one shape each
(``QuantityMention``, ``Tail``, ``RangeReading``, ``Prefix``, ``Word``, ``UnitAt``), or None.
The component object holds only the lexicon; one ``DocContext`` per Doc is passed to
every stage.
"""
from __future__ import annotations

from .component import Quantities, QuantityMention, find, make_quantities
from .lexicon import Lexicon, Unit, lexicon

__all__ = ["Lexicon", "Quantities", "QuantityMention", "Unit", "find", "lexicon", "make_quantities"]
