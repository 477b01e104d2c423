"""Events, sub-stage 3: triggers and the choice of a pattern. Every verb (by its lemma,
or the word with its inflection undone) and every event noun with patterns is a
trigger; of the patterns whose constraints the trigger's particles, objects,
complements, cue words and subject meet, the most constrained wins (:meth:`Pattern.rank`).
A clause no pattern fits yields no event. Mixed into the per-document extraction
(:class:`.component._Extraction`).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..parse import subjects
from .patterns import Pattern
from .state import ExtractionState


class Matching(ExtractionState):
    """The document's triggers, each with its chosen pattern, made into events."""

    def events(self) -> list[dict]:
        doc = self.doc
        events: list[dict] = []
        verb_events: set[int] = set()
        for token in doc:
            # a participle used as a noun ("evacuated the wounded") is no act
            nominal = any(c.dep_ == "det" for c in token.children)
            key = _verb_key(token, self.rules.by_verb) if token.pos_ in ("VERB", "AUX") and not nominal else None
            pattern = self._choose(token, self.rules.by_verb[key]) if key is not None else None
            if pattern is not None:
                found = self._verb_event(token, pattern)
                events.extend(found)
                if found:
                    verb_events.update(t.i for t in token.subtree if t.dep_ in ("dobj", "pobj") and t.i != token.i)
            elif token.pos_ == "VERB":
                events.extend(self._demanded(token, None))  # "X said Y must drop its barriers"
        for token in doc:
            key = token.lower_ if token.lower_ in self.rules.by_noun else token.lemma_.lower()
            if token.pos_ in ("NOUN", "PROPN") and key in self.rules.by_noun and token.i not in verb_events:
                names = _names(token)
                fitting = [p for p in self.rules.by_noun[key] if any(n in names for n in p.nouns)]
                pattern = self._choose(token, fitting)
                if pattern is not None:
                    events.extend(self._noun_event(token, pattern))
        # the asking verb's own generic appeal or demand is folded into the requested act's code
        return _unique([e for e in events if e["trigger"] not in self.requesting])

    # ------------------------------------------------------------- patterns
    def _choose(self, trigger: Token, patterns: list[Pattern]) -> Pattern | None:
        children = list(trigger.children)
        particles = {c.lower_ for c in children if c.dep_ in ("prt", "prep", "agent", "dative")}
        complements = [c for c in children if c.dep_ == "xcomp"]
        objects = [c for c in children if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass")]
        objects += [g for c in children if c.dep_ in ("prep", "prt") for g in c.children if g.dep_ == "pobj"]
        objects += [c for x in complements for c in x.children if c.dep_ == "dobj"]
        objects += [c for o in objects for c in o.conjuncts]  # "photographs and other intelligence"
        object_names = {name for o in objects for name in _names(o, self.rules.partitives)}
        xcomps = {c.lemma_.lower() for c in complements}
        subject_names = {name for c in subjects(trigger) for name in _names(c, self.rules.partitives)}
        cues = {c.lemma_.lower() for c in children} | {c.lower_ for c in children}
        fitting = [p for p in patterns
                   if (not p.particles or p.particles & particles)
                   and (not p.object_nouns or p.object_nouns & object_names)
                   and not (p.exclude_object_nouns & object_names)
                   and (not p.xcomp or p.xcomp & xcomps)
                   and (not p.cue_words or p.cue_words & cues)
                   and not (p.intransitive and any(c.dep_ == "dobj" for c in children))
                   and (not p.subject_nouns or p.subject_nouns & subject_names)
                   and p.code in self.rules.codebook]
        return max(fitting, key=Pattern.rank) if fitting else None


def _verb_key(token: Token, index: dict) -> str | None:
    """The pattern key of a verb: its lemma, or, where the lemmatizer slips ("waging" ->
    "wag"), the word with its inflection undone."""
    lemma = token.lemma_.lower()
    if lemma in index:
        return lemma
    word = token.lower_
    for suffix, replacement in (("ing", "e"), ("ing", ""), ("ed", "e"), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + replacement in index:
            return word[: -len(suffix)] + replacement
    return None


def _names(token: Token, partitives: frozenset = frozenset()) -> set[str]:
    """What an object is called, for object_nouns: its lemma, its text, with its modifiers,
    with its of-phrase ("state of emergency"); a partitive or measure word is named by
    what it measures ("tons of food aid", "part of a stronghold")."""
    head = {token.lemma_.lower(), token.lower_}
    modifiers = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
    names = set(head)
    if modifiers:  # "joint military exercises": also "joint exercise", "military exercise"
        names |= {f"{m} {h}" for m in modifiers for h in head} | {" ".join(modifiers + [h]) for h in head}
    for of in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (g for g in of.children if g.dep_ == "pobj"):
            names |= {f"{h} of {w}" for h in head for w in (pobj.lemma_.lower(), pobj.lower_)}
            if token.lemma_.lower() in partitives:
                names |= _names(pobj)
    return names


def _unique(events: list[dict]) -> list[dict]:
    seen, out = set(), []
    for event in events:
        key = (event["code"][:2], event["source"], event["target"], event["trigger"])
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out
