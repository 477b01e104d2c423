"""The cue lexicon, ``data/statements/cues.yml``, and the voice lexicon the component reads.

:func:`load_cues` loads a cue file through ``load_data``, checked against
:data:`CUES_SCHEMA` (C205 naming the file on a missing, unknown or mistyped key), once
per name. :class:`CueLexicon` is what a component holds: the cue words by kind, the
function-word classes shared with other stages, the voice lexicon (its evaluative and
hedge stretches are trimmed off contents, its inference verbs mark the writer's
inference), and the lookups from a token's lemma or lowercase hash to the cue kinds it
may be, so that a sentence is scanned once.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from ...english import english
from ...resources import Schema, load_data
from ..voice import DEFAULT_LEXICON as DEFAULT_VOICE_LEXICON
from ..voice import inference_verbs, load_lexicon

DEFAULT_CUES = "statements/cues.yml"
CUES_SCHEMA = Schema(
    required={"speech": list, "quote_only": list, "according_to": list, "scare_quote_max_words": int,
              "expletives": list, "claim_joiners": list, "report_joiners": list, "run_on_joiners": list,
              "aside_openers": list, "opening_marks": list, "closing_marks": list, "content_closing_marks": list},
    optional={"evidence": list, "evidence_subjects": list, "quote_manner": list, "particles": dict, "nouns": list,
              "passive": list, "raising": list, "stance_nouns": list, "stance_prepositions": list,
              "personal_pronouns": list, "object": list})


@lru_cache(maxsize=None)
def load_cues(name: str = DEFAULT_CUES) -> dict:
    """The cue lexicon ``name`` (a shipped relative name or a path to a user's file),
    checked against :data:`CUES_SCHEMA`; once per name."""
    return load_data(name, CUES_SCHEMA)


class CueLexicon:
    """The cue lexicon and the voice lexicon a component was made with, read once."""

    def __init__(self, nlp: Language, cues: str = DEFAULT_CUES, voice_lexicon: str = DEFAULT_VOICE_LEXICON):
        self.voice_lexicon = load_lexicon(voice_lexicon)
        cues = load_cues(cues)
        self.speech = set(cues["speech"])
        self.quote_only = set(cues["quote_only"])
        self.particles = cues.get("particles") or {}
        self.according = [tuple(p.split()) for p in cues["according_to"]]
        self.scare_max = int(cues["scare_quote_max_words"])
        self.stance_cues = set(cues.get("object") or [])
        self.evidence = set(cues.get("evidence") or [])
        self.object_cues = self.stance_cues | self.speech | self.quote_only | self.evidence
        self.quote_only |= set(cues.get("quote_manner") or [])  # quotation cues only, never an object's
        self.noun_cues = set(cues.get("nouns") or [])
        self.evidence_subjects = {w.split()[-1] for w in cues.get("evidence_subjects") or []}
        self.expletives = set(cues["expletives"])
        self.passive = set(cues.get("passive") or [])
        self.raising = set(cues.get("raising") or [])
        self.stance_nouns = set(cues.get("stance_nouns") or [])
        self.stance_prepositions = set(cues.get("stance_prepositions") or [])
        self.personal = set(cues.get("personal_pronouns") or [])
        self.inference = inference_verbs(self.voice_lexicon)
        words = english()  # function-word classes shared with other stages
        self.adverbial_prepositions = set(words.prepositions["adverbial"])
        self.topic_prepositions = set(words.prepositions["topic"])
        self.relative_pronouns = set(words.pronouns["relative"])
        self.claim_joiners = set(cues["claim_joiners"])
        self.report_joiners = set(cues["report_joiners"])
        self.run_on_joiners = set(cues["run_on_joiners"])
        self.aside_openers = set(cues["aside_openers"])
        self.opening_marks = set(cues["opening_marks"])
        self.closing_marks = set(cues["closing_marks"])
        self.content_closing_marks = "".join(cues["content_closing_marks"])  # a substring test, as "”»\"’" was
        strings = nlp.vocab.strings  # one pass over the tokens, on hashes: cue candidates by kind
        self.lemma_kinds: dict[int, tuple[str, ...]] = {}
        for kind, words in (("speech", self.speech | self.evidence), ("passive", self.passive | self.raising),
                            ("object", self.object_cues), ("stance_noun", self.stance_nouns)):
            for word in words:
                key = strings.add(word)
                self.lemma_kinds[key] = self.lemma_kinds.get(key, ()) + (kind,)
        self.lower_kinds: dict[int, tuple[str, ...]] = {}
        for kind, words in (("noun", self.noun_cues), ("according", {p[0] for p in self.according})):
            for word in words:
                key = strings.add(word)
                self.lower_kinds[key] = self.lower_kinds.get(key, ()) + (kind,)
