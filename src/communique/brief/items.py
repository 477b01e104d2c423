"""What every brief is made of: items that cite spans of their sources, time labels, and the
integrity check the contract (communique-brief/1) promises. An item's `text` is made only of
its sources' words and the record's canonical actor names; whatever is computed (a count, a
normalised date, an expanded number) lives in a typed field beside the text, never in it."""
from __future__ import annotations

import re
from dataclasses import dataclass

SCHEMA = "communique-brief/1"
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
DURATION_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour"}


@dataclass
class Source:
    """One document a brief cites: its id, text and what the sources list shows."""
    doc: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None

    @classmethod
    def of(cls, record: dict, doc: str | None = None) -> Source:
        """`doc`: the id to cite it by, when not the record's own (the store's document id)."""
        document = record["document"]
        return cls(doc or document["id"], document["text"], document.get("title"), document.get("url"),
                   document.get("published"))

    def cut(self, span) -> str:
        return self.text[span[0]:span[1]]

    def listing(self) -> dict:
        return {"doc": self.doc, "title": self.title, "url": self.url, "published": self.published}


def citation(source: Source, span) -> dict:
    return {"doc": source.doc, "span": [int(span[0]), int(span[1])]}


def item(text: str, citations: list[dict], **fields) -> dict:
    """One line of a brief; `fields` are its typed extras (quote, speaker, figure, times, date...)."""
    out = {"text": " ".join(text.split()), "citations": citations}
    out.update({key: value for key, value in fields.items() if value not in (None, [], {})})
    return out


def time_label(value: str) -> str | None:
    """A TIMEX3 value as a reader says it: "2023-SP" -> "spring 2023", "2022-12-31" ->
    "31 December 2022", "P11M" -> "11 months". None for a value with no date in it."""
    if match := re.fullmatch(r"P(\d+(?:\.\d+)?)([YMWDH])", value):
        number, unit = match.groups()
        return f"{number} {DURATION_UNITS[unit]}{'' if number == '1' else 's'}"
    if match := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", value):
        return f"{SEASONS[match.group(2)]} {match.group(1)}"
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return f"Q{match.group(2)} {match.group(1)}"
    if match := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        return f"week {int(match.group(2))} of {match.group(1)}"
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}:\d{2}|MO|AF|EV|NI|DT))?.*", value)
    if not match:
        return None
    year, month, day, clock = match.groups()
    words = [str(int(day))] if day else []
    if month and 1 <= int(month) <= 12:
        words.append(MONTHS[int(month) - 1])
    words.append(year)
    label = " ".join(words)
    if clock:
        label += f", {PARTS_OF_DAY.get(clock, clock)}"
    return label


def times_within(record: dict, source: Source, spans) -> list[dict]:
    """The record's time expressions inside any of `spans`, each with its normalised value
    and label: the brief shows "this Spring -> spring 2023" beside the text, not in it."""
    out = []
    for time in record.get("times", []):
        start, end = time["span"]
        if any(s <= start and end <= e for s, e in spans):
            out.append({"text": source.cut(time["span"]), "value": time["value"], "label": time_label(time["value"]),
                        "span": [start, end]})
    return out


def without_speaker(entry: dict) -> str:
    """An item's text without its speaker's name in front, for a list under that speaker."""
    name = (entry.get("speaker") or {}).get("name")
    return entry["text"][len(name) + 1:] if name and entry["text"].startswith(name + " ") else entry["text"]


def promise(brief: dict) -> str:
    """The line under a brief's title that says what the reader can rely on."""
    apart = any(s.get("kind") == "assessment" for s in brief["sections"])
    return "Every line cites its source" + ("; the writer's assessment is kept apart." if apart else ".")


def brief_document(title: str, window: dict, sections: list[dict], sources: list[Source]) -> dict:
    kept = [section for section in sections if section["items"]]
    return {"schema": SCHEMA, "title": title, "window": window, "sections": kept,
            "sources": [source.listing() for source in sources]}


def integrity_problems(brief: dict, texts: dict[str, str], names: tuple[str, ...] = ()) -> list[str]:
    """What breaks the contract, one line each (empty: none). `texts` maps each document id
    to its text; `names` are the canonical actor names an item's text may use freely.
    - every item cites at least one span, inside its document's text;
    - a `quote` is exactly the text of the item's first citation;
    - every number in an item's text (names aside) occurs in its cited spans' text."""
    problems = []
    listed = {source["doc"] for source in brief.get("sources", [])}
    for section in brief["sections"]:
        for number, entry in enumerate(section["items"], 1):
            where = f"{section['heading']!r} item {number}"
            citations = entry.get("citations") or []
            if not citations:
                problems.append(f"{where}: no citation")
                continue
            cited = []
            for cite in citations:
                text = texts.get(cite["doc"])
                start, end = cite["span"]
                if text is None or not 0 <= start < end <= len(text):
                    problems.append(f"{where}: citation {cite} is not a span of a known document")
                    continue
                if cite["doc"] not in listed:
                    problems.append(f"{where}: cites {cite['doc']}, which the sources do not list")
                cited.append(text[start:end])
            if not cited:
                continue
            if "quote" in entry and entry["quote"] != cited[0]:
                problems.append(f"{where}: the quote is not its cited span's text")
            words = entry["text"]
            for name in sorted(names, key=len, reverse=True):
                words = words.replace(name, " ")
            joined = "\n".join(cited)
            for figure in NUMBER.findall(words):
                if figure not in joined:
                    problems.append(f"{where}: the number {figure} is not in its cited text")
    return problems


def passages(brief: dict) -> dict[tuple[str, int, int], int]:
    """Every cited passage once, numbered in order of first citation (footnotes, anchors)."""
    numbers: dict[tuple[str, int, int], int] = {}
    for section in brief["sections"]:
        for entry in section["items"]:
            for cite in entry["citations"]:
                numbers.setdefault((cite["doc"], *cite["span"]), len(numbers) + 1)
    return numbers
