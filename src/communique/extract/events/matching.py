"""Events, sub-stage 3: triggers and the choice of a pattern. Every verb (by its lemma,
or the word with its inflection undone) and every event noun with patterns is a
trigger; of the overlay's patterns (``patterns.yml``) whose constraints the trigger's
particles, objects, complements, cue words and subject meet, the most constrained wins
(:meth:`Pattern.rank`); a verb none fits is looked up in the CAMEO verb dictionary
(:mod:`.dictionary`: the most specific phrase pattern whose every slot is filled, else
the verb's own code). A clause no pattern fits yields no event. Mixed into the
per-document extraction (:class:`.component._Extraction`).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from functools import cached_property

from spacy.tokens import Token

from ..parse import subjects
from .dictionary import DictionaryPattern, bare_pattern
from .patterns import Pattern
from .state import ExtractionState


# Where the target of "gave a warning to X", "expressed support for X" is.
DEVERBAL_TARGETS = ("pobj:to|for|on|against",)


class Matching(ExtractionState):
    """The document's triggers, each with its chosen pattern, made into events."""

    def events(self) -> list[dict]:
        doc = self.doc
        events: list[dict] = []
        verb_events: set[int] = set()
        for token in doc:
            # a participle used as a noun ("evacuated the wounded") is no act; nor is what a verb
            # says of its object ("accused Russia of violating the truce", "blamed X for ...")
            verb = token.pos_ in ("VERB", "AUX") and not (any(c.dep_ == "det" for c in token.children) or (
                token.dep_ == "pcomp" and token.head.lower_ in self.rules.words["content_prepositions"]
                and token.head.head.pos_ in ("VERB", "AUX") and any(c.dep_ == "dobj" for c in token.head.head.children)))
            key = _verb_key(token, self.rules.by_verb) if verb else None
            pattern = self._choose(token, self.rules.by_verb[key]) if key is not None else None
            if pattern is None and verb and token.pos_ == "VERB":
                pattern = self._choose_in_dictionary(token)  # the overlay has nothing: the dictionary's code
            if pattern is None and verb and token.lemma_.lower() in self.rules.support_verbs:
                pattern = self._deverbal(token)
            if pattern is not None:
                found = self._verb_event(token, pattern)
                events.extend(found)
                if found:
                    verb_events.update(t.i for t in token.subtree if t.dep_ in ("dobj", "pobj") and t.i != token.i)
            elif token.pos_ == "VERB":
                events.extend(self._demanded(token, None))  # "X said Y must drop its barriers"
        for token in doc:
            if token.pos_ not in ("NOUN", "PROPN") or token.i in verb_events:
                continue
            pattern = self._event_noun(token)
            if pattern is not None:
                events.extend(self._noun_event(token, pattern))
        # the asking verb's own generic appeal or demand is folded into the requested act's code
        return _unique([e for e in events if e["trigger"] not in self.requesting], doc)

    def _deverbal(self, verb: Token) -> Pattern | None:
        """"gave a warm welcome to X", "issued a warning to X", "expressed support for X": a
        support verb whose object is a verb's own noun is that verb, its target after
        "to", "for", "on" or "against"."""
        for noun in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"):
            key = noun.lemma_.lower()
            pattern = self._choose(noun, [p for p in self.rules.by_verb.get(key, ()) if not p.object_nouns
                                          and not p.xcomp and not p.particles])
            if pattern is not None:
                # the target only after the preposition ("gave them a veto" vetoes no one), and
                # between coded actors, named, as for a dictionary code: the reading is an inference
                return replace(pattern, targets=DEVERBAL_TARGETS, coded_actors=True, named_target=True)
        return None

    def _event_noun(self, token: Token) -> Pattern | None:
        """The pattern of an event noun: its own, or, for a partitive head ("a mediation
        mission", "a mediation effort"), its modifier's act."""
        pattern = self._noun_pattern(token, token)
        if pattern is None and token.lemma_.lower() in self.rules.partitives:
            for modifier in (c for c in token.children if c.dep_ == "compound"):
                pattern = pattern or self._noun_pattern(modifier, token)
        return pattern

    def _noun_pattern(self, noun: Token, head: Token) -> Pattern | None:
        """The pattern of an event noun, fitted on its phrase's ``head``."""
        key = noun.lower_ if noun.lower_ in self.rules.by_noun else noun.lemma_.lower()
        if key not in self.rules.by_noun:
            return None
        names = _names(noun)
        # the most specific noun first: "military aid" (072) before "aid" (070)
        fitting = [(max(len(n.split()) for n in p.nouns if n in names), p) for p in self.rules.by_noun[key]
                   if any(n in names for n in p.nouns)]
        longest = max((words for words, _ in fitting), default=0)
        return self._choose(head, [p for words, p in fitting if words == longest])

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

    def _choose_in_dictionary(self, trigger: Token) -> Pattern | None:
        """The CAMEO verb dictionary's pattern for a verb: of the verb's entries whose
        particles it carries (the multi-word ones first: "call off" before "call"), the
        most specific pattern of their blocks whose every slot is filled; else the verb's
        own code, where it has one. A null-coded pattern that fits blocks the verb's code."""
        dictionary = self.rules.dictionary
        key = _verb_key(trigger, dictionary.verbs)
        if key is None or not _codable_clause(trigger):
            return None
        # the overlay wins on the object too: "began talks" is its event noun "talks" (040)
        if any(c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") and self._event_noun(c)
               for c in trigger.children):
            return None
        slots = _Slots(trigger, self.rules.partitives)
        entries = [e for e in dictionary.verbs[key] if e.particles <= slots.particles]
        if not entries:
            return None
        longest = max(len(e.particles) for e in entries)
        entries = [e for e in entries if len(e.particles) == longest]
        fitting = [p for block in dict.fromkeys(e.block for e in entries)
                   for p in dictionary.patterns.get(block, ()) if slots.fit(p)]
        if fitting:
            best = max(fitting, key=DictionaryPattern.rank)
            return best.pattern if best.pattern.code else None
        coded = [e for e in entries if e.code]
        # a verb governing another ("agreed to postpone", "prepared to resume") is coded
        # through that complement, as PETRARCH combines the two; alone it is no event
        governs = any(c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") for c in trigger.children)
        return bare_pattern(coded[0]) if coded and not governs else None


def _codable_clause(verb: Token) -> bool:
    """A verb the dictionary codes heads a clause of its own: not a participle modifying
    a noun ("the channel disputed by A and B"), not a preposition ("according to"), not
    an infinitive of purpose or complement with no subject of its own ("to help him"),
    which belongs to the verb it depends on."""
    if verb.dep_ in ("acl", "amod", "prep", "advmod", "pcomp", "npadvmod"):
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return not (infinitive and verb.dep_ in ("xcomp", "advcl", "ccomp", "relcl") and not subjects(verb))


class _Slots:
    """What a verb's clause offers a dictionary pattern: its particles and prepositions
    (read at once), the names of its objects, of each preposition's objects and of its
    subject (read when a pattern gets that far: most are turned down on the first)."""

    def __init__(self, verb: Token, partitives: frozenset):
        self.verb, self.partitives = verb, partitives
        children = list(verb.children)
        self.particles = {c.lower_ for c in children if c.dep_ in ("prt", "prep", "agent", "dative", "advmod")}
        objects = [c for c in children if c.dep_ in ("dobj", "attr", "oprd", "acomp", "nsubjpass")]
        objects += [c for x in children if x.dep_ == "xcomp" for c in x.children if c.dep_ == "dobj"]
        self.object_tokens = objects + [c for o in objects for c in o.conjuncts]
        self.prep_tokens = [c for o in [verb, *self.object_tokens] for c in o.children
                            if c.dep_ in ("prep", "prt", "agent", "dative")]
        self.prep_words = {p.lower_ for p in self.prep_tokens}
        self.particles |= self.prep_words

    @cached_property
    def objects(self) -> set[str]:
        return {n for o in self.object_tokens for n in _names(o, self.partitives)}

    @cached_property
    def preps(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for prep in self.prep_tokens:
            names = found.setdefault(prep.lower_, set())
            for pobj in (g for g in prep.children if g.dep_ in ("pobj", "pcomp")):
                names.update(n for p in [pobj, *pobj.conjuncts] for n in _names(p, self.partitives))
        return found

    @cached_property
    def subject(self) -> set[str]:
        return {n for s in subjects(self.verb) for n in _names(s, self.partitives)}

    def fit(self, pattern: DictionaryPattern) -> bool:
        return (pattern.particles <= self.particles  # the particles and prepositions first: cheap
                and all(prep in self.prep_words for prep, _ in pattern.prepositions)
                and (not pattern.objects or bool(self.object_tokens))
                and all(nouns & self.objects for nouns in pattern.objects)
                and all(not nouns or nouns & self.preps.get(prep, ()) for prep, nouns in pattern.prepositions)
                and (not pattern.subject or bool(pattern.subject & self.subject)))


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


def _unique(events: list[dict], doc) -> list[dict]:
    """One event per act: per trigger, one per root and dyad; per sentence, one per code and
    dyad ("agreed to lift the embargo" and "lift the embargo" are one 0354)."""
    # sentence starts listed once (Token.sent walks the sentence on every call)
    starts = [s.start for s in doc.sents] if events else []
    seen, out = set(), []
    for event in events:
        sentence = starts[bisect_right(starts, event["trigger"]) - 1]
        keys = ((event["code"][:2], event["source"], event["target"], event["trigger"]),
                (event["code"], event["source"], event["target"], sentence))
        if not any(key in seen for key in keys):
            seen.update(keys)
            out.append(event)
    return out
