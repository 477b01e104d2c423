"""Sources that are not plain files: URLs (a page, or an RSS/Atom feed whose entries are
fetched in turn), feed files (.rss, .atom, .xml) and WARC archives (.warc, .warc.gz).

Fetching is bounded: a timeout per request and the ``max_bytes`` limit on what is read;
a page that cannot be fetched is an error naming it (C102), and the others go on. A feed
entry whose page cannot be fetched is read from the feed's own summary instead (with a
warning in the record).
"""
from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from ..errors import CommuniqueError, error_object
from ..ingest import document_from_text
from ..record import Document

FETCH_TIMEOUT = 20.0
USER_AGENT = "communique (news event coder)"
FEED_SUFFIXES = (".rss", ".atom", ".xml")
WARC_SUFFIXES = (".warc", ".warc.gz")


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def fetch(url: str, max_bytes: int, timeout: float = FETCH_TIMEOUT) -> tuple[bytes, str]:
    """The body (at most ``max_bytes``) and content type of a URL; C102 naming it when it
    cannot be read, C103 when it is larger."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only (is_url)
            body = response.read(max_bytes + 1)
            kind = response.headers.get_content_type()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or str(exc)
        raise CommuniqueError("C102", path=url, reason=str(reason)) from None
    if len(body) > max_bytes:
        raise CommuniqueError("C103", source=url, size=len(body), limit=max_bytes)
    return body, kind


def _feed(body: bytes):
    import feedparser

    parsed = feedparser.parse(body)
    return parsed if parsed.get("version") and parsed.entries else None


def url_documents(url: str, max_bytes: int, published: str | None) -> Iterator[Document | dict]:
    """A page's Document, or, for a feed, one per entry."""
    try:
        body, kind = fetch(url, max_bytes)
    except CommuniqueError as exc:
        yield error_object(url, exc)
        return
    feed = _feed(body) if ("xml" in kind or "rss" in kind or "atom" in kind or body.lstrip()[:5] == b"<?xml") else None
    if feed is not None:
        yield from _entries(feed, max_bytes, published, url)
        return
    yield _page(url, body, published)


def feed_file_documents(path: Path, max_bytes: int, published: str | None) -> Iterator[Document | dict]:
    body = path.read_bytes()[: max_bytes + 1]
    feed = _feed(body)
    if feed is None:
        yield error_object(str(path), CommuniqueError("C102", path=str(path), reason="not an RSS or Atom feed"))
        return
    yield from _entries(feed, max_bytes, published, str(path))


def _entries(feed, max_bytes: int, published: str | None, where: str) -> Iterator[Document | dict]:
    for number, entry in enumerate(feed.entries, start=1):
        link = entry.get("link")
        day = published or _entry_day(entry)
        if link and is_url(link):
            try:
                body, _ = fetch(link, max_bytes)
                yield _page(link, body, day, title=entry.get("title"))
                continue
            except CommuniqueError as exc:
                failure = exc.message
        else:
            failure = "the entry has no http(s) link"
        summary = (entry.get("content") or [{}])[0].get("value") or entry.get("summary")
        if not summary:
            yield error_object(link or f"{where} entry {number}",
                               CommuniqueError("C102", path=link or f"{where} entry {number}", reason=failure))
            continue
        try:
            document = document_from_text(summary, link or f"{where}#{number}", url=link, title=entry.get("title"),
                                          published=day, is_html=True)
            document.warnings.append(f"read from the feed's summary: {failure}")
            yield document
        except Exception as exc:  # noqa: BLE001 - one bad entry never stops the feed
            yield error_object(link or f"{where} entry {number}", exc)


def _entry_day(entry) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", stamp) if stamp else None


def _page(url: str, body: bytes, published: str | None, title: str | None = None) -> Document | dict:
    try:
        return document_from_text(body.decode("utf-8", errors="replace"), url, url=url, title=title,
                                  published=published, is_html=True)
    except Exception as exc:  # noqa: BLE001 - reported, the batch goes on
        return error_object(url, exc)


def warc_documents(path: Path, max_bytes: int, published: str | None) -> Iterator[Document | dict]:
    """A Document per HTML response record of a WARC archive, its URL the record's target."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response" or not record.http_headers:
                    continue
                if "html" not in (record.http_headers.get_header("Content-Type") or ""):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or str(path)
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield error_object(url, CommuniqueError("C103", source=url, size=len(body), limit=max_bytes))
                    continue
                yield _page(url, body, published)
    except Exception as exc:  # noqa: BLE001 - a broken archive is reported, the other sources go on
        yield error_object(str(path), CommuniqueError("C102", path=str(path), reason=str(exc) or type(exc).__name__))
