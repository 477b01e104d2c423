"""Who said what: statements with speaker, cue, content, and direct or not.

Per sentence, on the parse, with the cue lexicon in ``data/statements/cues.yml``:

1. *Indirect speech*: a speech verb with a complement clause. The content starts
   after its "that" ("told press after the call that ...") or is its clausal
   complement on the parse ("said Russia will ...", "..., the minister said", "As the
   Post reported, ..."); it runs to the end of the clause, where a chained claim
   ("announced that A and that B") starts a statement of its own, and a participle
   attached to the main clause (", agreeing to ..."), another verb of the speaker's
   ("denies that A and funds B") or the writer's trailing aside (", an apparent dig at
   ...") is cut off. "According to X, ..." makes X the speaker of the rest. A report
   inside what another reported ("she said voters think ...") is part of that one.
2. *Stances*: "Trump is expected to ...", "the deal appears to ..." (the clause, no
   speaker); "Trump's attacks on Clinton" (what follows the stance noun, for the
   possessor); and the object of a stance or speech verb with no clause ("endorsed
   Clinton", "asked the court to ...", "called for a ban"), ending before a
   non-restrictive modifier (", who ..."). A mere topic ("commented on the war"), a
   stance inside the writer's inference ("the call demonstrates that ... as both seek
   ...") and one already inside a statement are not statements.
3. *Direct speech*: each quotation (any marks, split around the cue, across
   sentences) governed by a cue verb ("praised cooperation that “...”") or standing
   in a sentence with one. A short quote inside a paraphrase is the writer's scare
   quote and stays in that paraphrase; a quote that is only part of the cue's
   object ('called the plan “a disaster”') makes the whole object an indirect
   content; a quotation alone right after a statement continues the same speaker.
4. *Speaker*: the subject of the cue, climbing "went on to say" / "and added" / "by
   saying" / "quick to point out" to the verb that has one (a participle the parse
   hangs on the reported clause, "said A, going as far as to say B", is the
   reporter's), resolved through the actors' mentions (so "He" is the actor the
   pronoun refers to, and "who" in "voters who said" becomes a mention of the
   voters). A subject no dictionary knows becomes an actor of its own with a null
   code ("officials", "those surveyed"); "I" outside quotation marks is the writer.
   A paraphrase whose speaker is an unresolved pronoun is left out.

Config: ``cues``, the cue lexicon file (default ``"statements/cues.yml"``), and
``voice_lexicon``, the voice lexicon whose stretches are trimmed off contents and whose
inference verbs mark the writer's inference (default ``"voice/lexicon.yml"``; give it
the same file as ``communique_voice``'s ``lexicon``). Each is a shipped relative name
or a path to a user's own copy, ``nlp.add_pipe("communique_statements",
config={"cues": "my_cues.yml"})``, checked when the component is made (C205 naming the
file on a missing, unknown or mistyped key; :data:`CUES_SCHEMA`) and loaded once per
file (:func:`load_cues`).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..english import english
from ..resources import Schema, load_data
from .actor_view import all_actors, all_mentions
from .actors import Actor
from .quotes import quote_spans, quoted_tokens
from .parse import ACTIVE_SUBJECTS, first_subject, subjects
from .voice import DEFAULT_LEXICON as DEFAULT_VOICE_LEXICON
from .voice import editorial_stretches, inference_verbs, load_lexicon

if not Doc.has_extension("communique_statements"):
    Doc.set_extension("communique_statements", default=None)

FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
CLIMB_DEPS = {"xcomp", "conj", "advcl", "dep"}
SPEAKER_ASIDE_DEPS = {"relcl", "acl"}  # "PACs supporting Cruz", "voters who back Trump": not the speaker
OBJECT_DEPS = {"dobj", "xcomp", "dative", "oprd", "ccomp", "attr"}
BRIDGE_DEPS = {"pcomp", "xcomp"}  # through a preposition or an adjective to the verb with the subject
TRIM_START_POS = {"DET", "ADV", "ADJ", "ADP", "SCONJ"}
MAX_SPEAKER_WORDS = 10
SPLIT_QUOTE_GAP_TOKENS = 16  # '"A," said Jane Doe, the party's chairwoman. "B."' is one quotation

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


class Statements:
    """The component: holds only the cue lexicon and the voice lexicon it was made with."""

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

    def __call__(self, doc: Doc) -> Doc:
        doc._.communique_statements, doc._.communique_statement_actors = _Reading(self, doc).run()
        return doc


@dataclass(frozen=True)
class StatementMention:
    """One statement, in token offsets: ``span`` the whole statement, ``content`` what
    was said, ``cue`` the cue's text and ``cue_i`` its token, ``speaker`` an actor key
    (or None: a passive or raising cue that names nobody, or a quotation without one)."""
    speaker: str | None
    cue: str
    content: tuple[int, int]
    direct: bool
    span: tuple[int, int]
    cue_i: int | None = None

    @classmethod
    def of(cls, found: dict) -> "StatementMention":
        """From the working dict the rules build and refine."""
        return cls(speaker=found["speaker"], cue=found["cue"], content=tuple(found["content"]),
                   direct=found["direct"], span=tuple(found["span"]), cue_i=found.get("cue_i"))


class _Reading:
    """One document's reading: the Doc and what is looked up on it, kept off the
    component (which holds only the cue lexicon)."""

    def __init__(self, cues: Statements, doc: Doc):
        self.cues = cues
        self.doc = doc
        self.owner = mention_owner(doc)
        self.quoted = quoted_tokens(doc)
        stretches = editorial_stretches(doc, cues.voice_lexicon)
        self.trims = [(s, e) for s, e, reason in stretches if reason in ("evaluative", "hedge")]
        # Token positions looked up per cue: scanning the sentence for them each time made a
        # long sentence with many cues ("he said " x 5,000) quadratic.
        self.commas = [t.i for t in doc if t.text == ","]
        self.thats = [t.i for t in doc if t.lower_ == "that"]
        self.speech_verbs: dict[int, list[Token]] = {}  # sentence start -> its speech verbs
        self.sentences = list(doc.sents)  # Token.sent walks its whole sentence on every call
        self.sentence_starts = [sent.start for sent in self.sentences]
        self.known = {a.key: a for a in all_actors(doc)}
        self.candidates: dict[str, Actor] = {}  # new speakers, and new mentions of known actors

    def run(self) -> tuple[list[StatementMention], list[Actor]]:
        """The statements (token spans: content, span, cue_i), and the candidate actors
        they found."""
        doc = self.doc
        statements: list[dict] = []
        object_cues: list[Token] = []
        lemma_kinds, lower_kinds = self.cues.lemma_kinds, self.cues.lower_kinds
        for sent in doc.sents:
            found: dict[str, list[Token]] = {}
            for token in sent:
                for kind in lemma_kinds.get(token.lemma, ()) + lower_kinds.get(token.lower, ()):
                    found.setdefault(kind, []).append(token)
            if not found:
                continue
            object_cues.extend(found.get("object", ()))
            statements.extend(self._indirect(sent, found.get("speech", ())))
            statements.extend(self._noun_reports(sent, found.get("noun", ())))
            statements.extend(self._noun_stances(found.get("stance_noun", ())))
            statements.extend(self._according_to(sent, found.get("according", ())))
            statements.extend(self._passive(sent, found.get("passive", ())))
        statements = _outermost(statements)
        statements.extend(self._direct(statements))
        statements.extend(self._objects(statements, object_cues))
        # A paraphrase whose speaker could not be found ("he said ..." with no antecedent)
        # says nothing of who said it; a quotation, or a passive that names nobody, stays.
        statements = [s for s in statements if s["speaker"] is not None or s["direct"] or s.get("unattributed")]
        statements.sort(key=lambda s: s["content"])
        return [StatementMention.of(s) for s in statements], list(self.candidates.values())

    # -------------------------------------------------------------- indirect
    def _indirect(self, sent: Span, cues) -> list[dict]:
        out = []
        for cue in cues:
            if not self._is_cue(cue) or cue.pos_ not in ("VERB", "AUX") or cue.i in self.quoted:
                continue
            if any(c.dep_ == "auxpass" for c in cue.children):  # "she is assured of ...", "it was reported"
                continue
            content = self._complement(cue, sent)
            if content is None:
                continue
            for start, end in self._claims(content):
                out.append(self._statement(cue, start, end, direct=False))
        return out

    def _is_cue(self, verb: Token) -> bool:
        if verb.lemma_ in self.cues.speech:
            return True
        if verb.lemma_ in self.cues.evidence:
            subject = first_subject(verb, ACTIVE_SUBJECTS)
            return subject is not None and subject.lemma_.lower() in self.cues.evidence_subjects
        return False

    def _complement(self, cue: Token, sent: Span) -> tuple[int, int] | None:
        doc = self.doc
        that = self._that_after(cue, sent)
        if that is not None and self._relative(doc[that]):  # "pointed to tools that have ...": the tools
            antecedent = doc[that].head.head
            if self._object_of(antecedent, cue):
                return self._clause_to_end(antecedent.left_edge.i, sent, cue)
        elif that is not None:
            return self._clause_to_end(that + 1, sent, cue)
        clauses = [c for c in cue.children if c.dep_ == "ccomp"]
        if clauses:
            clause = clauses[0]
            start, end = clause.left_edge.i, clause.right_edge.i + 1
            if start < cue.i < end:  # "which she said “opens ...”": the clause after the cue
                start = cue.i + 1
            while start < end and (doc[start].dep_ == "mark" or doc[start].is_punct or doc[start].is_space):
                start += 1
            if start >= cue.i:
                return self._clause_to_end(start, sent, cue, limit=end)
            while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            return (start, end) if end - start >= 2 else None
        if cue.dep_ == "parataxis" and cue.head.i not in self.quoted or self._reporting_clause(cue, sent):
            inner = {t.i for t in cue.subtree}  # "The deal, he said, is done."
            tokens = [t.i for t in sent if t.i not in inner and not t.is_punct and not t.is_space]
            return (tokens[0], tokens[-1] + 1) if len(tokens) >= 2 else None
        return None

    def _reporting_clause(self, cue: Token, sent: Span) -> bool:
        """A cue whose own clause only reports the rest of the sentence: "As the Post
        reported, ..." or a closing "..., she said." the parse hung on the main verb."""
        if cue.dep_ != "advcl" or cue.head.i in self.quoted or cue.tag_ not in FINITE_TAGS:
            return False
        if not subjects(cue, ACTIVE_SUBJECTS):
            return False
        if any(c.dep_ in ("dobj", "xcomp", "advcl", "attr") for c in cue.children):
            return False
        marks = [c.lower_ for c in cue.children if c.dep_ == "mark"]
        if marks:
            return marks == ["as"]
        doc, right = self.doc, cue.right_edge.i + 1
        closing = all(t.is_punct or t.is_space for t in doc[right:sent.end])
        return closing and cue.left_edge.i > sent.start and doc[cue.left_edge.i - 1].text == ","

    @staticmethod
    def _relative(that: Token) -> bool:
        """A "that" that is the subject of a relative clause ("a policy that could ..."), not
        a complementizer ("predicted at the debate that Republicans will ...")."""
        return that.dep_ in ("nsubj", "nsubjpass") and that.head.dep_ == "relcl"

    def _that_after(self, cue: Token, sent: Span) -> int | None:
        """The "that" opening the cue's clause, when no finite verb comes between."""
        for token in self.doc[cue.i + 1:min(sent.end, cue.i + 12)]:
            if token.lower_ == "that" and token.i + 1 < sent.end:
                return token.i
            if token.tag_ in FINITE_TAGS or token.text in (".", ";", ":") or token.i in self.quoted:
                return None
        return None

    def _clause_to_end(self, start: int, sent: Span, cue: Token, limit: int | None = None) -> tuple[int, int] | None:
        """From ``start`` to the clause's end: the sentence end, cut at a participle
        of the main clause or the writer's trailing aside."""
        doc = self.doc
        end = sent.end if limit is None else max(limit, start)
        end = sent.end if limit is not None and limit < sent.end and self._runs_on(limit, sent) else end
        for comma in _between(self.commas, start, end):
            if comma + 1 < end:
                nxt = doc[comma + 1]
                if nxt.tag_ == "VBG" and (nxt.head.i < start or self._reports(nxt)):
                    end = comma
                    break
        for other in cue.children:  # "said that A, but in a later interview said B": B is another report
            if other.dep_ == "conj" and other.pos_ in ("VERB", "AUX") and start < other.i < end:
                end = min(end, other.left_edge.i)
                while end > start and doc[end - 1].lower_ in self.cues.report_joiners:
                    end -= 1
        for trim_start, trim_end in self.trims:
            if start < trim_start < end and trim_end >= end - 1 and doc[trim_start].pos_ in TRIM_START_POS:
                end = trim_start
        while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in self.cues.content_closing_marks or doc[end - 1].is_space
                               or doc[end - 1].text == ","):
            end -= 1
        return (start, end) if end - start >= 2 else None

    def _reports(self, token: Token) -> bool:
        """A participle that opens a new report (", going as far as to say that ...")."""
        return any(t.lemma_ in self.cues.speech and t.pos_ in ("VERB", "AUX")
                   for t in token.subtree)

    def _runs_on(self, limit: int, sent: Span) -> bool:
        """After the parsed clause, ", but it will ..." still belongs to the claim."""
        doc = self.doc
        return limit + 1 < sent.end and doc[limit].text == "," and doc[limit + 1].lower_ in self.cues.run_on_joiners

    def _claims(self, content: tuple[int, int]) -> list[tuple[int, int]]:
        """One claim per "that": "A and that B" -> A, B."""
        doc, (start, end) = self.doc, content
        cuts = [i for i in _between(self.thats, start, end)
                if i - 1 >= start and doc[i - 1].lower_ in self.cues.claim_joiners
                and doc[i].dep_ == "mark"]  # not "and that will continue ...": there "that" is a pronoun
        pieces, cursor = [], start
        for cut in cuts:
            left_end = cut - 1
            while left_end > cursor and doc[left_end - 1].text == ",":
                left_end -= 1
            pieces.append((cursor, left_end))
            cursor = cut + 1
        pieces.append((cursor, end))
        return [(s, e) for s, e in pieces if e - s >= 2]

    # -------------------------------------------------------------- passive cues
    def _passive(self, sent: Span, cues) -> list[dict]:
        """"Trump is expected to visit ...": the whole clause, subject and all, is what is
        expected; "It was reported that ...": the that-clause. The speaker is the "by"
        agent, or none."""
        doc, out = self.doc, []
        for cue in cues:
            if cue.pos_ != "VERB" or cue.i in self.quoted:
                continue
            raising = cue.lemma_ in self.cues.raising  # "Trump seems to ...": nobody named holds the view
            if not raising and not any(c.dep_ == "auxpass" for c in cue.children):
                continue
            subject = first_subject(cue, ("nsubj",) if raising else ("nsubjpass",))
            agent = next((c for c in cue.children if c.dep_ == "agent"), None)
            source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if subject is None:
                continue
            if subject.lower_ in self.cues.expletives:
                that = self._that_after(cue, sent)
                content = self._clause_to_end(that + 1, sent, cue) if that is not None else None
            else:
                clause = next((c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i), None)
                if clause is None:
                    continue
                start, end = subject.left_edge.i, clause.right_edge.i + 1
                while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                    end -= 1
                content = (start, end) if end - start >= 3 else None
            if content is None:
                continue
            statement = self._statement(cue, *content, direct=False, subject=source)
            if source is None:
                statement["speaker"] = None
                statement["unattributed"] = True  # nobody is named by design
            out.append(statement)
        return out

    # -------------------------------------------------------------- noun cues
    def _noun_reports(self, sent: Span, nouns) -> list[dict]:
        """"Putin's claim that ...", "the minister's warning that ...": the clause after the
        noun's "that"; the speaker is its possessor, or the subject of the verb it is the
        object of ("X repeated the claim that ...")."""
        out = []
        for noun in nouns:
            if noun.pos_ != "NOUN" or noun.i in self.quoted:
                continue
            that = noun.i + 1
            if that >= sent.end - 2 or self.doc[that].lower_ != "that":
                continue
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if owner is None and noun.dep_ == "dobj":
                owner = self._subject(noun.head)
            if owner is None:
                continue
            content = self._clause_to_end(that + 1, sent, noun)
            if content is not None:
                out.append(self._statement(noun, *content, direct=False, subject=owner))
        return out

    def _noun_stances(self, nouns) -> list[dict]:
        """"Trump's attacks on Clinton", "her support for the plan": what the stance is about,
        for the possessor."""
        doc, out = self.doc, []
        for noun in nouns:
            if noun.pos_ != "NOUN" or noun.i in self.quoted:
                continue
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            prep = next((c for c in noun.children if c.dep_ == "prep" and c.i > noun.i
                         and c.lower_ in self.cues.stance_prepositions), None)
            if owner is None or prep is None or not any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
                continue
            start, end = prep.i + 1, prep.right_edge.i + 1
            while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            if end > start and not any(start <= i < end for i in self.quoted):
                out.append(self._statement(noun, start, end, direct=False, subject=owner))
        return out

    # -------------------------------------------------------------- object cues
    def _objects(self, found: list[dict], cues: list[Token]) -> list[dict]:
        """'He criticized Clinton's track record': the object as content, for a known speaker."""
        doc, out = self.doc, []
        taken = {s["cue_i"] for s in found}
        taken |= {i for s in found for i in range(*s["content"])}  # "said he would defend X": X is inside what he said
        for cue in cues:
            if cue.pos_ != "VERB" or cue.i in taken or cue.i in self.quoted:
                continue
            if any(c.dep_ in ("auxpass", "ccomp") for c in cue.children):
                continue
            objects = [c for c in cue.children if c.i > cue.i and (c.dep_ in ("dobj", "xcomp", "dative")
                                                                   or self._prepositional_object(c))]
            if not objects:
                continue
            prepositional = all(o.dep_ == "prep" for o in objects)
            if prepositional and cue.lemma_ not in self.cues.stance_cues \
                    and all(o.lower_ in self.cues.topic_prepositions for o in objects):
                continue  # "commented on the war": the topic, not what was said
            if prepositional and cue.tag_ == "VBG" and cue.head.i in taken:
                continue  # "said that A, agreeing to B": hung on the report, whose act it is is unclear
            if self._inferred(cue):
                continue
            start = min(o.left_edge.i for o in objects)
            end = max(o.right_edge.i for o in objects) + 1
            if any(i in taken for i in range(start, end)):  # a quotation already stated
                continue
            end = self._before_aside(start, end)
            while end > start and (doc[end - 1].is_punct and not doc[end - 1].is_quote or doc[end - 1].is_space):
                end -= 1
            end = self._closing_mark(start, end)
            subject = self._subject(cue)
            if end - start < 1 or not any(t.is_alpha and not t.is_stop for t in doc[start:end]):
                continue
            if subject is None or subject.pos_ == "PRON" and subject.i not in self.owner:
                continue
            if subject.i not in self.owner and subject.pos_ not in ("PROPN", "NOUN"):
                continue
            out.append(self._statement(cue, start, end, direct=False))
        return out

    def _inferred(self, cue: Token) -> bool:
        """A cue inside the writer's inference ("The call demonstrates that ... as both
        countries seek to ..."): the writer's reading, not a report."""
        root = cue.sent.root
        if root.i == cue.i or root.i in self.quoted or root.lemma_ not in self.cues.inference:
            return False
        if any(t.i in self.owner or t.lower_ in self.cues.personal for c in subjects(root) for t in c.subtree):
            return False  # "Lawyers for the family argue ...": somebody's inference, a report
        return any(c.dep_ == "ccomp" and c.left_edge.i <= cue.i <= c.right_edge.i for c in root.children)

    # -------------------------------------------------------------- according to
    def _according_to(self, sent: Span, firsts) -> list[dict]:
        doc, out = self.doc, []
        for first in firsts:
            for phrase in self.cues.according:
                if first.i + len(phrase) > sent.end or first.lower_ != phrase[0] \
                        or any(doc[first.i + j].lower_ != word for j, word in enumerate(phrase[1:], 1)):
                    continue
                cue_start = first.i
                obj = doc[cue_start + len(phrase) - 1]
                objects = [c for c in obj.children if c.dep_ == "pobj"]
                if not objects:
                    continue
                source = objects[0]
                inner = set(range(cue_start, source.right_edge.i + 1))
                rest = [t.i for t in sent if t.i not in inner and not t.is_punct and not t.is_space]
                if len(rest) < 3:
                    continue
                out.append(self._statement(doc[cue_start], rest[0], rest[-1] + 1, direct=False,
                                           cue_text=" ".join(phrase), subject=source))
        return out

    # -------------------------------------------------------------- direct
    def _direct(self, indirect: list[dict]) -> list[dict]:
        doc, out = self.doc, []
        groups = self._quote_groups()
        for start, end, cue in groups:
            words = [t for t in doc[start:end] if not t.is_punct and not t.is_space]
            if not words:
                continue
            # A paraphrase found inside a longer quotation is that quotation: keep the direct one.
            inside = [s for s in indirect if _overlap(s["content"], (start, end)) >= 0.5
                      and _overlap((start, end), s["content"]) < 0.5]
            for statement in inside:
                indirect.remove(statement)
                cue = cue or doc[statement["cue_i"]]
            if any(_overlap((start, end), s["content"]) >= 0.5 for s in indirect):
                _mark_direct_if_quoted(indirect, (start, end), self.quoted)
                continue
            if cue is None:
                cue = self._governing_cue(start, end)
            if cue is None:
                previous = out[-1] if out else None
                if previous and len(words) > self.cues.scare_max and self._adjacent(previous, start):
                    out.append({**previous, "content": (start, end), "span": (start, end), "direct": True})
                continue
            if len(words) <= self.cues.scare_max and not self._governs(cue, start, end):
                continue
            phrase = self._object_phrase(cue, start, end)
            if phrase is not None:  # 'called the plan “a disaster”': the whole object, in the writer's words
                out.append(self._statement(cue, *phrase, direct=False))
                continue
            out.append(self._statement(cue, start, end, direct=True))
        return out

    def _prepositional_object(self, prep: Token) -> bool:
        """"called for a ban", not "in a statement" or "on Monday"."""
        if prep.dep_ != "prep" or prep.lower_ in self.cues.adverbial_prepositions:
            return False
        return not any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)

    def _object_phrase(self, cue: Token, start: int, end: int) -> tuple[int, int] | None:
        """The cue's object phrase around a quotation that is only part of it, or None."""
        doc = self.doc
        objects = [c for c in cue.children if c.i > cue.i and (c.dep_ in OBJECT_DEPS or self._prepositional_object(c))]
        if not objects:
            return None
        left, right = min(o.left_edge.i for o in objects), max(o.right_edge.i for o in objects) + 1
        if not (left <= start and end <= right):
            return None
        opener = doc[start - 2] if start >= 2 else None
        if opener is not None and opener.lower_ in self.cues.relative_pronouns:  # 'cooperation that “demonstrates ...”'
            return None
        if right == end and end < len(doc) and doc[end].is_quote:
            right = end + 1  # the closing mark
        outside = [t for t in doc[left:right] if not start - 1 <= t.i <= end and t.is_alpha]
        if len(outside) < 2:
            return None
        while right > left and (doc[right - 1].is_punct and not doc[right - 1].is_quote or doc[right - 1].is_space):
            right -= 1
        return left, self._closing_mark(left, right)

    def _before_aside(self, start: int, end: int) -> int:
        """An object ends before its non-restrictive modifier: "admired Pope Francis, who
        preaches ...", "voted for Ben Carson, a neurosurgeon ..."."""
        doc = self.doc
        for token in doc[start + 1:end - 1]:
            if token.text != "," or token.i in self.quoted:
                continue
            nxt = doc[token.i + 1]
            if nxt.lower_ in self.cues.aside_openers:
                return token.i
            for t in doc[token.i + 1:end]:
                if t.text == ",":
                    break
                if t.dep_ == "appos" and t.pos_ not in ("PROPN", "NUM") and t.head.i < token.i:
                    return token.i  # a description, not a list of names ("Trump, Carson, and Fiorina")
        return end

    def _closing_mark(self, start: int, end: int) -> int:
        """End extended over '.”' when the content opens a quotation it does not close."""
        doc = self.doc
        opened = sum(1 for t in doc[start:end] if t.text in self.cues.opening_marks)
        closed = sum(1 for t in doc[start:end] if t.text in self.cues.closing_marks)
        if opened > closed:
            for i in range(end, min(end + 2, len(doc))):
                if doc[i].text in self.cues.closing_marks:
                    return i + 1
                if not doc[i].is_punct:
                    break
        return end

    def _quote_groups(self) -> list[tuple[int, int, Token | None]]:
        """Quotations, a quote split around its cue ("“A,” he said, “B.”") joined into one."""
        doc, spans = self.doc, quote_spans(self.doc)
        groups, i = [], 0
        while i < len(spans):
            start, end = spans[i]
            cue = None
            if i + 1 < len(spans):
                gap = doc[end:spans[i + 1][0]]
                near = len(gap) <= SPLIT_QUOTE_GAP_TOKENS  # scan only a short gap
                cues = [t for t in gap if t.lemma_ in self.cues.speech and t.pos_ in ("VERB", "AUX")] if near else []
                if cues and "\n" not in gap.text:
                    groups.append((start, spans[i + 1][1], cues[0]))
                    i += 2
                    continue
            groups.append((start, end, cue))
            i += 1
        return groups

    def _governing_cue(self, start: int, end: int) -> Token | None:
        """The cue verb a quotation hangs from, else a speech verb in its sentence."""
        doc = self.doc
        node = doc[start]
        for token in doc[start:end]:  # the quote's own head, the token whose head is outside
            if not (start <= token.head.i < end):
                node = token
                break
        seen = 0
        while node.head.i != node.i and seen < 12:
            node = node.head
            seen += 1
            if not (start <= node.i < end) and (node.lemma_ in self.cues.speech or node.lemma_ in self.cues.quote_only) \
                    and node.pos_ in ("VERB", "AUX"):
                return node
        sent = self.sentences[bisect_right(self.sentence_starts, start) - 1]  # doc[start].sent, found faster
        if sent.start not in self.speech_verbs:  # once per sentence, not once per quotation in it
            self.speech_verbs[sent.start] = [t for t in sent if t.lemma_ in self.cues.speech and t.pos_ in ("VERB", "AUX")]
        candidates = [t for t in self.speech_verbs[sent.start] if not (start <= t.i < end) and t.i not in self.quoted]
        return min(candidates, key=lambda t: min(abs(t.i - start), abs(t.i - end))) if candidates else None

    def _governs(self, cue: Token, start: int, end: int) -> bool:
        """A short quote is a statement only as the cue's own object or complement."""
        return any(start <= c.i < end or (c.left_edge.i >= start - 1 and c.right_edge.i <= end)
                   for c in cue.children if c.dep_ in ("dobj", "ccomp", "attr", "oprd", "xcomp"))

    def _adjacent(self, previous: dict, start: int) -> bool:
        doc = self.doc
        prev_sent = doc[previous["content"][0]].sent
        this_sent = doc[start].sent
        return 0 <= this_sent.start - prev_sent.end <= 2 or this_sent == prev_sent

    # -------------------------------------------------------------- speaker
    def _statement(self, cue: Token, start: int, end: int, direct: bool, cue_text: str | None = None,
                   subject: Token | None = None) -> dict:
        relative = None
        if subject is None:
            subject, relative = self._subject_and_relative(cue)
        speaker = self._speaker_key(subject) if subject is not None else None
        if speaker is not None and relative is not None:  # "who" is a mention of the voters it stands for
            self._mention(speaker, relative.i, relative.i + 1)
        if cue_text is None:
            particle = self.cues.particles.get(cue.lemma_)
            following = self.doc[cue.i + 1] if cue.i + 1 < len(self.doc) else None
            cue_text = cue.text + (" " + following.text if particle and following is not None and following.lower_ == particle else "")
        bounds = [start, end, cue.i, cue.i + 1]
        if subject is not None:
            bounds += [subject.left_edge.i, subject.right_edge.i + 1]
        return {"speaker": speaker, "cue": cue_text, "content": (start, end), "direct": direct,
                "span": (min(bounds), max(bounds)), "cue_i": cue.i}

    def _subject(self, cue: Token) -> Token | None:
        return self._subject_and_relative(cue)[0]

    def _subject_and_relative(self, cue: Token) -> tuple[Token | None, Token | None]:
        """The cue's subject; and the relative pronoun standing for it ("voters who said")."""
        verb = cue
        for _ in range(6):
            subject = first_subject(verb)
            if subject is not None:
                if subject.lower_ in self.cues.relative_pronouns and verb.dep_ == "relcl":
                    return verb.head, subject  # "voters who said ...": the voters
                return (None if subject.lower_ in self.cues.expletives else subject), None
            head = verb.head
            if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "ccomp" \
                    and head.head.lemma_ in self.cues.speech and head.head.i not in self.quoted \
                    and self.doc[verb.i - 1].text == ",":
                verb = head.head  # "said A, agreeing to B": the parse hangs the participle on A; it is the speaker's
                continue
            if (verb.dep_ in CLIMB_DEPS or verb.pos_ == "ADV" and verb.dep_ == "advmod") and head.i != verb.i \
                    and head.pos_ in ("VERB", "AUX", "ADV"):
                verb = head  # through "going as far as to say": say <- far <- going
                continue
            if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
                return verb.head, None  # "super PACs supporting Cruz": the PACs
            bridge = verb.head  # "by saying", "before predicting", "quick to point out": the verb above
            if verb.dep_ in BRIDGE_DEPS and bridge.dep_ in ("prep", "acomp") and bridge.head.pos_ in ("VERB", "AUX"):
                verb = bridge.head
                continue
            break
        return self._name_beside(cue), None

    def _name_beside(self, cue: Token) -> Token | None:
        """A speaker the parse left unattached: '..., Ramos, 58, told' / 'said Ramos'."""
        doc = self.doc
        after = [t for t in doc[cue.i + 1:min(cue.sent.end, cue.i + 3)] if not self._object_of(t, cue)]
        window = list(doc[max(cue.sent.start, cue.i - 4):cue.i]) + after
        names = [t for t in window if t.ent_type_ == "PERSON" and t.i not in self.quoted]
        return min(names, key=lambda t: abs(t.i - cue.i)) if names else None

    @staticmethod
    def _object_of(token: Token, cue: Token) -> bool:
        """A token inside the cue's object or complement ("criticized Ramos"), not its subject."""
        node = token
        while node.head.i != node.i and node.head.i != cue.i:
            node = node.head
        return node.head.i == cue.i and node.dep_ in ("dobj", "ccomp", "xcomp", "prep", "dative", "attr", "oprd")

    def _speaker_key(self, subject: Token) -> str | None:
        aside = {t.i for c in subject.children if c.dep_ in SPEAKER_ASIDE_DEPS for t in c.subtree}
        for i in (subject.i, *(t.i for t in subject.subtree if t.i not in aside)):
            if i in self.owner:
                return self.owner[i]
        if subject.lower_ == "i" and subject.i not in self.quoted:  # outside quotation marks, "I" is the writer
            return self._writer(subject)
        if subject.pos_ == "PRON" and subject.lower_ in self.cues.personal:
            return None  # "he" that coreference left unresolved: no speaker rather than a wrong one
        return self._new_speaker(subject)

    def _new_speaker(self, subject: Token) -> str:
        """A candidate actor for a speaker no dictionary knows: its noun phrase, code null."""
        doc = self.doc
        start = subject.left_edge.i
        while start < subject.i and doc[start].pos_ == "DET":
            start += 1
        end = min(subject.right_edge.i + 1, start + MAX_SPEAKER_WORDS)
        relative = [c for c in subject.children if c.dep_ in ("relcl", "acl") and c.i > subject.i]
        if relative:
            end = min(end, relative[0].left_edge.i)
        end = max(end, subject.i + 1)
        text = doc[start:end].text.strip(" ,")
        kind = "person" if subject.ent_type_ == "PERSON" or subject.tag_ == "NNP" and subject.ent_type_ in ("", "PERSON") \
            else "group"
        key = "S:" + text.lower()
        if key not in self.candidates and key not in self.known:
            self.candidates[key] = Actor(key=key, name=text, code=None, country=None, kind=kind)
        self._mention(key, start, end)
        return key

    def _writer(self, pronoun: Token) -> str:
        """The article's writer, a candidate actor of its own, with this "I" as a mention."""
        key = "S:the writer"
        if key not in self.candidates and key not in self.known:
            self.candidates[key] = Actor(key=key, name="the writer", code=None, country=None, kind="person")
        self._mention(key, pronoun.i, pronoun.i + 1)
        return key

    def _mention(self, key: str, start: int, end: int) -> None:
        """Tokens start..end as one more mention of actor ``key``: on its candidate (a
        known actor's becomes a candidate with its key, which all_actors merges)."""
        actor = self.candidates.get(key)
        if actor is None:
            known = self.known.get(key)
            if known is None:
                return
            actor = self.candidates[key] = replace(known, mentions=[])
        if (start, end) in actor.mentions or key in self.known and (start, end) in self.known[key].mentions:
            return
        actor.mentions.append((start, end))
        for i in range(start, end):
            self.owner.setdefault(i, key)


def mention_owner(doc: Doc) -> dict[int, str]:
    """Token -> the actor key of the shortest mention covering it (the most specific)."""
    owner: dict[int, tuple[int, str]] = {}
    for start, end, key in all_mentions(doc):
        for i in range(start, end):
            if i not in owner or end - start < owner[i][0]:
                owner[i] = (end - start, key)
    return {i: key for i, (_, key) in owner.items()}


def _outermost(statements: list[dict]) -> list[dict]:
    """Drop a report made inside what another reported: in "she said they want X", "want X"
    is part of what she said, not a statement of its own. When two contain each other's
    cue ("A, said B" parsed both ways), the shorter content stays."""
    def inside(s: dict, host: dict) -> bool:
        return host is not s and host["content"][0] <= s["cue_i"] < host["content"][1]

    def length(s: dict) -> int:
        return s["content"][1] - s["content"][0]

    keep = []
    for s in statements:
        # Lazily: the first host that wins settles it (a list of every host made a chain of
        # reports in one long sentence quadratic).
        hosts = (h for h in statements if inside(s, h))
        if any(not inside(h, s) or length(h) < length(s) or length(h) == length(s) and h["cue_i"] < s["cue_i"]
               for h in hosts):
            continue
        keep.append(s)
    return keep


def _between(positions: list[int], start: int, end: int) -> list[int]:
    """The sorted ``positions`` in [start, end)."""
    return positions[bisect_left(positions, start):bisect_left(positions, end)]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Share of span a inside span b."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0])) / max(1, a[1] - a[0])


def _mark_direct_if_quoted(statements: list[dict], quote: tuple[int, int], quoted: set[int]) -> None:
    """An indirect content that is wholly a quotation is direct speech."""
    for statement in statements:
        start, end = statement["content"]
        if _overlap((start, end), quote) == 0:
            continue
        if all(i in quoted for i in range(start, end)) or (quote[0] <= start and end <= quote[1] + 1):
            statement["content"] = (max(start, quote[0]), min(end, quote[1]))
            statement["direct"] = True


@Language.factory("communique_statements",
                  assigns=["doc._.communique_statements", "doc._.communique_statement_actors"],
                  requires=["doc._.communique_actors", "doc._.communique_mentions", "token.dep", "token.lemma",
                            "token.tag", "token.ent_type", "token.is_sent_start"],
                  default_config={"cues": DEFAULT_CUES, "voice_lexicon": DEFAULT_VOICE_LEXICON})
def make_statements(nlp: Language, name: str, cues: str, voice_lexicon: str) -> Statements:
    """``cues``: the cue lexicon file; ``voice_lexicon``: the voice lexicon (each a
    shipped relative name or a user's path)."""
    return Statements(nlp, cues, voice_lexicon)
