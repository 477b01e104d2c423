"""Every actor of a Doc, read in one place.

One writer per fact: the actors component writes ``doc._.communique_actors`` (and
their mentions); a later component that meets an actor the dictionaries do not give
(a speaker no dictionary knows, "the writer", a country named only as a place)
writes it to its *own* extension, as a candidate:

    communique_statement_actors   statements' new speakers
    communique_event_actors       events' places read as countries

Readers (events, ``record.from_doc``) see them all through :func:`all_actors` and
:func:`all_mentions`; a candidate with the key of a known actor adds its mentions
to that actor.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

CANDIDATE_EXTENSIONS = ("communique_statement_actors", "communique_event_actors")
for _name in CANDIDATE_EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def all_actors(doc: Doc) -> list:
    """The actors component's actors, then each candidate, merged by key (mentions
    joined, in order): new objects, so reading never changes what a component wrote."""
    merged: dict = {}
    for name in ("communique_actors",) + CANDIDATE_EXTENSIONS:
        for actor in getattr(doc._, name) or []:
            if actor.key in merged:
                known = merged[actor.key]
                known.mentions = sorted(set(known.mentions) | set(actor.mentions))
            else:
                merged[actor.key] = replace(actor, mentions=sorted(set(actor.mentions)))
    return list(merged.values())


def all_mentions(doc: Doc) -> list[tuple[int, int, str]]:
    """Every (start, end, actor key) mention, sorted."""
    return sorted({(start, end, actor.key) for actor in all_actors(doc) for start, end in actor.mentions})


def mention_owner(doc: Doc) -> dict[int, str]:
    """Token -> the actor key of the shortest mention covering it (the most specific)."""
    owner: dict[int, tuple[int, str]] = {}
    for start, end, key in all_mentions(doc):
        for i in range(start, end):
            if i not in owner or end - start < owner[i][0]:
                owner[i] = (end - start, key)
    return {i: key for i, (_, key) in owner.items()}
