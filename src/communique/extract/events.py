"""Events: who did what to whom, coded in CAMEO and PLOVER, with modality.

Per clause, on the parse, with the ontology and the patterns as data
(``data/events/cameo.csv``, ``plover.yml``, ``patterns.yml``):

1. *Trigger*: a verb or an event noun with a pattern ("invite", "talks", "sanctions",
   "cooperation between A and B"); particles, prepositions and object nouns refine the
   code ("provide" + "aid"). A clause no pattern fits yields no event: there is no
   generic fallback code.
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
country named only as a place ("in Baghdad"), a candidate actor in
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
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from ..errors import CommuniqueError
from ..english import english
from ..resources import Schema, data_path, load_data
from .actor_view import all_actors, all_mentions
from .actors import Actor
from .gazetteer import load_gazetteer
from .parse import SUBJECTS_AND_AGENT, children_with, clause_subject, first_subject, phrase, subjects
from .statements import StatementMention
from .voice import voiced_segments

if not Doc.has_extension("communique_events"):
    Doc.set_extension("communique_events", default=None)

# Up through these to the clause whose subject acts: "willing to work", "play a role in resolving".
CLIMB_DEPS = ("xcomp", "conj", "advcl", "acomp", "ccomp", "pcomp", "prep", "pobj", "dobj")
EVIDENCE_MAX_TOKENS = 40


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None


@dataclass(frozen=True)
class Pattern:
    code: str
    verbs: frozenset
    nouns: frozenset
    particles: frozenset  # particles or prepositions the verb must carry ("call on")
    object_nouns: frozenset  # head lemmas, or "modifier head" ("military aid")
    exclude_object_nouns: frozenset
    xcomp: frozenset
    cue_words: frozenset
    targets: tuple[str, ...]  # where the target is, tried in order
    order: int
    intransitive: bool = False  # only without a direct object ("demonstrated", not "demonstrated resolve")
    subject_nouns: frozenset = frozenset()  # the subject must be one of these ("peacekeepers arrived")

    def rank(self) -> tuple:
        """Most constraints first, then the more specific (longer) code, then file order."""
        constraints = (bool(self.object_nouns) + bool(self.xcomp) + bool(self.particles) + bool(self.cue_words)
                       + bool(self.subject_nouns))
        return (constraints, len(self.code), -self.order)


@lru_cache(maxsize=1)
def load_codebook() -> dict[str, Code]:
    text = data_path("events/cameo.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in io.StringIO(text) if line.strip() and not line.lstrip().startswith("#"))
    book = {}
    for row in rows:
        code = row["code"].strip()
        book[code] = Code(code=code, name=row["name"].strip(), goldstein=float(row["goldstein"]),
                          quad_class=int(row["quad_class"]), plover=(row.get("plover") or "").strip() or None,
                          plover_mode=(row.get("plover_mode") or "").strip() or None)
    return book


WORDS = (str, list)  # one word or phrase, or a list of them
PATTERN_SCHEMA = Schema(
    required={"code": str, "target": WORDS},
    optional={"verbs": WORDS, "nouns": WORDS, "particles": WORDS, "object_nouns": WORDS,
              "exclude_object_nouns": WORDS, "xcomp": WORDS, "cue_words": WORDS, "subject_nouns": WORDS,
              "intransitive": bool, "note": str})
PATTERNS_FILE_SCHEMA = Schema(required={
    "patterns": list, "complement_maps": dict, "modality": dict, "light_verbs": list, "home_target_roots": list,
    "partitive_nouns": list, "request_cues": dict, "threat_cues": list, "cue_function_words": list,
    "fallback_codes": dict, "hostile_roots": list, "unattributed_violence_roots": list, "cue_roots": list,
    "words": dict})
WORD_ROLES = ("when_subordinators", "between_prepositions", "asked_on_prepositions",
              "unresolved_pronouns", "demand_modals", "refusal_verbs", "refusal_auxiliaries", "future_auxiliaries",
              "conditional_auxiliaries", "reported_intent_auxiliaries")
WORDS_SCHEMA = Schema(required={role: list for role in WORD_ROLES})
MODALITY_SCHEMA = Schema(required={"intended": list, "hypothetical": list, "negated": list,
                                   "ultimatum": list})
FALLBACK_SCHEMA = Schema(required={"appeal": str, "demand": str, "threaten": str})
COMPLEMENT_TABLES = ("intended", "appeal", "demand", "refuse", "threaten")
TARGET_SLOTS = ("dobj", "between", "place", "none")  # and "pobj:PREP|PREP..."
PLOVER_SCHEMA = Schema(required={"quad_classes": dict, "types": dict, "old_names": dict})
# The shipped data files: the defaults of the component's config keys of the same names.
DEFAULT_PATTERNS = "events/patterns.yml"
DEFAULT_PLOVER = "events/plover.yml"


def _where(name: str) -> str:
    """How a C205 names a data file: the user's path as given, else ``data/<name>``
    (as :func:`communique.resources.load_data` does)."""
    path = Path(name).expanduser()
    return str(path) if path.is_file() else f"data/{name}"


@lru_cache(maxsize=8)
def load_pattern_data(patterns: str = DEFAULT_PATTERNS) -> dict:
    """The patterns file (shipped ``data/events/patterns.yml`` or a path to the user's own),
    every pattern and table checked (C205 naming the file and what is wrong)."""
    data = load_data(patterns, PATTERNS_FILE_SCHEMA)
    check_pattern_data(data, load_codebook(), _where(patterns))
    return data


def check_pattern_data(data: dict, codebook: dict, path: str = "data/" + DEFAULT_PATTERNS) -> None:
    """C205 (naming ``path``) for the first problem of the patterns file: a pattern with
    an unknown key, a code not in cameo.csv or an unknown target slot; a table naming an
    unknown code."""
    def fail(reason: str):
        raise CommuniqueError("C205", path=path, reason=reason)

    for number, item in enumerate(data["patterns"], start=1):
        where = f"pattern {number} ({item.get('code')!r})" if isinstance(item, dict) else f"pattern {number}"
        problems = PATTERN_SCHEMA.problems(item, f"{where}: ")
        if problems:
            fail("; ".join(problems))
        if str(item["code"]) not in codebook:
            fail(f"{where}: code {item['code']!r} is not in cameo.csv")
        if not (item.get("verbs") or item.get("nouns")):
            fail(f"{where}: neither verbs nor nouns")
        for slot in _words(item["target"]):
            if slot not in TARGET_SLOTS and not (slot.startswith("pobj:") and slot[5:]):
                fail(f"{where}: unknown target slot {slot!r} (known: {', '.join(TARGET_SLOTS)}, pobj:PREP)")
    for name, schema in (("modality", MODALITY_SCHEMA), ("fallback_codes", FALLBACK_SCHEMA), ("words", WORDS_SCHEMA)):
        problems = schema.problems(data[name], f"{name}: ")
        if problems:
            fail("; ".join(problems))
    for name, table in data["complement_maps"].items():
        if name not in COMPLEMENT_TABLES:
            fail(f"complement_maps: unknown table {name!r} (known: {', '.join(COMPLEMENT_TABLES)})")
        for act, code in (table or {}).items():
            if str(act) not in codebook or str(code) not in codebook:
                fail(f"complement_maps.{name}: {act!r}: {code!r} names a code not in cameo.csv")
    for name in data["request_cues"]:
        if name not in data["complement_maps"]:
            fail(f"request_cues: {name!r} has no complement map")
    for name, code in data["fallback_codes"].items():
        if str(code) not in codebook:
            fail(f"fallback_codes.{name}: {code!r} is not in cameo.csv")
    for key in ("home_target_roots", "hostile_roots", "unattributed_violence_roots", "cue_roots"):
        unknown = [root for root in data[key] if str(root) not in codebook]
        if unknown:
            fail(f"{key}: {unknown!r} not in cameo.csv")


@lru_cache(maxsize=8)
def load_ontology(plover: str = DEFAULT_PLOVER) -> dict:
    """The PLOVER types (shipped ``data/events/plover.yml`` or a path to the user's own),
    checked at load (C205)."""
    return load_data(plover, PLOVER_SCHEMA)


def check_plover_columns(codebook: dict, ontology: dict) -> None:
    """C205 when cameo.csv names a PLOVER type or mode that the ontology does not have."""
    types = ontology["types"]
    for code in codebook.values():
        if code.plover and (code.plover not in types or (
                code.plover_mode and code.plover_mode not in (types[code.plover].get("modes") or []))):
            raise CommuniqueError("C205", path="data/events/cameo.csv",
                                  reason=f"code {code.code}: PLOVER {code.plover} {code.plover_mode or ''} "
                                         "is not in plover.yml")


@lru_cache(maxsize=8)
def load_patterns(patterns: str = DEFAULT_PATTERNS) -> tuple[dict[str, list[Pattern]], dict[str, list[Pattern]],
                                                             dict, frozenset, dict[str, dict[str, str]]]:
    data = load_pattern_data(patterns)
    by_verb: dict[str, list[Pattern]] = {}
    by_noun: dict[str, list[Pattern]] = {}
    for order, item in enumerate(data["patterns"]):
        targets = item["target"]
        pattern = Pattern(
            code=str(item["code"]).strip(),
            verbs=frozenset(_words(item.get("verbs"))),
            nouns=frozenset(_words(item.get("nouns"))),
            particles=frozenset(_words(item.get("particles"))),
            object_nouns=frozenset(_words(item.get("object_nouns"))),
            exclude_object_nouns=frozenset(_words(item.get("exclude_object_nouns"))),
            xcomp=frozenset(_words(item.get("xcomp"))),
            cue_words=frozenset(_words(item.get("cue_words"))),
            targets=tuple(_words(targets)),
            order=order,
            intransitive=bool(item.get("intransitive")),
            subject_nouns=frozenset(_words(item.get("subject_nouns"))),
        )
        for verb in pattern.verbs:
            by_verb.setdefault(verb, []).append(pattern)
        for noun in pattern.nouns:  # "peace talks" is found at its head, "talks"
            by_noun.setdefault(noun.split()[-1], []).append(pattern)
    return (by_verb, by_noun, data.get("modality") or {}, frozenset(_words(data.get("light_verbs"))),
            {name: {str(k): str(v) for k, v in (table or {}).items()}
             for name, table in (data.get("complement_maps") or {}).items()})


def _words(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        value = [value]
    return [str(v).lower().strip() for v in value if str(v).strip()]


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
        self.partitives = frozenset(_words(data.get("partitive_nouns")))
        self.request_cues = {name: frozenset(_words(words)) for name, words in (data.get("request_cues") or {}).items()}
        self.threat_cues = frozenset(_words(data.get("threat_cues")))
        self.words = {role: frozenset(_words(found)) for role, found in data["words"].items()}
        # a class shared with other stages (data/english.yml)
        self.words["place_prepositions"] = english().prepositions["place"]
        self.cue_matcher = _cue_matcher(nlp.vocab, modality, frozenset(_words(data.get("cue_function_words"))))

    def __call__(self, doc: Doc) -> Doc:
        extraction = _Extraction(self, doc)
        doc._.communique_events = [EventMention(**found) for found in extraction.events()]
        doc._.communique_event_actors = extraction.candidates
        return doc


class _Extraction:
    """One document's events: the Doc, its actors and statements, and what this run
    adds (countries met as places, the asking verbs folded into what they ask for)."""

    def __init__(self, rules: Events, doc: Doc):
        self.rules = rules
        self.doc = doc
        self.owner = _mention_owner(all_mentions(doc))
        self.actors = {a.key: a for a in all_actors(doc)}
        self.candidates: list[Actor] = []  # countries named only as a place, for doc._.communique_event_actors
        self.statements = doc._.communique_statements or []
        self.editorial = [s["span"] for s in voiced_segments(doc) if s["voice"] == "editorial"]
        self.requesting: set[int] = set()
        self.cues = _cue_tokens(rules.cue_matcher, doc)  # modality -> the tokens of its cue phrases

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

    # ------------------------------------------------------------- actors
    def _actors_in(self, token: Token, exclude: set[str] = frozenset()) -> list[str]:
        """Actor keys mentioned in ``token``'s subtree, in text order, once each."""
        keys: list[str] = []
        for t in token.subtree:
            key = self.owner.get(t.i)
            if key and key not in exclude and key not in keys:
                keys.append(key)
        return keys

    def _heads(self, token: Token) -> list[str]:
        """The actors a (possibly coordinated) phrase names: its head and its conjuncts;
        for a head that is no actor ("al-Qaeda's network"), the first coded actor inside."""
        keys = []
        for head in [token, *token.conjuncts]:
            inside = self._actors_in(head)
            coded = [k for k in inside if k in self.actors and self.actors[k].code]
            key = self.owner.get(head.i) or next(iter(coded or inside), None)
            if key and key not in keys:
                keys.append(key)
        return keys

    def _subjects(self, verb: Token) -> list[str]:
        node = verb
        for _ in range(8):
            agents = [g for c in children_with(node, ("agent",)) for g in children_with(c, ("pobj",))]
            if agents:  # "was attacked by militiamen": the agent acts
                return self._heads(agents[0])
            subject = first_subject(node)
            if subject is not None:
                return [] if subject.dep_ == "nsubjpass" and node is verb else self._heads(subject)
            if node.dep_ == "acl" and node.head.dep_ == "dobj" and node.head.head.pos_ == "VERB":
                node = node.head.head  # "issued a declaration demanding ...": the issuer demands
                continue
            if node.dep_ in CLIMB_DEPS and node.head.i != node.i:
                if node.dep_ == "advcl" and node.head.dep_ == "ccomp" and self._statement_of(verb) is None:
                    node = node.head.head  # ", agreeing to ..." after a report belongs to the reporter
                    continue
                node = node.head
                continue
            break
        return []

    def _target(self, trigger: Token, pattern: Pattern, exclude: set[str], fallback: bool = True) -> list[str]:
        """The target where the pattern says (tried in order), else any actor among the
        trigger's objects. "between" targets are handled by the caller."""
        children = list(trigger.children)
        for rule in pattern.targets:
            if rule == "none":
                return []
            if rule == "place":
                place = self._place_country(trigger, exclude)
                if place:
                    return [place]
                continue
            if rule.startswith("pobj:"):
                preps = set(rule[5:].split("|"))
                # on the trigger, or on its object ("lift [the curfew on Palestinians]")
                attached = children + [g for c in children if c.dep_ == "dobj" for g in c.children]
                for prep in (c for c in attached if c.dep_ in ("prep", "dative", "prt") and c.lower_ in preps):
                    for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                        keys = [k for k in self._heads(pobj) if k not in exclude] or self._actors_in(pobj, exclude)[:1]
                        if keys:
                            return keys
            elif rule == "dobj":
                # the object, else the subject of a that-clause ("demanded that the US cancel ...")
                clause_subjects = [g for c in children_with(trigger, ("ccomp",)) for g in subjects(c)]
                for obj in [c for c in children if c.dep_ in ("dobj", "dative", "attr", "nsubjpass")] + clause_subjects:
                    heads = [k for k in self._heads(obj) if k not in exclude]
                    keys = heads if len(heads) > 1 else self._other_country(self._actors_in(obj, exclude), exclude)[:1]
                    if keys:
                        return keys
        for child in (c for c in children if fallback and c.dep_ in ("dobj", "dative", "prep", "prt", "xcomp")):
            keys = self._other_country(self._actors_in(child, exclude), exclude)
            if keys:
                return keys[:1]
        return []

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

    def _uncoded(self, key: str) -> bool:
        """A group or body we cannot code ("members of MASSOB"); a named person stays a target."""
        actor = self.actors.get(key)
        return actor is None or (actor.kind != "person" and not (actor.code or actor.country))

    def _other_country(self, keys: list[str], exclude: set[str]) -> list[str]:
        """Prefer an actor of another country than the source ("Russia-China cooperation" for Russia -> China)."""
        countries = {self.actors[k].country for k in exclude if k in self.actors}
        return [k for k in keys if self.actors.get(k) and self.actors[k].country not in countries] or keys

    # ------------------------------------------------------------- events
    def _verb_event(self, verb: Token, pattern: Pattern) -> list[dict]:
        demand = self._demanded(verb, pattern)
        if demand:
            return demand
        requested = self._requested(verb, pattern)
        if requested is not None:
            return requested
        sources = self._subjects(verb)
        subject = clause_subject(verb, SUBJECTS_AND_AGENT, links=CLIMB_DEPS, limit=7)
        # an unresolved "it"/"he", or no subject at all on a clause's verb; a participle
        # modifying a noun ("aliens ordered out of Nigeria") is no act of the speaker's
        unresolved = (subject is None and verb.dep_ not in ("acl", "relcl", "amod")) \
            or (subject is not None and subject.lower_ in self.rules.words["unresolved_pronouns"])
        sources, reciprocal_targets = self._speaker_as_source(verb, sources, fill_empty=unresolved)
        if not sources and pattern.code[:2] in self.rules.unattributed_violence_roots:
            # "soldiers were killed by a roadside bomb outside Basra": the attack is the place's
            place = self._place_country(verb)
            sources = [place] if place else []
        targets = self._target(verb, pattern, set(sources)) or reciprocal_targets
        return self._pairs(verb, pattern, sources, targets, evidence=self._clause(verb))

    def _noun_event(self, noun: Token, pattern: Pattern) -> list[dict]:
        between = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in self.rules.words["between_prepositions"]
                   for g in c.children if g.dep_ == "pobj"]
        if between:
            parties = self._heads(between[0])
            if len(parties) >= 2:
                return self._pairs(noun, pattern, parties, [], evidence=self._span_of(noun))
        owner = [c for c in noun.children if c.dep_ == "poss"]
        staged = False  # "students staged demonstrations": a source acting through a light verb
        if owner:
            sources = self._heads(owner[0])
            evidence = self._span_of(noun)
        elif noun.dep_ in ("dobj", "nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX") \
                and (noun.dep_ != "dobj" or _verb_key(noun.head, self.rules.light_verbs) is not None):
            sources = self._subjects(noun.head) if noun.dep_ == "dobj" else []
            staged = noun.dep_ == "dobj"
            evidence = self._clause(noun.head)
        else:
            sources, evidence = [], self._span_of(noun)
        sources, reciprocal_targets = self._speaker_as_source(noun, sources)
        targets = self._target(noun, pattern, set(sources), fallback=False) or reciprocal_targets
        # "the war in Ukraine", "his visit": no dyad; a staged act may still fall on the home country
        if not sources or (not targets and len(sources) < 2 and not staged):
            return []
        return self._pairs(noun, pattern, sources, targets, evidence=evidence)

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
        return [{"code": code, "source": speaker.key, "target": target, "modality": "asserted", "trigger": verb.i,
                 "evidence": self._clause(verb)} for target in demanded if target != speaker.key]

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
                 "evidence": self._clause(cue)} for a in sources for b in targets if a != b]

    def _speaker_as_source(self, trigger: Token, sources: list[str], fill_empty: bool = False) -> tuple[list[str], list[str]]:
        """Inside a statement, the speaker stands for its own country or "we"."""
        statement = self._statement_of(trigger)
        if statement is None or not statement.speaker:
            return sources, []
        speaker = self.actors.get(statement.speaker)
        if speaker is None:
            return sources, []
        if not sources and fill_empty:  # "Iraq said it would allow ...": the unresolved "it" is the speaker
            return [speaker.key], []
        mine = [k for k in sources if k in self.actors and self.actors[k].kind == "country"
                and self.actors[k].country == speaker.country]
        if not mine:
            return sources, []
        others = [k for k in sources if k not in mine]
        return [speaker.key], others

    def _statement_of(self, token: Token) -> StatementMention | None:
        holding = [s for s in self.statements if s.content[0] <= token.i < s.content[1]]
        return min(holding, key=lambda s: s.content[1] - s.content[0]) if holding else None

    def _pairs(self, trigger: Token, pattern: Pattern, sources: list[str], targets: list[str],
               evidence: tuple[int, int]) -> list[dict]:
        if not sources:  # who acted is unknown: no event to count ("the ministers discussed ...")
            return []
        # "..., killing 50": a participle continuing an act names its toll, not a new domestic act
        participle = trigger.head if trigger.dep_ == "conj" else trigger  # "killing or wounding 50"
        continuing = participle.dep_ == "advcl" and participle.tag_ == "VBG" and not subjects(participle)
        if targets and len(sources) == 1 and all(self._uncoded(k) for k in targets) and not continuing \
                and pattern.code[:2] in self.rules.home_target_roots:
            targets = []  # "jailed members of MASSOB": a domestic act on someone we cannot code
        home = not targets and len(sources) == 1 and pattern.code[:2] in self.rules.home_target_roots and not continuing
        if home:
            targets = self._home_target(trigger, sources[0])
        if not targets and len(sources) < 2:  # a dyad needs two sides (or "A and B" acting together)
            return []
        pairs = []
        if sources and not targets and len(sources) >= 2:  # "A and B agreed": both directions
            pairs = [(a, b) for a in sources for b in sources if a != b]
        else:
            # a domestic act may fall on the acting country itself ("Chileans demonstrated": CHL -> CHL)
            pairs = [(a, b) for a in (sources or [None]) for b in (targets or [None]) if a != b or home]
        modality = self._modality(trigger, pattern.code)
        code = self._recode(pattern.code, modality, trigger)
        return [{"code": code, "source": a, "target": b, "modality": modality, "trigger": trigger.i,
                 "evidence": evidence} for a, b in pairs]

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
        return any(s <= token.idx < e for s, e in self.editorial)

    def _clause(self, verb: Token) -> tuple[int, int]:
        """The trigger's clause as evidence; a verb inside a prepositional phrase ("play a
        role in resolving ...") takes the clause of the verb above it."""
        while verb.dep_ in ("pcomp", "pobj") and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "NOUN"):
            verb = verb.head.head
            if verb.pos_ == "NOUN" and verb.head.pos_ == "VERB":
                verb = verb.head
        sent = verb.sent
        tokens = [t.i for t in verb.subtree if sent.start <= t.i < sent.end]
        start = min([verb.i] + [phrase(s)[0] for s in subjects(verb, SUBJECTS_AND_AGENT)])
        start = max(start, min(tokens))
        end = min(max(tokens) + 1, max(verb.i + 1, start + EVIDENCE_MAX_TOKENS))
        return self._trim(start, end)

    def _span_of(self, noun: Token) -> tuple[int, int]:
        start, end = phrase(noun)
        return self._trim(start, min(end, noun.i + EVIDENCE_MAX_TOKENS))

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        doc = self.doc
        while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
            start += 1
        return start, end


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


@dataclass(frozen=True)
class EventMention:
    """One event, in token offsets: the CAMEO ``code``, ``source`` and ``target`` actor
    keys, its ``modality``, the ``trigger`` token and the ``evidence`` clause (start, end)."""
    code: str
    source: str | None
    target: str | None
    modality: str
    trigger: int
    evidence: tuple[int, int]


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


def _mention_owner(mentions: list[tuple[int, int, str]]) -> dict[int, str]:
    """Token -> the actor key of the shortest mention covering it (the most specific)."""
    owner: dict[int, tuple[int, str]] = {}
    for start, end, key in mentions:
        for i in range(start, end):
            if i not in owner or end - start < owner[i][0]:
                owner[i] = (end - start, key)
    return {i: key for i, (_, key) in owner.items()}


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
