"""The flash brief of one article, extracted from its communique/1 record: the bottom line
(the lead's events), who said what by speaker, the figures, the commitments and intentions
with their times normalised, a dated timeline, and, under its own heading, the writer's
assessment. Every item is the record's own spans, cited; see items.py for the contract."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .items import Source, brief_document, citation, item, times_within

BOTTOM_LINE_EVENTS = 3
DATED_TYPES = ("DATE", "TIME")
INTENT_ROOTS = ("03", "13")  # CAMEO: express intent to cooperate; threaten


@lru_cache(maxsize=1)
def intention() -> re.Pattern:
    """What makes a reported statement a commitment or an intention: the events stage's own
    cues (``patterns.yml``: the ``intended`` modality cues, the future and reported-intent
    auxiliaries), each word matched as a word's start ("pledge" finds "pledged", "plan to"
    finds "plans to")."""
    from ..extract.events.patterns import load_pattern_data

    data = load_pattern_data()
    words = data["words"]
    cues = [*data["modality"]["intended"], *words["future_auxiliaries"], *words["reported_intent_auxiliaries"]]
    def phrase(cue: str) -> str:
        words = cue.split()
        pattern = r"\s+".join(re.escape(word) + (r"\w*" if word != "to" else r"\b") for word in words)
        if words[-1] == "to":  # "agree to" a verb ("agreed to send"), not to a name ("agreeing to Putin's")
            pattern += r"\s+(?-i:[a-z])"
        return ("(?<!\\w)" if cue[:1].isalnum() else "") + pattern  # a clitic ("'ll") is matched inside its word

    return re.compile("|".join(phrase(cue) for cue in cues), re.IGNORECASE)


class ArticleBrief:
    """The brief's sections, built from one record."""

    def __init__(self, record: dict, doc: str | None = None):
        self.record = record
        self.source = Source.of(record, doc)
        self.actors = {actor["id"]: actor for actor in record.get("actors", [])}
        self.segments = sorted(record.get("segments", []), key=lambda s: s["span"][0])
        self._starts = [segment["span"][0] for segment in self.segments]

    def name(self, actor_id: str | None) -> str:
        actor = self.actors.get(actor_id)
        return actor["name"] if actor else "unnamed"

    def speaker(self, actor_id: str | None) -> dict | None:
        actor = self.actors.get(actor_id)
        return {"name": actor["name"], "code": actor.get("code")} if actor else None

    def _at(self, position: int) -> int | None:
        """The index of the segment holding a character position (segments do not overlap)."""
        index = bisect_right(self._starts, position) - 1
        return index if index >= 0 and position < self.segments[index]["span"][1] else None

    def block(self, position: int) -> int | None:
        at = self._at(position)
        return None if at is None else self.segments[at]["block"]

    def sentence(self, span) -> tuple[int, int]:
        """The sentence around a span, in one voice: the segment holding its start, joined with
        the segments of the same block and voice before and after it, up to sentence-final
        punctuation. A segment is a clause of one voice, so the writer's aside in a reported
        sentence ("..., but it will most likely be this Spring.") is never quoted as reported."""
        at = self._at(span[0])
        if at is None:  # the span opens between segments (a bullet mark): its first segment
            following = bisect_right(self._starts, span[0])
            if following == len(self.segments) or self._starts[following] >= span[1]:
                return tuple(span)
            at = following
        first = last = at
        block, voice = self.segments[at]["block"], self.segments[at].get("voice")

        def joins(segment: dict) -> bool:
            return segment["block"] == block and segment.get("voice") == voice

        while first > 0 and joins(self.segments[first - 1]) and not self._ends_sentence(self.segments[first - 1]):
            first -= 1
        while (last + 1 < len(self.segments) and joins(self.segments[last + 1])
               and not self._ends_sentence(self.segments[last])):
            last += 1
        return self.segments[first]["span"][0], max(self.segments[last]["span"][1], span[1])

    def _ends_sentence(self, segment: dict) -> bool:
        return self.source.cut(segment["span"]).rstrip(" \"”’)]").endswith((".", "!", "?"))

    def editorial(self, span) -> bool:
        """Whether the span starts in the writer's own voice."""
        at = self._at(span[0])
        return at is not None and self.segments[at].get("voice") == "editorial"

    def _cite(self, *spans) -> list[dict]:
        seen, out = set(), []
        for span in spans:
            if span is not None and tuple(span) not in seen:
                seen.add(tuple(span))
                out.append(citation(self.source, span))
        return out

    # -- sections --------------------------------------------------------------------------

    def bottom_line(self) -> list[dict]:
        """The events of the lead (the first body block that holds a reported event): what
        happened, source and target by name, the sentence cited."""
        reported = [e for e in self.record.get("events", []) if e.get("voice") != "editorial"]
        if not reported:
            return []
        block_of = {id(e): self.block(e["evidence"][0]) for e in reported}
        lead_block = min((b for b in block_of.values() if b is not None), default=None)
        lead = [e for e in reported if block_of[id(e)] == lead_block] or reported
        items, seen = [], {}
        for event in sorted(lead, key=lambda e: e["evidence"][0]):
            sentence = self.sentence(event["evidence"])
            key = (tuple(sentence), event.get("plover") or event["cameo"])
            pair = {event.get("source"), event.get("target")}
            if key in seen and pair == seen[key]:  # the same act both ways ("A and B held talks")
                continue
            seen[key] = pair
            if len(items) == BOTTOM_LINE_EVENTS:
                break
            who = f"{self.name(event.get('source'))} → {self.name(event.get('target'))}"
            items.append(item(f"{who}: {self.source.cut(sentence)}", self._cite(sentence, event["evidence"]),
                              event=_event_fields(event)))
        return items

    def who_said_what(self) -> list[dict]:
        """Each statement under its speaker: direct quotes verbatim in quotation marks,
        paraphrase as reported."""
        items = []
        order = {}
        for statement in self.record.get("statements", []):
            order.setdefault(statement.get("speaker"), len(order))
        for statement in sorted(self.record.get("statements", []),
                                key=lambda s: (order[s.get("speaker")], s["content"][0])):
            content = self.source.cut(statement["content"])
            speaker = self.name(statement.get("speaker")) if statement.get("speaker") else "Unattributed"
            if statement.get("direct"):
                items.append(item(f"{speaker} {statement['cue']}: “{content}”",
                                  self._cite(statement["content"], statement["span"]), quote=content,
                                  speaker=self.speaker(statement.get("speaker"))))
            else:
                items.append(item(f"{speaker} {statement['cue']}: {content}",
                                  self._cite(statement["content"], statement["span"]),
                                  speaker=self.speaker(statement.get("speaker"))))
        return items

    def figures(self) -> list[dict]:
        """Each figure: as written, what it measures, its kind, who stated it."""
        statements = {s["id"]: s for s in self.record.get("statements", [])}
        items = []
        for quantity in sorted(self.record.get("quantities", []), key=lambda q: q["span"][0]):
            written = self.source.cut(quantity["span"])
            measures = self.source.cut(quantity["subject_span"]) if quantity.get("subject_span") else None
            statement = statements.get(quantity.get("statement"))
            stated_by = self.name(statement.get("speaker")) if statement and statement.get("speaker") else None
            figure = {"written": written, "value": quantity["value"], "unit": quantity.get("unit"),
                      "kind": quantity.get("kind"), "approximate": quantity.get("approximate", False),
                      "measures": measures, "stated_by": stated_by}
            figure = {k: v for k, v in figure.items() if v is not None}
            text = f"{measures}: {written}" if measures else written
            items.append(item(text, self._cite(quantity["span"], quantity.get("subject_span"),
                                               self.sentence(quantity["span"])), figure=figure))
        return items

    def commitments(self) -> list[dict]:
        """What an actor commits to or intends, and the forecasts reported: each reported
        statement whose sentence speaks of the future (will, willing to, pledged...) or names a
        time after publication, as its sentence reads, with those times normalised; then the
        events of intent (CAMEO 03 and 13: intent to cooperate, threats) and the intended or
        forecast ones not already inside such a sentence."""
        published = (self.record["document"].get("published") or "")[:10]
        later = [t for t in self.record.get("times", []) if t["type"] in DATED_TYPES and published
                 and t["value"][:1].isdigit() and t["value"][:10] > published]
        items, covered = [], set()
        for statement in sorted(self.record.get("statements", []), key=lambda s: s["span"][0]):
            sentence = self.sentence(statement["span"])
            if sentence in covered:
                continue
            after_cue = self.source.text[statement["content"][0]:sentence[1]]
            future_time = any(statement["content"][0] <= t["span"][0] < sentence[1] for t in later)
            if not (intention().search(after_cue) or future_time):
                continue
            covered.add(sentence)
            items.append(item(self.source.cut(sentence), self._cite(sentence, statement["content"]),
                              speaker=self.speaker(statement.get("speaker")),
                              times=times_within(self.record, self.source, [sentence])))
        for event in self.record.get("events", []):
            intent = event["cameo"][:2] in INTENT_ROOTS or event["modality"] in ("intended", "forecast")
            if not intent or event.get("voice") == "editorial":
                continue
            sentence = self.sentence(event["evidence"])
            if sentence in covered:
                continue
            covered.add(sentence)
            who = f"{self.name(event.get('source'))} → {self.name(event.get('target'))}"
            items.append(item(f"{who}: {self.source.cut(sentence)}", self._cite(sentence, event["evidence"]),
                              event=_event_fields(event), times=times_within(self.record, self.source, [sentence])))
        return sorted(items, key=lambda i: i["citations"][0]["span"][0])

    def timeline(self) -> list[dict]:
        """Each dated time expression of the reported text with its sentence, in date order
        (the writer's own dates stay in the assessment)."""
        items = []
        for time in self.record.get("times", []):
            if time["type"] not in DATED_TYPES or not time["value"][:4].isdigit() or self.editorial(time["span"]):
                continue
            sentence = self.sentence(time["span"])
            items.append(item(self.source.cut(sentence), self._cite(sentence, time["span"]), date=time["value"],
                              times=times_within(self.record, self.source, [time["span"]])))
        return sorted(items, key=lambda i: (i["date"], i["citations"][0]["span"][0]))

    def assessment(self) -> list[dict]:
        """The writer's own voice, one item per block: never mixed with what was reported."""
        blocks: dict[int, list[tuple[int, int]]] = {}
        for segment in self.segments:
            if segment.get("voice") == "editorial":
                blocks.setdefault(segment["block"], []).append(tuple(segment["span"]))
        items = []
        for spans in blocks.values():
            # consecutive editorial segments of one block read as one passage
            runs: list[list[int]] = []
            for start, end in spans:
                if runs and not self.source.text[runs[-1][1]:start].strip():
                    runs[-1][1] = end
                else:
                    runs.append([start, end])
            items += [item(self.source.cut(run), self._cite(run), times=times_within(self.record, self.source, [run]))
                      for run in runs]
        return items


def _event_fields(event: dict) -> dict:
    fields = {"cameo": event["cameo"], "plover": event.get("plover"), "mode": event.get("plover_mode"),
              "modality": event["modality"], "goldstein": event.get("goldstein"), "date": event.get("date")}
    return {k: v for k, v in fields.items() if v is not None}


def brief_article(record: dict, doc: str | None = None) -> dict:
    """The communique-brief/1 document of one analysed article (cited by `doc`, or by the
    record's own id)."""
    brief = ArticleBrief(record, doc)
    document = record["document"]
    published = document.get("published")
    sections = [
        {"heading": "Bottom line", "kind": "bottom_line", "items": brief.bottom_line()},
        {"heading": "Who said what", "kind": "statements", "items": brief.who_said_what()},
        {"heading": "Figures", "kind": "figures", "items": brief.figures()},
        {"heading": "Commitments and intentions", "kind": "commitments", "items": brief.commitments()},
        {"heading": "Timeline", "kind": "timeline", "items": brief.timeline()},
        {"heading": "The writer's assessment (the author's voice, not reported fact)", "kind": "assessment",
         "items": brief.assessment()},
    ]
    title = f"Flash brief: {document.get('title') or document['id']}"
    return brief_document(title, {"since": published, "until": published}, sections, [brief.source])
