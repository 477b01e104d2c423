"""Events, sub-stage 5: places as countries. The country of the place a trigger's clause
names ("in Montenegro", "outside the Iraqi city of Basra"): a country actor of the text,
or a country or capital of the gazetteer, added as a candidate actor
(``doc._.communique_event_actors``) with the place as its mention; and the home target
of a domestic act. Mixed into :class:`.component._Extraction`.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors import Actor
from .state import ExtractionState


class Places(ExtractionState):
    """Countries read off the places a clause names."""

    def _home_target(self, trigger: Token, source: str) -> list[str]:
        """An act with no one named on the receiving end falls on the place where it happens
        ("lifted a curfew in Montenegro", "in Baghdad") or else on the source's own country
        ("students staged demonstrations", "the army imposed a curfew"): event data codes
        such domestic events country -> same country."""
        place = self._place_country(trigger, {source})
        if place:
            return [place]
        actor = self.actors.get(source)
        if actor is None or not actor.country:
            return []
        if actor.kind == "country":
            return [source]
        home = [a.key for a in self.actors.values() if a.kind == "country" and a.country == actor.country]
        return home[:1]

    def _place_country(self, trigger: Token, exclude: set[str] = frozenset()) -> str | None:
        """The country of the place the trigger's clause names ("in Montenegro", "outside
        the Iraqi city of Basra", "in Baghdad"): a country actor of the text, or, for a
        capital or country named only as a place, that country added as an actor with the
        place as its mention."""
        sent, words = trigger.sent, self.rules.words
        # on the trigger, its subject ("a bombing near Samarra") or its object ("aid deliveries in Lima")
        # ... or a clause saying when it happened ("when they blew themselves up in Tel Aviv")
        arguments = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
                     or (c.dep_ == "advcl" and any(m.lower_ in words["when_subordinators"] for m in c.children))]
        places = [g for t in [trigger, *list(trigger.ancestors)[:2], *arguments] for c in t.children
                  if c.dep_ in ("prep", "advmod") and c.lower_ in words["place_prepositions"]
                  for g in c.subtree if g.dep_ == "pobj" and sent.start <= g.i < sent.end]
        for place in places:
            keys = [k for k in self._actors_in(place, exclude) if self.actors.get(k) and self.actors[k].kind == "country"]
            if keys:
                return keys[0]
            found = self._country_named_in(place)
            if found and found not in exclude:
                return found
        return None

    def _country_named_in(self, place: Token) -> str | None:
        """The key of a country or capital named in the place phrase, from the gazetteer;
        one the text's actors do not have yet becomes a candidate actor (for
        ``doc._.communique_event_actors``) with the place as its mention."""
        tokens = list(place.subtree)
        for size in (3, 2, 1):
            for i in range(len(tokens) - size + 1):
                span = self.doc[tokens[i].i: tokens[i].i + size]
                hit = self.rules.gazetteer.phrases.get(span.text)
                entry = self.rules.gazetteer.entries.get(hit[0]) if hit else None
                if entry is None or entry.kind != "country":
                    continue
                if entry.key not in self.actors:
                    actor = Actor(key=entry.key, name=entry.name, code=entry.code, country=entry.country,
                                  kind="country", wikidata=entry.wikidata, mentions=[(span.start, span.end)])
                    self.candidates.append(actor)
                    self.actors[entry.key] = actor
                    self.owner.update({i: entry.key for i in range(span.start, span.end)})
                return entry.key
        return None
