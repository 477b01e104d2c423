"""Events, sub-stage 6: requests and threats. An act someone must do, is asked, urged or
threatened to do is coded as the demand, appeal or threat of it (``request_cues``,
``threat_cues``, ``words.demand_modals``), and an intended, conditional or refused act as
the intent, threat or rejection of it: the complement maps of ``patterns.yml`` give the
code (its full code, then its 3-digit prefix, then its root), else ``fallback_codes``.
Mixed into :class:`.component._Extraction`.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..parse import subjects
from .matching import _verb_key
from .patterns import Pattern
from .state import ExtractionState


class Requests(ExtractionState):
    """Demands, appeals, threats and rejections, through the complement maps."""

    def _demanded(self, verb: Token, pattern: Pattern | None) -> list[dict]:
        """"X said Y must drop its barriers": a demand by the speaker on Y (CAMEO 10x, by
        the complement map of the demanded act's code; ``fallback_codes.demand`` when the act has no pattern),
        not an event of Y's."""
        if not any(c.dep_ == "aux" and c.lower_ in self.rules.words["demand_modals"] for c in verb.children):
            return []
        statement = self._statement_of(verb)
        speaker = self.actors.get(statement.speaker) if statement and statement.speaker else None
        demanded = self._subjects(verb)
        if speaker is None or not demanded:
            return []
        code = self._complement("demand", pattern.code if pattern is not None else "") or self.rules.fallback_codes["demand"]
        rule = pattern.source if pattern is not None else "fallback_codes.demand"
        return [{"code": code, "source": speaker.key, "target": target, "modality": "asserted", "trigger": verb.i,
                 "evidence": self._clause(verb), "rule": rule} for target in demanded if target != speaker.key]

    def _requested(self, verb: Token, pattern: Pattern) -> list[dict] | None:
        """An act someone is asked for is not an event of its own: "urged the EC to support
        the PLO" is the EC asked for support (022), "demanded that Israel ease restrictions"
        / "its demand that Israel ease ..." a demand on Israel (1051). Coded through the
        appeal or demand complement map; the asking verb's own generic code is dropped.
        None when the act is asked for by no one; [] when it is asked for but the dyad
        is unclear ("rejected an appeal for deploying troops": no deployment)."""
        cue = verb.head
        if verb.dep_ == "pcomp" and cue.dep_ == "prep":  # "an appeal for deploying troops"
            cue = cue.head
        elif verb.dep_ not in ("ccomp", "xcomp", "acl") or cue.i == verb.i:
            return None
        asking = {w for words in self.rules.request_cues.values() for w in words}
        if cue.lemma_.lower() not in asking:  # "reiterated its demand that ...", parsed as the verb's clause
            cue = next((c for c in cue.children if c.dep_ == "dobj" and c.lemma_.lower() in asking), cue)
        table = next((name for name, words in self.rules.request_cues.items() if cue.lemma_.lower() in words), None)
        if table is None:
            return None
        if cue.pos_ in ("NOUN", "PROPN"):
            owner = [c for c in cue.children if c.dep_ == "poss"]
            sources = self._heads(owner[0]) if owner else []
            if not sources and cue.dep_ == "dobj" and cue.head.pos_ == "VERB":  # "renewed its demand"
                sources = self._subjects(cue.head)
        else:
            sources = self._subjects(cue)
        if verb.dep_ == "pcomp":
            asked = []
        elif verb.dep_ == "xcomp":  # "urged the EC to support ...": the one asked is the cue's object
            asked = [c for c in cue.children if c.dep_ in ("dobj", "dative")]
            asked += [g for c in cue.children if c.dep_ == "prep" and c.lower_ in self.rules.words["asked_on_prepositions"] for g in c.children
                      if g.dep_ == "pobj"]
        else:
            asked = subjects(verb)
        targets = [k for a in asked[:1] for k in self._heads(a) if k not in sources]
        if not sources or not targets:
            return []
        code = self._complement(table, pattern.code) or self.rules.fallback_codes[table]
        self.requesting.add(cue.i)
        return [{"code": code, "source": a, "target": b, "modality": "asserted", "trigger": verb.i,
                 "evidence": self._clause(cue), "rule": pattern.source} for a in sources for b in targets if a != b]

    def _recode(self, code: str, modality: str, trigger: Token) -> str:
        """CAMEO codes what was said about an event, not the event: an intended event is the
        intent to do it ("willing to work with" -> 032), an intended hostile act a threat
        ("plans to impose sanctions" -> 1312), a refused one a rejection ("refused to
        allow aid" -> 122). The maps are data (patterns.yml complement_maps)."""
        threat = self._threatened_by(trigger)
        if threat is not None:  # "threatened to impose restrictions": the threat of that act
            recoded = self._complement("threaten", code)
            if recoded is not None:
                self.requesting.add(threat.i)  # the generic 130 of "threatened" is folded into it
            return recoded or self.rules.fallback_codes["threaten"]
        ultimatum = modality in ("intended", "hypothetical") and self._ultimatum(trigger)
        if modality == "intended" or ultimatum:
            table = "threaten" if code[:2] in self.rules.hostile_roots or ultimatum else "intended"
        elif modality == "negated" and self._refused(trigger):
            table = "refuse"
        else:
            return code
        return self._complement(table, code) or (self.rules.fallback_codes["threaten"] if ultimatum else code)

    def _complement(self, table: str, code: str) -> str | None:
        """The code a complement map gives an act (its full code, then its 3-digit prefix,
        then its root), or None."""
        mapping = self.rules.complement_maps.get(table, {})
        return next((mapping[k] for k in (code, code[:3], code[:2]) if k and k in mapping and mapping[k] in self.rules.codebook),
                    None)

    def _threatened_by(self, trigger: Token) -> Token | None:
        """The threatening verb an act is the complement of ("threatened to break relations")."""
        node = trigger
        for _ in range(2):
            if node.dep_ not in ("xcomp", "ccomp") or node.head.i == node.i:
                return None
            node = node.head
            if _verb_key(node, self.rules.threat_cues) is not None:
                return node
        return None

    def _ultimatum(self, trigger: Token) -> bool:
        """"will withdraw its force unless ...": an act promised on a condition is a threat."""
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.rules.ultimatum_marks for m in c.children)
                   for c in trigger.children)

    def _refused(self, trigger: Token) -> bool:
        """Refused, denied or declined, or "will not": a rejection rather than a non-event."""
        sent = trigger.sent
        chain = [trigger] + [t for t in trigger.ancestors if sent.start <= t.i < sent.end][:3]
        if any(t.lemma_ in self.rules.words["refusal_verbs"] for t in chain[1:]):
            return True
        dependents = [c for c in trigger.children]
        return any(c.dep_ == "neg" for c in dependents) and any(c.lower_ in self.rules.words["refusal_auxiliaries"] for c in dependents)
