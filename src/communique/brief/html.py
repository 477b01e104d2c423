"""A communique-brief/1 document as one self-contained HTML file: inline CSS and SVG, no
script, nothing fetched (a Content-Security-Policy forbids it), printable. Each citation links
to its passage in an annotated copy of the source, where actors, statements, events,
figures, times and the writer's voice are marked (with a legend) and the followed passage is
highlighted. Every piece of source text is escaped: a hostile page cannot add markup."""
from __future__ import annotations

from html import escape

from .chart import svg_timeline
from .items import passages, promise, without_speaker

# Marks of the annotated copy: class, legend label, what of the record it marks.
MARKS = (("actor", "actor"), ("statement", "statement (who said what)"), ("event", "event"),
         ("figure", "figure"), ("time", "time expression"), ("editorial", "the writer's voice"),
         ("cited", "passage cited by the brief"))
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}
.window{color:#57606a;margin-top:0}ul{padding-left:1.2rem}li{margin:.3rem 0}
sup a{text-decoration:none;color:#0969da;font-size:.75rem;padding:0 .1rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}.when{color:#57606a;font-size:.85rem}.assessment li{font-style:italic}
.assessment{background:#fff8c5;border-left:4px solid #bf8700;padding:.1rem 1rem .5rem}
.source{border-top:3px double #d0d7de;margin-top:2.5rem}.text{white-space:pre-wrap;font-family:Georgia,serif;line-height:1.7}
.legend span{display:inline-block;margin:0 .6rem .3rem 0;padding:0 .3rem}
.actor{font-weight:600;color:#0550ae}.statement{background:#ddf4ff}.event{border-bottom:2px solid #cf222e}
.figure{background:#dafbe1;outline:1px solid #4ac26b}.time{border-bottom:2px dotted #8250df}
.editorial{font-style:italic;background:#fff8c5}.cited{box-shadow:inset 0 -.45em #ffd8b5}
.anchor{scroll-margin-top:4rem}
@media print{body{margin:0;max-width:none}sup a{color:inherit}.source{break-before:page}}
"""


def _annotations(record: dict) -> list[tuple[int, int, str, str | None]]:
    """(start, end, class, title) for each marked span of a record."""
    out = []
    for actor in record.get("actors", []):
        label = actor["name"] + (f" ({actor['code']})" if actor.get("code") else "")
        out += [(s, e, "actor", label) for s, e in actor.get("mentions", [])]
    out += [(*s["content"], "statement", None) for s in record.get("statements", [])]
    out += [(*e["evidence"], "event", f"{e.get('plover') or ''} CAMEO {e['cameo']} ({e['modality']})")
            for e in record.get("events", [])]
    out += [(*q["span"], "figure", f"{q['value']:g} {q.get('unit') or ''} ({q.get('kind')})")
            for q in record.get("quantities", [])]
    out += [(*t["span"], "time", t["value"]) for t in record.get("times", [])]
    out += [(*s["span"], "editorial", "the writer's voice") for s in record.get("segments", [])
            if s.get("voice") == "editorial"]
    return out


def annotated_text(record: dict, anchors: dict[tuple[int, int], str]) -> str:
    """The document's text cut at every mark's edge; each piece a span with the classes of
    the marks covering it. `anchors` maps a passage's span to its name: an element with
    that id opens it, and its pieces carry the name as a class (see `focus_css`)."""
    text = record["document"]["text"]
    marks = _annotations(record) + [(s, e, f"cited {name}", None) for (s, e), name in anchors.items()]
    marks = [(max(0, s), min(len(text), e), c, t) for s, e, c, t in marks if s < e]
    edges = sorted({0, len(text), *(s for s, *_ in marks), *(e for _, e, *_ in marks)})
    opening: dict[int, list[int]] = {}
    for number, (s, _, _, _) in enumerate(marks):
        opening.setdefault(s, []).append(number)
    starts: dict[int, list[str]] = {}
    for (s, e), name in anchors.items():
        starts.setdefault(s, []).append(name)
    parts, active = [], set()  # a sweep over the edges: the marks open at each piece
    for left, right in zip(edges, edges[1:]):
        active = {m for m in active if marks[m][1] > left} | set(opening.get(left, ()))
        parts += [f'<span class="anchor" id="{name}"></span>' for name in starts.get(left, [])]
        covering = [marks[m] for m in sorted(active)]
        piece = escape(text[left:right])
        if covering:
            classes = " ".join(dict.fromkeys(c for _, _, c, _ in covering))
            titles = "; ".join(dict.fromkeys(t for *_, t in covering if t))
            title = f' title="{escape(titles)}"' if titles else ""
            parts.append(f'<span class="{classes}"{title}>{piece}</span>')
        else:
            parts.append(piece)
    return "".join(parts)


def _refs(entry: dict, numbers: dict) -> str:
    return "".join(f'<sup><a href="#p{n}">[{n}]</a></sup>'
                   for n in (numbers[(c["doc"], *c["span"])] for c in entry["citations"]))


def _times(entry: dict) -> str:
    shown = [f"{escape(t['text'])} → {escape(t['label'])}" for t in entry.get("times", [])
             if t.get("label") and t["label"] != t["text"]]
    return f' <span class="when">({"; ".join(shown)})</span>' if shown else ""


def _table(headings: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headings)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _section(section: dict, numbers: dict) -> str:
    kind, items = section.get("kind"), section["items"]
    e = escape
    if kind == "statements":
        groups: dict[str, list[str]] = {}
        for entry in items:
            speaker = entry.get("speaker") or {}
            label = speaker.get("name", "Unattributed") + (f" ({speaker['code']})" if speaker.get("code") else "")
            groups.setdefault(label, []).append(f"<li>{e(without_speaker(entry))}{_refs(entry, numbers)}</li>")
        body = "".join(f"<h3>{e(label)}</h3><ul>{''.join(lines)}</ul>" for label, lines in groups.items())
    elif kind == "figures":
        body = _table(["figure", "value", "unit", "kind", "measures", "stated by", "source"], [
            [e(f["written"]), f"{f['value']:,g}", e(f.get("unit") or ""),
             e(f.get("kind", "") + (" (approximate)" if f.get("approximate") else "")), e(f.get("measures") or ""),
             e(f.get("stated_by") or ""), _refs(entry, numbers)]
            for entry in items for f in [entry["figure"]]])
    elif kind == "timeline":
        body = _table(["date", "what was reported", "source"], [
            [e(next((t["label"] for t in entry.get("times", []) if t.get("label")), entry["date"])),
             e(entry["text"]), _refs(entry, numbers)] for entry in items])
    elif kind == "changes":
        chart = section.get("chart")
        body = (svg_timeline(chart["periods"], chart["series"], chart["title"]) if chart else "") + _table(
            ["dyad", "events", "previous window", "mean Goldstein", "previous", "source"], [
                [e(entry["text"]), str(c["events"]), str(c["previous_events"]), e(str(c.get("goldstein", ""))),
                 e(str(c.get("previous_goldstein", ""))), _refs(entry, numbers)]
                for entry in items for c in [entry["change"]]])
    elif kind == "events":
        body = _table(["date", "event", "source"], [[e(entry.get("date") or ""), e(entry["text"]),
                                                     _refs(entry, numbers)] for entry in items])
    else:
        body = "<ul>" + "".join(f"<li>{e(entry['text'])}{_times(entry)}{_refs(entry, numbers)}</li>"
                                for entry in items) + "</ul>"
    css = ' class="assessment"' if kind == "assessment" else ""
    return f'<section id="{e(kind or "section")}"{css}><h2>{e(section["heading"])}</h2>{body}</section>'


def focus_css(names) -> str:
    """The rule that highlights the passage a link was followed to: its pieces, when its
    anchor is the page's target (CSS only, no script)."""
    targets = ",".join(f"body:has(#{name}:target) .{name}" for name in names)
    return f"{targets}{{background:#ffd33d;box-shadow:0 0 0 2px #bf8700}}" if targets else ""


def legend() -> str:
    return '<p class="legend">' + "".join(f'<span class="{c}">{escape(label)}</span>' for c, label in MARKS) + "</p>"


def brief_body(brief: dict, records: dict[str, dict]) -> tuple[str, str]:
    """The brief's HTML without the page around it (the web app's pages embed it), and the
    CSS its citations need."""
    numbers = passages(brief)
    sources = []
    for listing in brief["sources"]:
        doc = listing["doc"]
        anchors = {(s, e): f"p{n}" for (d, s, e), n in numbers.items() if d == doc}
        facts = " · ".join(escape(v) for v in (listing.get("published"), listing.get("url")) if v)
        sources.append(f'<section class="source" id="doc-{escape(doc)}"><h2>Source: {escape(listing.get("title") or doc)}'
                       f'</h2><p class="window"><code>{escape(doc)}</code> {facts}</p>{legend()}'
                       f'<div class="text">{annotated_text(records[doc], anchors)}</div></section>')
    body = ("<main>" + "".join(_section(section, numbers) for section in brief["sections"]) + "</main>"
            + "".join(sources))
    return body, focus_css(f"p{n}" for n in numbers.values())


def render_brief_html(brief: dict, records: dict[str, dict], nonce: str | None = None) -> str:
    """One self-contained page. `records` maps each cited document id to its communique/1
    record (the annotated copy); `nonce`: the CSP nonce of the page's style, when a server
    sends it with a nonce policy."""
    window = brief.get("window") or {}
    span = " to ".join(dict.fromkeys(v for v in (window.get("since"), window.get("until")) if v))
    body, focus = brief_body(brief, records)
    style = f'<style nonce="{escape(nonce)}">' if nonce else "<style>"
    return ("<!doctype html>\n"
            f'<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(brief['title'])}</title>{style}{STYLE}{focus}</style></head><body>"
            f"<header><h1>{escape(brief['title'])}</h1>"
            f'<p class="window">{escape(span)}{" · " if span else ""}{escape(promise(brief))}</p></header>'
            f"{body}</body></html>\n")
