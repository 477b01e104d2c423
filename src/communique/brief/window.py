"""The brief of a window of the corpus: what changed against the previous window of the same
length (events per dyad and their mean Goldstein, with a chart), the key statements of each
actor (near-identical ones from syndicated copies merged), the figures new in the window,
the events table and the sources. Counts are computed, so they live in typed fields
(`change`, `copies`); every item's text is still its sources' words, cited."""
from __future__ import annotations

import re
from datetime import date, timedelta

from .article import ArticleBrief
from .items import Source, brief_document, citation, item

DEFAULT_DAYS = 7
TOP_DYADS = 8
STATEMENTS_PER_ACTOR = 5
MAX_EVENTS = 60
MAX_FIGURES = 20
CITED_PER_DYAD = 3


def _day(value) -> date:
    return date.fromisoformat(str(value)[:10])


def _words(text: str) -> str:
    """A statement's content reduced to its words, so copies that differ in quotes, case or
    spacing merge."""
    return " ".join(re.findall(r"\w+", text.lower()))


class WindowBrief:
    def __init__(self, store, actors: tuple[str, ...] = (), dyad: tuple[str, str] | None = None,
                 since: str | None = None, until: str | None = None):
        self.store, self.dyad = store, dyad
        self.actors = tuple(a.upper() for a in (dyad or actors))
        if until is None:  # the latest day a matching event is dated to
            days = ([store.latest_day(dyad=dyad)] if dyad else [store.latest_day(actor=a) for a in self.actors]
                    if self.actors else [store.latest_day()])
            until = max((d for d in days if d), default=date.today().isoformat())
        end = _day(until)
        start = _day(since) if since else end - timedelta(days=DEFAULT_DAYS - 1)
        if start > end:
            start, end = end, start
        length = (end - start).days + 1
        self.window = (start.isoformat(), end.isoformat())
        self.previous = ((start - timedelta(days=length)).isoformat(), (start - timedelta(days=1)).isoformat())
        self.current_events = self._events(*self.window)
        self.previous_events = self._events(*self.previous)
        self.records: dict[str, dict] = {}

    def _events(self, since, until):
        """The window's events under the brief's filter, one row per story, event and day (a
        syndicated copy of a story is not a second event)."""
        if self.dyad:
            frame = self.store.events(dyad=self.dyad, since=since, until=until)
        elif self.actors:
            import pandas as pd

            frames = [self.store.events(actor=a, since=since, until=until) for a in self.actors]
            frame = pd.concat(frames).drop_duplicates(subset=["doc", "id"])
        else:
            frame = self.store.events(since=since, until=until)
        frame = frame.assign(story_key=frame.story.fillna(frame.doc))
        return frame.drop_duplicates(subset=["story_key", "date", "cameo", "source_code", "target_code"])

    def record(self, doc: str) -> dict:
        if doc not in self.records:
            self.records[doc] = self.store.record(doc)
        return self.records[doc]

    def source(self, doc: str) -> Source:
        return Source.of(self.record(doc), doc)

    def cite(self, doc: str, start: int, end: int) -> dict:
        return citation(self.source(doc), (int(start), int(end)))

    # -- sections --------------------------------------------------------------------------

    def changes(self) -> tuple[list[dict], dict | None]:
        """Events per directed dyad (country level) now and in the previous window."""
        def by_dyad(frame):
            keys = frame.source_code.fillna("").str[:3] + " → " + frame.target_code.fillna("").str[:3]
            return frame.assign(dyad=keys)

        now, before = by_dyad(self.current_events), by_dyad(self.previous_events)
        counts = now.groupby("dyad").size().sort_values(ascending=False)
        items = []
        for dyad, events in counts.head(TOP_DYADS).items():
            rows = now[now.dyad == dyad].sort_values("date")
            earlier = before[before.dyad == dyad]
            change = {"events": int(events), "previous_events": int(len(earlier)),
                      "goldstein": round(float(rows.goldstein.mean()), 1) if rows.goldstein.notna().any() else None,
                      "previous_goldstein": round(float(earlier.goldstein.mean()), 1)
                      if len(earlier) and earlier.goldstein.notna().any() else None}
            citations = [self.cite(r.doc, r.span_start, r.span_end) for r in rows.head(CITED_PER_DYAD).itertuples()]
            items.append(item(dyad, citations, change={k: v for k, v in change.items() if v is not None}
                              | {"events": int(events), "previous_events": int(len(earlier))}))
        return items, self._chart()

    def _chart(self) -> dict | None:
        """Events per day over both windows, both ways, for the dyad (or the busiest one)."""
        if self.dyad:
            a, b = self.dyad
        elif len(self.current_events):
            top = (self.current_events.source_code.fillna("").str[:3] + ":" +
                   self.current_events.target_code.fillna("").str[:3]).value_counts().index[0]
            a, b = top.split(":")
        else:
            return None
        if not a or not b:
            return None
        frame = self.store.timeline(a, b, by="day", since=self.previous[0], until=self.window[1])
        days = [(_day(self.previous[0]) + timedelta(days=i)) for i in
                range((_day(self.window[1]) - _day(self.previous[0])).days + 1)]
        found = {str(p)[:10]: row for p, row in zip(frame.period, frame.itertuples(index=False))}
        series = {name: [float(found[d.isoformat()][i + 1]) if d.isoformat() in found else 0.0 for d in days]
                  for i, name in enumerate(frame.columns[1:])}
        return {"title": f"{a.upper()} and {b.upper()}: events per day, previous window and this one",
                "periods": [d.isoformat() for d in days], "series": series}

    def statements(self) -> list[dict]:
        """Each actor's statements in the window; copies of one statement (syndication) merged
        into one item citing each copy."""
        import pandas as pd

        speakers = self.actors or ()
        frames = [self.store.statements(speaker=s, since=self.window[0], until=self.window[1]) for s in speakers] \
            if speakers else [self.store.statements(since=self.window[0], until=self.window[1])]
        frame = pd.concat(frames).drop_duplicates(subset=["doc", "id"]) if frames else None
        if frame is None or not len(frame):
            return []
        frame = frame.assign(words=frame.content.fillna("").map(_words),
                             who=frame.speaker_code.fillna(frame.speaker_name.fillna("")))
        items = []
        for _, said in frame.groupby("who", sort=False):
            merged = said.groupby("words", sort=False)
            ranked = sorted(merged, key=lambda pair: (-len(pair[1]), str(pair[1].published.iloc[0])))
            for _, copies in ranked[:STATEMENTS_PER_ACTOR]:
                first = copies.iloc[0]
                name = first.speaker_name or "Unattributed"
                citations = [self.cite(r.doc, r.content_start, r.content_end) for r in copies.itertuples()]
                speaker = {"name": name, "code": first.speaker_code} if first.speaker_name else None
                quote = {"quote": first.content} if first.direct else {}
                text = f"{name} {first.cue}: " + (f"“{first.content}”" if first.direct else first.content)
                items.append(item(text, citations, speaker=speaker, copies=len(copies), **quote))
        return items

    def figures(self) -> list[dict]:
        """Figures of the window's documents not already stated in the previous window's."""
        def figures_of(docs) -> list[tuple[tuple, dict, str]]:
            out = []
            for doc in docs:
                for entry in ArticleBrief(self.record(doc), doc).figures():
                    f = entry["figure"]
                    out.append(((f["value"], f.get("unit"), (f.get("measures") or "").lower()), entry, doc))
            return out

        seen = {key for key, _, _ in figures_of(self.previous_events.doc.unique())}
        items, kept = [], set()
        for key, entry, _ in figures_of(self.current_events.doc.unique()):
            if key not in seen and key not in kept:
                kept.add(key)
                items.append(entry)
        return items[:MAX_FIGURES]

    def events(self) -> list[dict]:
        items = []
        for row in self.current_events.sort_values(["date", "doc"]).head(MAX_EVENTS).itertuples():
            who = f"{row.source_name or row.source_code} → {row.target_name or row.target_code}"
            fields = {"cameo": row.cameo, "plover": row.plover, "modality": row.modality}
            items.append(item(f"{who}: {row.evidence}", [self.cite(row.doc, row.span_start, row.span_end)],
                              date=str(row.date)[:10] if row.date else None,
                              event={k: v for k, v in fields.items() if v}))
        return items


def brief_window(store, actors: tuple[str, ...] = (), dyad: tuple[str, str] | None = None,
                 since: str | None = None, until: str | None = None) -> tuple[dict, dict[str, dict]]:
    """The communique-brief/1 document of a window of the store, and the records it cites (for
    the renderers). The window defaults to the week ending on the latest matching event."""
    brief = WindowBrief(store, actors, dyad, since, until)
    changes, chart = brief.changes()
    sections = [
        {"heading": "What changed", "kind": "changes", "items": changes, "chart": chart,
         "previous_window": {"since": brief.previous[0], "until": brief.previous[1]}},
        {"heading": "Key statements", "kind": "statements", "items": brief.statements()},
        {"heading": "New figures", "kind": "figures", "items": brief.figures()},
        {"heading": "Events", "kind": "events", "items": brief.events()},
    ]
    cited = list(dict.fromkeys(c["doc"] for s in sections for i in s["items"] for c in i["citations"]))
    subject = ":".join(brief.actors) if brief.dyad else (", ".join(brief.actors) or "all actors")
    title = f"Corpus brief: {subject}, {brief.window[0]} to {brief.window[1]}"
    sources = [brief.source(doc) for doc in cited]
    document = brief_document(title, {"since": brief.window[0], "until": brief.window[1]}, sections, sources)
    return document, {doc: brief.record(doc) for doc in cited}
