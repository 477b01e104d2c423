"""The Markdown rundown of one record: title, byline, date; who said what, grouped by
speaker (direct quotes in quotation marks, paraphrase as reported); the writer's own
commentary in its own section; then the body by segment. Every line printed is the
document's own text."""
from __future__ import annotations

from ..english import english


def render_markdown(record: dict) -> str:
    document = record["document"]
    text = document["text"]
    lines = [f"# {document.get('title') or document.get('id') or 'Untitled'}", ""]
    facts = [
        ("By", document.get("author")),
        ("Published", document.get("published")),
        ("Dateline", (document.get("dateline") or {}).get("text")),
        ("Source", document.get("url") or document.get("source")),
        ("Language", document.get("language")),
    ]
    lines += [f"- **{label}:** {value}" for label, value in facts if value]
    if document.get("author_bio"):
        lines.append(f"- **About the author:** {document['author_bio']}")
    for warning in document.get("warnings", []):
        lines.append(f"- **Warning:** {warning}")
    lines += _who_said_what(record)
    lines += _events(record)
    lines += _commentary(record)
    lines += ["", "## Text", ""]
    lines += _body(text, record.get("segments", []))
    return "\n".join(lines).rstrip() + "\n"


def _cut(text: str, span) -> str:
    return text[span[0]:span[1]]


def _who_said_what(record: dict) -> list[str]:
    statements = record.get("statements", [])
    if not statements:
        return []
    text = record["document"]["text"]
    names = {a["id"]: a for a in record.get("actors", [])}
    by_speaker: dict[str | None, list[dict]] = {}
    for statement in statements:
        by_speaker.setdefault(statement.get("speaker"), []).append(statement)
    lines = ["", "## Who said what"]
    for speaker, said in by_speaker.items():
        actor = names.get(speaker)
        heading = actor["name"] if actor else "Unattributed"
        if actor and actor.get("code"):
            heading += f" ({actor['code']})"
        lines += ["", f"### {heading}", ""]
        for statement in said:
            content = _cut(text, statement["content"])
            shown = f"“{content}”" if statement.get("direct") else content
            lines.append(f"- {statement['cue']}: {shown}")
    return lines


def _events(record: dict) -> list[str]:
    events = record.get("events", [])
    if not events:
        return []
    text = record["document"]["text"]
    codes = {a["id"]: a.get("code") or a["name"] for a in record.get("actors", [])}
    lines = ["", "## Events", "", "| date | source → target | CAMEO | PLOVER | modality | evidence |",
             "|---|---|---|---|---|---|"]
    for event in events:
        dyad = f"{codes.get(event.get('source'), '?')} → {codes.get(event.get('target'), '?')}"
        evidence = _cut(text, event["evidence"]).replace("|", "\\|").replace("\n", " ")
        lines.append(f"| {event.get('date') or ''} | {dyad} | {event['cameo']} | {event.get('plover') or ''} "
                     f"| {event['modality']}{' (editorial)' if event.get('voice') == 'editorial' else ''} | {evidence} |")
    return lines


def _commentary(record: dict) -> list[str]:
    text = record["document"]["text"]
    pieces = [_cut(text, s["span"]) for s in record.get("segments", []) if s.get("voice") == "editorial"]
    if not pieces:
        return []
    return ["", "## The writer's commentary", ""] + [f"- {piece}" for piece in pieces]


def _body(text: str, segments: list[dict]) -> list[str]:
    """Segments joined back into their blocks; a bullet block as a list item."""
    blocks: dict[int, tuple[str, list[tuple[int, int]]]] = {}
    for segment in segments:
        kind, spans = blocks.setdefault(segment["block"], (segment["block_kind"], []))
        spans.append(tuple(segment["span"]))
    lines: list[str] = []
    previous = None
    for kind, spans in blocks.values():
        joined = text[min(s for s, _ in spans):max(e for _, e in spans)]
        if previous == "bullet" and kind != "bullet":
            lines.append("")
        previous = kind
        if kind == "bullet":
            lines.append(f"- {joined.lstrip(''.join(english().bullet_marks) + ' ').strip()}")
        elif kind == "heading":
            lines += [f"### {joined}", ""]
        else:
            lines += [joined, ""]
    return lines
