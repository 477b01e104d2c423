"""Events, sub-stage 9: the component. The spaCy factory ``communique_events``; the
:class:`Events` component holding what is loaded once (codebook, patterns, cue Matcher,
gazetteer with its ``extra_files`` config); and the per-document :class:`_Extraction`,
the sub-stages mixed together over one Doc. Its outputs are ``doc._.communique_events``
(:class:`EventMention`) and ``doc._.communique_event_actors`` (countries named only as
places).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ...english import english
from ..actor_view import all_actors, mention_owner
from ..actors import Actor
from ..gazetteer import load_gazetteer
from .codebook import DEFAULT_PLOVER, check_plover_columns, load_codebook, load_ontology
from .dictionary import load_verb_dictionary
from .discards import load_discards
from .dyads import Dyads
from .evidence import Evidence
from .matching import Matching
from .modality import Modality, _cue_matcher, _cue_tokens
from .patterns import DEFAULT_PATTERNS, _words, load_pattern_data, load_patterns
from .places import Places
from .requests import Requests

if not Doc.has_extension("communique_events"):
    Doc.set_extension("communique_events", default=None)


@dataclass(frozen=True)
class EventMention:
    """One event, in token offsets: the CAMEO ``code``, ``source`` and ``target`` actor
    keys, its ``modality``, the ``trigger`` token, the ``evidence`` clause (start, end) and
    the ``rule`` (pattern) that coded it."""
    code: str
    source: str | None
    target: str | None
    modality: str
    trigger: int
    evidence: tuple[int, int]
    rule: str = ""  # the pattern that coded it (Pattern.source)


class Events:
    """The component: the codebook, the patterns and the cue tables, loaded once. Each
    Doc is worked on by its own :class:`_Extraction`, so nothing of a document stays here."""

    def __init__(self, nlp: Language, extra_files: tuple[str, ...] = (), patterns: str = DEFAULT_PATTERNS,
                 plover: str = DEFAULT_PLOVER):
        self.codebook = load_codebook()
        check_plover_columns(self.codebook, load_ontology(plover))
        self.gazetteer = load_gazetteer(tuple(extra_files))
        self.by_verb, self.by_noun, modality, self.light_verbs, self.complement_maps = load_patterns(patterns)
        self.ultimatum_marks = frozenset(_words(modality.get("ultimatum")))
        data = load_pattern_data(patterns)  # cached: the same mapping load_patterns read
        self.fallback_codes = {name: str(code) for name, code in data["fallback_codes"].items()}
        self.hostile_roots = frozenset(str(root) for root in data["hostile_roots"])
        self.unattributed_violence_roots = frozenset(str(root) for root in data["unattributed_violence_roots"])
        self.cue_roots = frozenset(str(root) for root in data["cue_roots"])
        self.home_target_roots = frozenset(str(root) for root in data.get("home_target_roots") or ())
        self.participation_roots = frozenset(str(root) for root in data.get("participation_roots") or ())
        self.author_target_roots = frozenset(str(root) for root in data.get("author_target_roots") or ())
        self.support_verbs = frozenset(_words(data.get("support_verbs")))
        self.partitives = frozenset(_words(data.get("partitive_nouns")))
        self.request_cues = {name: frozenset(_words(words)) for name, words in (data.get("request_cues") or {}).items()}
        self.threat_cues = frozenset(_words(data.get("threat_cues")))
        self.words = {role: frozenset(_words(found)) for role, found in data["words"].items()}
        # a class shared with other stages (data/english.yml)
        self.words["place_prepositions"] = english().prepositions["place"]
        self.dictionary = load_verb_dictionary(
            skip_codes=frozenset(str(c) for c in data.get("dictionary_skip_codes") or ()),
            no_code_alone=frozenset(_words(data.get("dictionary_verbs_without_code_alone"))))
        self.discards = load_discards()
        self.cue_matcher = _cue_matcher(nlp.vocab, modality, frozenset(_words(data.get("cue_function_words"))))

    def __call__(self, doc: Doc) -> Doc:
        extraction = _Extraction(self, doc)
        discarded = self.discards.discarded(doc)
        doc._.communique_events = [EventMention(**found) for found in extraction.events()
                                   if not any(start <= found["trigger"] < end for start, end in discarded)]
        doc._.communique_event_actors = extraction.candidates
        return doc


class _Extraction(Matching, Dyads, Places, Requests, Modality, Evidence):
    """One document's events: the Doc, its actors and statements, and what this run
    adds (countries met as places, the asking verbs folded into what they ask for)."""

    def __init__(self, rules: Events, doc: Doc):
        self.rules = rules
        self.doc = doc
        self.owner = mention_owner(doc)
        self.actors = {a.key: a for a in all_actors(doc)}
        self.candidates: list[Actor] = []  # countries named only as a place, for doc._.communique_event_actors
        self.statements = doc._.communique_statements or []
        self.editorial = list(doc._.communique_voices or [])  # the writer's own stretches, token spans
        self.requesting: set[int] = set()
        self.cues = _cue_tokens(rules.cue_matcher, doc)  # modality -> the tokens of its cue phrases


@Language.factory("communique_events", assigns=["doc._.communique_events", "doc._.communique_event_actors"],
                  requires=["doc._.communique_actors", "doc._.communique_mentions", "doc._.communique_statements",
                            "doc._.communique_segments", "doc._.communique_voices"],
                  default_config={"extra_files": [], "patterns": DEFAULT_PATTERNS, "plover": DEFAULT_PLOVER})
def make_events(nlp: Language, name: str, extra_files: list[str], patterns: str, plover: str) -> Events:
    """Events in CAMEO and PLOVER; ``extra_files``: the user's actor dictionaries (as
    given to the actors component), so a place names the same countries there;
    ``patterns``, ``plover``: the patterns file and the PLOVER ontology (shipped names
    or paths to the user's own, checked as the shipped ones are)."""
    return Events(nlp, tuple(extra_files), patterns, plover)
