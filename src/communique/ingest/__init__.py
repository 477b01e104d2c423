"""Ingest: sources (a text file, a saved web page, a JSONL record) -> Document.

    read bytes (size, gzip, binary, UTF-8 checks)      sources.py
    HTML -> main text + metadata (trafilatura)         html.py
    text -> cleaned body, title, byline, author bio    page_text.py
    the wire dateline that opens the body              dateline.py
    language check, sha256 of the cleaned body         language.py

``--published`` (or a record's ``published``) overrides any date found in the page.
A wire dateline stays in the text as its own line and is read into
``document.dateline``: its date without a year takes the year that puts it closest
before or at the published date (the analysis resolves it against the
``reference_date`` setting when there is none, and fills in the place's country).
"""
from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from pathlib import Path

from ..errors import CommuniqueError, warning_text
from ..record import Dateline, Document
from .html import extract_html, looks_like_html
from .language import guess_language
from .dateline import resolve_date
from .page_text import CleanText, clean_text
from .jsonl import parse_json
from .sources import RawText, check_not_binary, read_file
from .unicode_safety import printable, printable_path, without_surrogates

__all__ = ["document_from_file", "document_from_record", "document_from_text", "parse_published", "read_file",
           "record_id"]

RECORD_STRING_FIELDS = ("text", "html", "title", "url", "published", "author")


def document_from_file(path: str | Path, max_bytes: int, published: str | None = None) -> Document:
    raw = read_file(path, max_bytes)
    return _document(raw, doc_id=printable_path(path), published=published)


def document_from_record(line: str, line_number: int, max_bytes: int, published: str | None = None,
                         warnings: list[str] | None = None) -> Document:
    """One JSONL input line -> Document; raises CommuniqueError naming the record.
    ``warnings``: what reading the line found (W101)."""
    where = f"line {line_number}"
    if not line.strip():
        raise CommuniqueError("C106", source=where, reason="the line is blank")
    size = len(line.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise CommuniqueError("C103", source=where, size=size, limit=max_bytes)
    try:
        record = parse_json(line)
    except ValueError as exc:
        raise CommuniqueError("C106", source=where, reason=str(exc)) from None
    if not isinstance(record, dict):
        raise CommuniqueError("C107", source=where, kind=type(record).__name__)
    doc_id = record_id(record, line_number)
    where = f"record {doc_id!r} ({where})"
    if not isinstance(record.get("id"), (str, int, float, type(None))) or isinstance(record.get("id"), bool):
        raise CommuniqueError("C109", source=where, field="id", expected="a string or a number", got=record["id"])
    fields = {}
    for name in RECORD_STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise CommuniqueError("C109", source=where, field=name, expected="a string", got=value)
        fields[name] = value
    body = fields["html"] or fields["text"]
    if not body or not body.strip():
        raise CommuniqueError("C108", source=where)
    check_not_binary(body, where)
    raw = RawText(where, body, list(warnings or []))
    return _document(raw, doc_id=doc_id, published=published or fields["published"], title=fields["title"],
                     url=fields["url"], author=fields["author"], is_html=bool(fields["html"]))


def record_id(record: dict, line_number: int) -> str:
    """A record's id as a string (``document.id``), or ``line-N`` when it has none."""
    value = record.get("id")
    return printable(str(value)) if value is not None else f"line-{line_number}"


def document_from_text(text: str, doc_id: str = "text", **metadata) -> Document:
    """A Document from a string already in memory (the Python API)."""
    return _document(RawText(printable(str(doc_id)), text), doc_id=printable(str(doc_id)), **metadata)


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_published(value: str | None, source: str = "--published") -> str | None:
    """Check a published date (YYYY-MM-DD, or a full ISO timestamp such as
    2022-01-01T10:00:00Z) and return YYYY-MM-DD. Anything else is C110, including
    a date with trailing text ("2022-01-01garbage") or the basic form 20220101."""
    if value is None or value == "":
        return None
    text = value.strip()
    try:
        if ISO_DATE.fullmatch(text):
            return date.fromisoformat(text).isoformat()
        if ISO_DATE.match(text) and text[10] in "T ":
            return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    raise CommuniqueError("C110", source=source, got=value)


def _document(raw: RawText, doc_id: str, published: str | None = None, title: str | None = None,
              url: str | None = None, author: str | None = None, is_html: bool | None = None) -> Document:
    raw, (title, url, author, published) = _without_surrogates(raw, title, url, author, published)
    published = parse_published(published, raw.source)
    warnings = list(raw.warnings)
    declared_language = None
    if is_html or (is_html is None and looks_like_html(raw.text)):
        page = extract_html(raw.text, url)
        fmt = "html"
        given_title, given_author = title, author
        # The page's own title and author are what its text repeats; given ones win in the record.
        title, author, url = page.title or title, page.author or author, url or page.url
        published = published or _page_date(page.published)
        declared_language = page.language
        body = page.text
    else:
        fmt = "text"
        body = raw.text
        given_title, given_author = None, None
    cleaned = clean_text(body, title=title, author=author, extracted=fmt == "html")
    cleaned.title, cleaned.author = given_title or cleaned.title, given_author or cleaned.author
    if not cleaned.text.strip():
        raise CommuniqueError("C105", source=raw.source)
    if fmt == "text" and cleaned.removed:
        fmt = "scraped"
    published = published or _page_date(cleaned.date_line)
    language = guess_language(cleaned.text, declared_language)
    if language != "en":
        warnings.append(warning_text("W102", source=raw.source, language=language))
    return Document(
        id=doc_id, text=cleaned.text, title=cleaned.title, author=cleaned.author, author_bio=cleaned.author_bio,
        published=published, url=url, language=language,
        sha256=hashlib.sha256(cleaned.text.encode("utf-8")).hexdigest(), source=raw.source, format=fmt,
        warnings=warnings, dateline=_dateline(cleaned, published),
    )


def _dateline(cleaned: CleanText, published: str | None) -> Dateline | None:
    """``document.dateline`` from the cleaned text's wire dateline: where its line
    stands in the text, and its date resolved against the published date."""
    found = cleaned.dateline
    if found is None:
        return None
    text = cleaned.text
    start = 0 if text.startswith(found.text) else text.find("\n" + found.text) + 1
    if start == 0 and not text.startswith(found.text):  # not found at a line start: cannot happen, kept safe
        return None
    return Dateline(text=found.text, span=(start, start + len(found.text)), place=found.place, region=found.region,
                    date=resolve_date(found.month, found.day, found.year, published), agency=found.agency)


def _without_surrogates(raw: RawText, *fields: str | None) -> tuple[RawText, list[str | None]]:
    """The text and metadata with lone surrogates replaced (W103 names the fields):
    such a string cannot be written as UTF-8, so it would fail the whole output."""
    names = ("text", "title", "url", "author", "published")
    cleaned, touched = [], []
    for name, value in zip(names, (raw.text, *fields)):
        if value is not None:
            value, replaced = without_surrogates(value)
            if replaced:
                touched.append(name)
        cleaned.append(value)
    if not touched:
        return raw, list(fields)
    warning = warning_text("W103", source=raw.source, fields=", ".join(touched))
    return RawText(raw.source, cleaned[0], raw.warnings + [warning]), cleaned[1:]


DATE_FORMATS = ("%A, %B %d, %Y", "%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%A %d %B %Y", "%Y-%m-%d")


def _page_date(value: str | None) -> str | None:
    """A date found in the page (metadata or a date line) as YYYY-MM-DD, or None."""
    if not value:
        return None
    # A date is short: bounding the value keeps the patterns below linear on any page.
    value = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", value[:100].strip().rstrip("."))
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    head = re.sub(r"\s*[,|@-]?\s*\d{1,2}[:.]\d{2}.*$", "", value)
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(head, fmt).date().isoformat()
        except ValueError:
            continue
    return None
