"""Events: who did what to whom, coded in CAMEO and PLOVER, with modality.

Per clause, on the parse, with the ontology and the patterns as data
(``data/events/cameo.csv``, ``plover.yml``, ``patterns.yml``, and the imported
``cameo_verbs.csv`` and ``discards.csv``):

1. *Trigger*: a verb or an event noun with a pattern ("invite", "talks", "sanctions",
   "cooperation between A and B"); particles, prepositions and object nouns refine the
   code ("provide" + "aid"). Our ``patterns.yml`` is matched first and wins; a verb it
   has no fitting pattern for is coded from the CAMEO verb dictionary, between coded
   actors only. A clause no pattern fits yields no event: there is no generic fallback
   code. A sentence holding a discard phrase (sports, entertainment) gives none.
2. *Source and target* from the parse: the subject (the agent of a passive), the target
   the pattern names (direct object, a preposition's object, "between A and B");
   coordinated subjects with no target ("A and B agreed") give both directions, as do
   "between A and B" nouns. Inside a statement, a subject that is the speaker, the
   speaker's country or "we" makes the speaker the source ("China is willing to work
   with Russia", said by Xi -> CHNGOV -> RUS). A domestic act with no one named on the
   receiving end falls on the place it happens in or on the source's own country
   (``home_target_roots``); violence with no named perpetrator is the place's.
   An act someone is asked, urged or threatened to do is coded as the request or the
   threat of it (``request_cues``, ``threat_cues``, the complement maps), not as an act.
3. *Modality*: negated ("did not", "refused to"), intended ("willing to", "will continue
   to", "pledged"), hypothetical ("if", "would"), forecast (the writer's own future), else
   asserted; voice from the segments; date from a time expression in the clause, else
   the published date; the evidence span is the clause.

One writer per extension: the component writes ``doc._.communique_events`` and, for a
country named only as a place ("in Baghdad") or a coordinated nationality ("Indian
and Chinese troops"), a candidate actor in
``doc._.communique_event_actors``; it reads every actor through ``actor_view``. The
component holds only what is loaded once (codebook, patterns, cue Matcher, gazetteer
with its ``extra_files`` config); each Doc is worked on by an :class:`_Extraction`.
The data files are checked when loaded (C205), and CAMEO codebook knowledge the rules
need (fallback codes, hostile roots, ...) and the English words they test are named
keys of ``patterns.yml``, documented there.

Config keys: ``patterns`` and ``plover`` name the patterns file and the PLOVER ontology
(by default the shipped ``events/patterns.yml`` and ``events/plover.yml``); a path to the
user's own copy replaces one, checked as the shipped one is (its schema, and every code it
names against cameo.csv: C205 naming the file), e.g.
``nlp.add_pipe("communique_events", config={"patterns": "my_patterns.yml"})``. The
codebook ``cameo.csv`` is the shipped one (the record's CAMEO and PLOVER fields come
from it).

The package, by sub-stage:

- ``codebook``: ``cameo.csv`` (:func:`load_codebook`) and the PLOVER ontology ``plover.yml``,
  the codebook's PLOVER columns checked against it;
- ``patterns``: loading ``patterns.yml``, its schemas, and checking it as an ordered list
  of small named checks (``PATTERN_CHECKS`` per pattern, ``TABLE_CHECKS`` for the file);
  :class:`Pattern` and the indexes by verb and noun;
- ``dictionary``: the CAMEO verb dictionary imported from PETRARCH2
  (``cameo_verbs.csv``), compiled once: verbs, blocks, phrase patterns with their slots;
- ``discards``: the Phoenix discard list (``discards.csv``): sentences and stories that
  give no events;
- ``matching``: triggers (verbs and event nouns) and the choice of their pattern (the
  overlay ``patterns.yml`` first, then the dictionary);
- ``dyads``: sources and targets from the parse, the speaker as source, the pairs coded;
- ``places``: places read as countries (candidate actors), the home target of a domestic act;
- ``requests``: demands, appeals, threats and refusals, through the complement maps;
- ``modality``: the cue Matcher and the modality decision;
- ``evidence``: the clause or phrase an event is read from;
- ``state``: what one document's extraction holds, shared by the sub-stages above, each
  a mixin of :class:`_Extraction`;
- ``component``: :class:`EventMention`, the component :class:`Events`, the per-document
  :class:`_Extraction` and the spaCy factory ``communique_events``.
"""
from __future__ import annotations

from .codebook import DEFAULT_PLOVER, PLOVER_SCHEMA, Code, check_plover_columns, load_codebook, load_ontology
from .component import EventMention, Events, _Extraction, make_events
from .patterns import (DEFAULT_PATTERNS, PATTERN_CHECKS, PATTERN_SCHEMA, PATTERNS_FILE_SCHEMA, TABLE_CHECKS, Pattern,
                       check_pattern_data, load_pattern_data, load_patterns)

__all__ = ["DEFAULT_PATTERNS", "DEFAULT_PLOVER", "PATTERNS_FILE_SCHEMA", "PATTERN_CHECKS", "PATTERN_SCHEMA",
           "PLOVER_SCHEMA", "TABLE_CHECKS", "Code", "EventMention", "Events", "Pattern", "_Extraction",
           "check_pattern_data", "check_plover_columns", "load_codebook", "load_ontology", "load_pattern_data",
           "load_patterns", "make_events"]
