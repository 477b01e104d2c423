"""A communique-brief/1 document as Markdown: each section as bullets or a table, each item
followed by one footnote that names the document and quotes the passages it cites (a
passage inside another of the same item is shown by the wider one)."""
from __future__ import annotations

from .items import promise, without_speaker

PASSAGE_CHARS = 240


class Footnotes:
    """Footnote bodies, numbered in order of first use; an identical body is one footnote."""

    def __init__(self, brief: dict, texts: dict[str, str]):
        self.texts = texts
        self.titles = {s["doc"]: s.get("title") or s["doc"] for s in brief["sources"]}
        self.numbers: dict[str, int] = {}

    def ref(self, entry: dict) -> str:
        spans = [(c["doc"], *c["span"]) for c in entry["citations"]]
        widest = [(d, s, e) for d, s, e in spans
                  if not any(d == d2 and s2 <= s and e <= e2 and (s2, e2) != (s, e) for d2, s2, e2 in spans)]
        body = "; ".join(self._passage(*span) for span in dict.fromkeys(widest))
        number = self.numbers.setdefault(body, len(self.numbers) + 1)
        return f"[^{number}]"

    def _passage(self, doc: str, start: int, end: int) -> str:
        passage = " ".join(self.texts[doc][start:end].split())
        if len(passage) > PASSAGE_CHARS:
            passage = passage[:PASSAGE_CHARS].rsplit(" ", 1)[0] + " …"
        return f"{_cell(self.titles.get(doc))}, characters {start}–{end}: “{passage}”"

    def lines(self) -> list[str]:
        return [f"[^{number}]: {body}" for body, number in self.numbers.items()]


def _cell(text) -> str:
    return "" if text is None else str(text).replace("|", "\\|").replace("\n", " ")


def _times(entry: dict) -> str:
    shown = [f"{t['text']} → {t['label']}" for t in entry.get("times", []) if t.get("label")
             and t["label"] != t["text"]]
    return f" ({'; '.join(shown)})" if shown else ""


def _number(value) -> str:
    return f"{value:,.0f}" if isinstance(value, float) and value.is_integer() else f"{value:,}"


def _section(section: dict, notes: Footnotes) -> list[str]:
    kind, items = section.get("kind"), section["items"]
    lines = ["", f"## {section['heading']}", ""]
    if kind == "statements":
        groups: dict[str, list[dict]] = {}
        for entry in items:
            speaker = entry.get("speaker") or {}
            label = speaker.get("name", "Unattributed") + (f" ({speaker['code']})" if speaker.get("code") else "")
            groups.setdefault(label, []).append(entry)
        for label, said in groups.items():
            lines += [f"### {label}", ""]
            lines += [f"- {without_speaker(e)}{notes.ref(e)}" for e in said]
            lines.append("")
    elif kind == "figures":
        lines += ["| figure | value | unit | kind | measures | stated by | source |", "|---|---|---|---|---|---|---|"]
        for entry in items:
            f = entry["figure"]
            kind_text = f.get("kind", "") + (" (approximate)" if f.get("approximate") else "")
            lines.append(f"| {_cell(f['written'])} | {_number(f['value'])} | {_cell(f.get('unit'))} | {kind_text} "
                         f"| {_cell(f.get('measures'))} | {_cell(f.get('stated_by'))} | {notes.ref(entry)} |")
    elif kind == "timeline":
        lines += ["| date | what was reported | source |", "|---|---|---|"]
        for entry in items:
            label = next((t["label"] for t in entry.get("times", []) if t.get("label")), entry["date"])
            lines.append(f"| {_cell(label)} | {_cell(entry['text'])} | {notes.ref(entry)} |")
    elif kind == "changes":
        lines += ["| dyad | events | previous window | mean Goldstein | previous | source |",
                  "|---|---|---|---|---|---|"]
        for entry in items:
            c = entry["change"]
            lines.append(f"| {_cell(entry['text'])} | {c['events']} | {c['previous_events']} "
                         f"| {_cell(c.get('goldstein'))} | {_cell(c.get('previous_goldstein'))} | {notes.ref(entry)} |")
    elif kind == "events":
        lines += ["| date | event | source |", "|---|---|---|"]
        for entry in items:
            lines.append(f"| {_cell(entry.get('date'))} | {_cell(entry['text'])} | {notes.ref(entry)} |")
    else:
        lines += [f"- {entry['text']}{_times(entry)}{notes.ref(entry)}" for entry in items]
    return lines


def render_brief_markdown(brief: dict, texts: dict[str, str]) -> str:
    """`texts` maps each cited document id to its text, for the footnotes' passages."""
    notes = Footnotes(brief, texts)
    window = brief.get("window") or {}
    span = " to ".join(dict.fromkeys(v for v in (window.get("since"), window.get("until")) if v))
    lines = [f"# {brief['title']}", ""]
    if span:
        lines.append(f"*{span}.* {promise(brief)}")
    for section in brief["sections"]:
        lines += _section(section, notes)
    lines += ["", "## Sources", ""]
    for source in brief["sources"]:
        facts = ", ".join(v for v in (source.get("published"), source.get("url")) if v)
        lines.append(f"- `{source['doc']}` {source.get('title') or ''}{f' ({facts})' if facts else ''}")
    lines.append("")
    lines += notes.lines()
    return "\n".join(lines).rstrip() + "\n"
