"""The Markdown rundown of one record: title, byline, date, then the body by segment."""
from __future__ import annotations

BULLET_MARKS = "•●▪◦‣∙·-–—*►» "


def render_markdown(record: dict) -> str:
    document = record["document"]
    text = document["text"]
    lines = [f"# {document.get('title') or document.get('id') or 'Untitled'}", ""]
    facts = [
        ("By", document.get("author")),
        ("Published", document.get("published")),
        ("Source", document.get("url") or document.get("source")),
        ("Language", document.get("language")),
    ]
    lines += [f"- **{label}:** {value}" for label, value in facts if value]
    if document.get("author_bio"):
        lines.append(f"- **About the author:** {document['author_bio']}")
    for warning in document.get("warnings", []):
        lines.append(f"- **Warning:** {warning}")
    lines += ["", "## Text", ""]
    lines += _body(text, record.get("segments", []))
    return "\n".join(lines).rstrip() + "\n"


def _body(text: str, segments: list[dict]) -> list[str]:
    """Segments joined back into their blocks; a bullet block as a list item."""
    blocks: dict[int, tuple[str, list[str]]] = {}
    for segment in segments:
        start, end = segment["span"]
        kind, sentences = blocks.setdefault(segment["block"], (segment["block_kind"], []))
        sentences.append(text[start:end])
    lines: list[str] = []
    previous = None
    for kind, sentences in blocks.values():
        joined = " ".join(sentences)
        if previous == "bullet" and kind != "bullet":
            lines.append("")
        previous = kind
        if kind == "bullet":
            lines.append(f"- {joined.lstrip(BULLET_MARKS).strip()}")
        elif kind == "heading":
            lines += [f"### {joined}", ""]
        else:
            lines += [joined, ""]
    return lines
