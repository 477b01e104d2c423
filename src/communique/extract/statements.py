"""Who said what: statements with speaker, cue, content, and direct or not.

Per sentence, on the parse, with the cue lexicon in ``data/statements/cues.yml``:

1. *Indirect speech*: a speech verb with a complement clause. The content starts
   after its "that" ("told press after the call that ...") or is its clausal
   complement on the parse ("said Russia will ...", "..., the minister said"); it
   runs to the end of the clause, where a chained claim ("announced that A and that
   B") starts a statement of its own, and a participle attached to the main clause
   (", agreeing to ...") or the writer's trailing aside (", an apparent dig at ...")
   is cut off. "According to X, ..." makes X the speaker of the rest.
2. *Direct speech*: each quotation (any marks, split around the cue, across
   sentences) governed by a cue verb ("praised cooperation that “...”") or standing
   in a sentence with one. A short quote inside a paraphrase is the writer's scare
   quote and stays in that paraphrase; a quotation alone right after a statement
   continues the same speaker.
3. *Speaker*: the subject of the cue, climbing "went on to say" / "and added" to
   the verb that has one, resolved through the actors' mentions (so "He" is the
   actor the pronoun refers to). A subject no dictionary knows becomes an actor of
   its own with a null code ("officials", "the campaign").
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..resources import load_yaml
from .actors import Actor
from .quotes import quote_spans, quoted_tokens
from .voice import editorial_stretches

if not Doc.has_extension("communique_statements"):
    Doc.set_extension("communique_statements", default=None)

FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
CLIMB_DEPS = {"xcomp", "conj", "advcl", "dep"}
TRIM_START_POS = {"DET", "ADV", "ADJ", "ADP", "SCONJ"}
MAX_SPEAKER_WORDS = 10
RELATIVE_PRONOUNS = {"who", "which", "that"}
SPLIT_QUOTE_GAP_TOKENS = 16  # '"A," said Jane Doe, the party's chairwoman. "B."' is one quotation


class Statements:
    def __init__(self, nlp: Language):
        cues = load_yaml("statements/cues.yml")
        self.speech = set(cues["speech"])
        self.quote_only = set(cues["quote_only"])
        self.particles = cues.get("particles") or {}
        self.according = [tuple(p.split()) for p in cues["according_to"]]
        self.scare_max = int(cues["scare_quote_max_words"])
        self.object_cues = set(cues.get("object") or [])
        self.evidence = set(cues.get("evidence") or [])
        self.noun_cues = set(cues.get("nouns") or [])
        self.evidence_subjects = {w.split()[-1] for w in cues.get("evidence_subjects") or []}
        self.expletives = set(cues["expletives"])

    def __call__(self, doc: Doc) -> Doc:
        self.doc = doc
        self.owner = mention_owner(doc)
        self.quoted = quoted_tokens(doc)
        self.trims = [(s, e) for s, e, reason in editorial_stretches(doc) if reason in ("evaluative", "hedge")]
        statements: list[dict] = []
        for sent in doc.sents:
            statements.extend(self._indirect(sent))
            statements.extend(self._noun_reports(sent))
            statements.extend(self._according_to(sent))
        statements.extend(self._direct(statements))
        statements.extend(self._objects(statements))
        statements.sort(key=lambda s: s["content"])
        doc._.communique_statements = [self._to_chars(s) for s in statements]
        return doc

    # -------------------------------------------------------------- indirect
    def _indirect(self, sent: Span) -> list[dict]:
        out = []
        for cue in sent:
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
        if verb.lemma_ in self.speech:
            return True
        if verb.lemma_ in self.evidence:
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return subject is not None and subject.lemma_.lower() in self.evidence_subjects
        return False

    def _complement(self, cue: Token, sent: Span) -> tuple[int, int] | None:
        doc = self.doc
        that = self._that_after(cue, sent)
        if that is not None:
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
        if cue.dep_ == "parataxis" and cue.head.i not in self.quoted:  # "The deal, he said, is done."
            inner = {t.i for t in cue.subtree}
            tokens = [t.i for t in sent if t.i not in inner and not t.is_punct and not t.is_space]
            return (tokens[0], tokens[-1] + 1) if len(tokens) >= 2 else None
        return None

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
        for token in doc[start:end]:
            if token.text == "," and token.i + 1 < end:
                nxt = doc[token.i + 1]
                if nxt.tag_ == "VBG" and (nxt.head.i < start or self._reports(nxt)):
                    end = token.i
                    break
        for other in cue.children:  # "said that A, but in a later interview said B": B is another report
            if other.dep_ == "conj" and other.lemma_ in self.speech and start < other.i < end:
                end = min(end, other.left_edge.i)
                while end > start and doc[end - 1].lower_ in ("but", "and", "while", "then", ","):
                    end -= 1
        for trim_start, trim_end in self.trims:
            if start < trim_start < end and trim_end >= end - 1 and doc[trim_start].pos_ in TRIM_START_POS:
                end = trim_start
        while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in "”»\"’" or doc[end - 1].is_space
                               or doc[end - 1].text == ","):
            end -= 1
        return (start, end) if end - start >= 2 else None

    def _reports(self, token: Token) -> bool:
        """A participle that opens a new report (", going as far as to say that ...")."""
        return any(t.lemma_ in self.speech and t.pos_ in ("VERB", "AUX") for t in token.subtree)

    def _runs_on(self, limit: int, sent: Span) -> bool:
        """After the parsed clause, ", but it will ..." still belongs to the claim."""
        doc = self.doc
        return limit + 1 < sent.end and doc[limit].text == "," and doc[limit + 1].lower_ in ("but", "and", "although", "though")

    def _claims(self, content: tuple[int, int]) -> list[tuple[int, int]]:
        """One claim per "that": "A and that B" -> A, B."""
        doc, (start, end) = self.doc, content
        cuts = [t.i for t in doc[start:end]
                if t.lower_ == "that" and t.i - 1 >= start and doc[t.i - 1].lower_ in ("and", "but", "or")]
        pieces, cursor = [], start
        for cut in cuts:
            left_end = cut - 1
            while left_end > cursor and doc[left_end - 1].text == ",":
                left_end -= 1
            pieces.append((cursor, left_end))
            cursor = cut + 1
        pieces.append((cursor, end))
        return [(s, e) for s, e in pieces if e - s >= 2]

    # -------------------------------------------------------------- noun cues
    def _noun_reports(self, sent: Span) -> list[dict]:
        """"Putin's claim that ...", "the minister's warning that ...": the clause after the
        noun's "that"; the speaker is its possessor, or the subject of the verb it is the
        object of ("X repeated the claim that ...")."""
        out = []
        for noun in sent:
            if noun.pos_ != "NOUN" or noun.lower_ not in self.noun_cues or noun.i in self.quoted:
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

    # -------------------------------------------------------------- object cues
    def _objects(self, found: list[dict]) -> list[dict]:
        """'He criticized Clinton's track record': the object as content, for a known speaker."""
        doc, out = self.doc, []
        taken = {s["cue_i"] for s in found}
        for cue in doc:
            if cue.lemma_ not in self.object_cues or cue.pos_ != "VERB" or cue.i in taken or cue.i in self.quoted:
                continue
            if any(c.dep_ in ("auxpass", "ccomp") for c in cue.children):
                continue
            objects = [c for c in cue.children if c.dep_ in ("dobj", "xcomp", "prep", "dative") and c.i > cue.i]
            if not objects:
                continue
            start = min(o.left_edge.i for o in objects)
            end = max(o.right_edge.i for o in objects) + 1
            if any(start <= i < end for i in self.quoted):
                continue
            while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            subject = self._subject(cue)
            if end - start < 2 or subject is None or subject.pos_ == "PRON" and subject.i not in self.owner:
                continue
            if subject.i not in self.owner and subject.pos_ != "PROPN":
                continue
            out.append(self._statement(cue, start, end, direct=False))
        return out

    # -------------------------------------------------------------- according to
    def _according_to(self, sent: Span) -> list[dict]:
        doc, out = self.doc, []
        words = [t.lower_ for t in sent]
        for phrase in self.according:
            for k in range(len(words) - len(phrase) + 1):
                if tuple(words[k:k + len(phrase)]) != phrase:
                    continue
                cue_start = sent.start + k
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
                if previous and len(words) > self.scare_max and self._adjacent(previous, start):
                    out.append({**previous, "content": (start, end), "span": (start, end), "direct": True})
                continue
            if len(words) <= self.scare_max and not self._governs(cue, start, end):
                continue
            out.append(self._statement(cue, start, end, direct=True))
        return out

    def _quote_groups(self) -> list[tuple[int, int, Token | None]]:
        """Quotations, a quote split around its cue ("“A,” he said, “B.”") joined into one."""
        doc, spans = self.doc, quote_spans(self.doc)
        groups, i = [], 0
        while i < len(spans):
            start, end = spans[i]
            cue = None
            if i + 1 < len(spans):
                gap = doc[end:spans[i + 1][0]]
                cues = [t for t in gap if t.lemma_ in self.speech and t.pos_ in ("VERB", "AUX")]
                if cues and len(gap) <= SPLIT_QUOTE_GAP_TOKENS and "\n" not in gap.text:
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
            if not (start <= node.i < end) and (node.lemma_ in self.speech or node.lemma_ in self.quote_only) \
                    and node.pos_ in ("VERB", "AUX"):
                return node
        sent = doc[start].sent
        candidates = [t for t in sent if not (start <= t.i < end) and t.i not in self.quoted
                      and t.lemma_ in self.speech and t.pos_ in ("VERB", "AUX")]
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
        subject = subject if subject is not None else self._subject(cue)
        speaker = self._speaker_key(subject) if subject is not None else None
        if cue_text is None:
            particle = self.particles.get(cue.lemma_)
            following = self.doc[cue.i + 1] if cue.i + 1 < len(self.doc) else None
            cue_text = cue.text + (" " + following.text if particle and following is not None and following.lower_ == particle else "")
        bounds = [start, end, cue.i, cue.i + 1]
        if subject is not None:
            bounds += [subject.left_edge.i, subject.right_edge.i + 1]
        return {"speaker": speaker, "cue": cue_text, "content": (start, end), "direct": direct,
                "span": (min(bounds), max(bounds)), "cue_i": cue.i}

    def _subject(self, cue: Token) -> Token | None:
        verb = cue
        for _ in range(6):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                subject = subjects[0]
                if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    return verb.head  # "voters who said ...": the voters
                return None if subject.lower_ in self.expletives else subject
            if verb.dep_ in CLIMB_DEPS and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
                verb = verb.head
                continue
            break
        return self._name_beside(cue)

    def _name_beside(self, cue: Token) -> Token | None:
        """A speaker the parse left unattached: '..., Ramos, 58, told' / 'said Ramos'."""
        doc = self.doc
        window = list(doc[max(cue.sent.start, cue.i - 4):cue.i]) + list(doc[cue.i + 1:min(cue.sent.end, cue.i + 3)])
        names = [t for t in window if t.ent_type_ == "PERSON" and t.i not in self.quoted]
        return min(names, key=lambda t: abs(t.i - cue.i)) if names else None

    def _speaker_key(self, subject: Token) -> str | None:
        for i in (subject.i, *(t.i for t in subject.subtree)):
            if i in self.owner:
                return self.owner[i]
        if subject.pos_ == "PRON":
            return None
        return self._new_speaker(subject)

    def _new_speaker(self, subject: Token) -> str:
        """An actor for a speaker no dictionary knows: its noun phrase, code null."""
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
        actors = doc._.communique_actors if doc._.communique_actors is not None else []
        known = next((a for a in actors if a.key == key), None)
        if known is None:
            known = Actor(key=key, name=text, code=None, country=None, kind=kind)
            actors.append(known)
            doc._.communique_actors = actors
        if (start, end) not in known.mentions:
            known.mentions.append((start, end))
            mentions = doc._.communique_mentions or []
            mentions.append((start, end, key))
            doc._.communique_mentions = sorted(mentions)
            for i in range(start, end):
                self.owner.setdefault(i, key)
        return key

    def _to_chars(self, statement: dict) -> dict:
        doc = self.doc

        def chars(span):
            s, e = span
            return (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))

        return {**statement, "content": chars(statement["content"]), "span": chars(statement["span"]),
                "cue_span": chars((statement["cue_i"], statement["cue_i"] + 1))}


def mention_owner(doc: Doc) -> dict[int, str]:
    """Token -> the actor key of the shortest mention covering it (the most specific)."""
    owner: dict[int, tuple[int, str]] = {}
    for start, end, key in doc._.communique_mentions or []:
        for i in range(start, end):
            if i not in owner or end - start < owner[i][0]:
                owner[i] = (end - start, key)
    return {i: key for i, (_, key) in owner.items()}


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


@Language.factory("communique_statements", assigns=["doc._.communique_statements"],
                  requires=["doc._.communique_mentions", "token.dep"])
def make_statements(nlp: Language, name: str) -> Statements:
    return Statements(nlp)
