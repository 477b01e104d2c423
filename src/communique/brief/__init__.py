"""Readable renderings of communique/1 records, and briefs (communique-brief/1) that cite a
source span for every line: `brief_article` for one article, `brief_window` for a window of
the corpus store; `render_brief_markdown` and `render_brief_html` draw either. Nothing is
invented: every line printed comes from the documents' own text."""
from .article import brief_article
from .html import render_brief_html
from .items import SCHEMA, integrity_problems
from .markdown import render_brief_markdown
from .rundown import render_markdown
from .window import brief_window

__all__ = ["SCHEMA", "brief_article", "brief_window", "integrity_problems", "render_brief_html",
           "render_brief_markdown", "render_markdown"]


def render_brief(brief: dict, records: dict[str, dict], output_format: str) -> str:
    """The brief as json, md or html; `records` maps each cited document id to its record."""
    if output_format == "json":
        import json

        return json.dumps(brief, ensure_ascii=False, indent=2) + "\n"
    if output_format == "md":
        return render_brief_markdown(brief, {doc: r["document"]["text"] for doc, r in records.items()})
    if output_format == "html":
        return render_brief_html(brief, records)
    raise ValueError(f"a brief is json, md or html, not {output_format!r}")
