"""Direct speech: each quotation (split around its cue, across sentences) with the cue
that governs it or a speech verb in its sentence. A short quote not governed by the cue
is a scare quote; a quote that is only part of the cue's object makes the whole object
an indirect content; a quotation alone right after a statement continues its speaker.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from ..quotes import quote_spans
from .reading import Context, _overlap

OBJECT_DEPS = {"dobj", "xcomp", "dative", "oprd", "ccomp", "attr"}
SPLIT_QUOTE_GAP_TOKENS = 16  # '"A," said Jane Doe, the party's chairwoman. "B."' is one quotation


class DirectSpeech(Context):
    """Quotations and their cues."""

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


def _mark_direct_if_quoted(statements: list[dict], quote: tuple[int, int], quoted: set[int]) -> None:
    """An indirect content that is wholly a quotation is direct speech."""
    for statement in statements:
        start, end = statement["content"]
        if _overlap((start, end), quote) == 0:
            continue
        if all(i in quoted for i in range(start, end)) or (quote[0] <= start and end <= quote[1] + 1):
            statement["content"] = (max(start, quote[0]), min(end, quote[1]))
            statement["direct"] = True
