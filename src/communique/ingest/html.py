"""HTML pages to text and metadata with trafilatura (comments left out)."""
from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura

HTML_HINT = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|article|div|p)\b", re.IGNORECASE)


@dataclass
class HtmlExtract:
    text: str
    title: str | None
    author: str | None
    published: str | None
    url: str | None
    language: str | None


def looks_like_html(text: str) -> bool:
    return bool(HTML_HINT.search(text[:4096]))


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Main text and metadata of a page; paragraphs come out one per line."""
    result = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=True, with_metadata=True, deduplicate=False
    )
    if result is None:
        return HtmlExtract("", None, None, None, url, _declared_language(html))
    meta = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return HtmlExtract(
        text=meta.get("text") or "",
        title=meta.get("title") or None,
        author=meta.get("author") or None,
        published=meta.get("date") or None,
        url=meta.get("url") or url,
        language=meta.get("language") or _declared_language(html),
    )


def _declared_language(html: str) -> str | None:
    match = re.search(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", html[:4096], re.IGNORECASE)
    return match.group(1).lower() if match else None
