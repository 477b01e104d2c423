"""Events, sub-stage 7: modality. The cue phrases of ``patterns.yml`` (``modality``:
intended, hypothetical, negated) in one spaCy Matcher, built once, each phrase matched
whole by lemma or lower-case form; and the decision, from the trigger and the few verbs
it hangs from: negated, hypothetical, intended, forecast (the writer's own future) or
asserted. Mixed into :class:`.component._Extraction`.
"""
from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from .patterns import _words
from .state import ExtractionState

MODALITY_CUES = ("intended", "hypothetical", "negated")


def _cue_matcher(vocab, modality: dict, function_words: frozenset) -> Matcher:
    """One Matcher for the modality cue phrases, each matched as a whole phrase, by lemma
    or by its lower-case form ("rule out" is no cue in "ruled that"). The label says
    the modality and which words of the phrase carry it (not its function words:
    "willing to" is carried by "willing")."""
    matcher = Matcher(vocab)
    for kind in MODALITY_CUES:
        for cue in _words(modality.get(kind)):
            words = cue.split()
            carriers = "".join("1" if w not in function_words else "0" for w in words)
            matcher.add(f"{kind}|{carriers}", [[{"LEMMA": w} for w in words], [{"LOWER": w} for w in words]])
    return matcher


def _cue_tokens(matcher: Matcher, doc: Doc) -> dict[str, set[int]]:
    """Modality -> the indices of the tokens carrying one of its cue phrases in ``doc``."""
    found: dict[str, set[int]] = {kind: set() for kind in MODALITY_CUES}
    for label, start, _ in matcher(doc):
        kind, carriers = matcher.vocab.strings[label].split("|")
        found[kind].update(start + j for j, carries in enumerate(carriers) if carries == "1")
    return found


class Modality(ExtractionState):
    """The modality of one trigger."""

    def _modality(self, trigger: Token, code: str = "") -> str:
        """negated, hypothetical, intended, forecast or asserted, from the trigger and the
        few verbs it hangs from ("is willing to work", "refused to sign"); an event noun
        looks only at the verb that governs it."""
        if trigger.pos_ in ("NOUN", "PROPN"):
            if trigger.dep_ == "dobj" and trigger.head.pos_ in ("VERB", "AUX"):
                return self._modality(trigger.head)  # "will continue to develop cooperation"
            if trigger.dep_ == "pobj" and trigger.head.head.pos_ == "VERB":
                verb = trigger.head.head  # "agreed to a ceasefire", "ready for talks"
                if verb.i in self.cues["intended"]:
                    return "intended"
                return self._modality(verb)
            negated = any(c.dep_ == "neg" for c in trigger.head.children)
            return "negated" if negated else "asserted"
        sent = trigger.sent
        chain = [trigger] + [t for t in trigger.ancestors if sent.start <= t.i < sent.end][:5]
        governing = chain[1:]
        dependents = [c for t in chain[:2] for c in t.children]
        if any(c.dep_ == "neg" for c in dependents) or any(t.i in self.cues["negated"] for t in governing):
            return "negated"
        if any(c.dep_ == "mark" and c.i in self.cues["hypothetical"] for t in chain for c in t.children):
            return "hypothetical"
        auxiliaries = {c.lower_ for t in chain[:3] for c in t.children if c.dep_ == "aux"}
        if any(t.i in self.cues["intended"] for t in governing) \
                or (trigger.i in self.cues["intended"] and code[:2] not in self.rules.cue_roots):  # "agreed to a ceasefire"
            return "intended"
        if auxiliaries & self.rules.words["future_auxiliaries"]:
            return "forecast" if self._editorial(trigger) else "intended"
        if auxiliaries & self.rules.words["reported_intent_auxiliaries"] and self._statement_of(trigger) is not None:
            return "intended"  # reported speech: "Iraq said it would allow ..." is its "will allow"
        if auxiliaries & self.rules.words["conditional_auxiliaries"]:
            return "hypothetical"
        return "asserted"

    def _editorial(self, token: Token) -> bool:
        return any(s <= token.i < e for s, e in self.editorial)
