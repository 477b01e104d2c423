"""HTML pages to text and metadata with trafilatura (comments left out).

Two passes of trafilatura's own extractor (``fast``: without its readability and
jusText fallbacks, which on news pages tend to bring back comments and link
lists):

1. a precise pass (``favor_precision``), which leaves out more of the page's
   boilerplate (teasers, share and print links, captions);
2. a broad pass (``favor_recall``), as a guard: when the precise pass kept less
   than ``PRECISE_MIN_SHARE`` of the broad pass's text (it cut into the article
   itself, or found nothing), the broad pass's text is used.

Chosen by measurement on the 127 benchmark pages in ../shared/corpus/html (mean
token F1 of trafilatura's text against the article body): its defaults 0.954,
the broad pass alone 0.962, the precise pass alone 0.934 (it loses whole
articles on a few pages), the two passes 0.969; 0.970 after our cleaning.
The metadata (title, author, date) is the same in every mode.

Cost: every step here is linear in the page (see benchmarks/cleaning.py).

- The page is parsed once, with trafilatura's own loader, and both passes get
  the tree (trafilatura copies a tree it is given, so the passes do not see
  each other's pruning).
- Never-rendered content leaves the tree first: ``<template>`` (trafilatura
  only strips the tag, so its inert content would become text) and elements
  with the ``hidden`` attribute.
- Long runs of inline elements (``<span>``, ``<font>``, ``<b>``, ...) under one
  parent are merged into their text. trafilatura strips such tags, which leaves
  one text node per element, and lxml reads adjacent text nodes back by
  repeated concatenation: a paragraph of a million ``<span>`` took minutes.
- The broad pass is skipped when it cannot change the outcome: the precise pass
  already kept at least ``PRECISE_MIN_SHARE`` of all the visible text, which is
  more than the broad pass could ever find.
- A page with more than ``MAX_TREE_ELEMENTS`` elements even after that (far above
  any news page: the 127 benchmark pages have at most 1,600) is not a layout
  trafilatura's heuristics are made for, and its copies of the tree would cost
  hundreds of MB: its visible text is taken directly, one block per line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.utils import load_html

NON_WORD = re.compile(r"\W+")
PRECISE_MIN_SHARE = 0.5
COMMON_OPTIONS = dict(fast=True, include_comments=False, include_tables=True, with_metadata=True, deduplicate=False)

# Detection (``looks_like_html``): what may precede the first tag of a page, and
# the tags that make a document markup rather than prose.
_LEAD_SPACE = re.compile(r"\s*")
_LEAD_COMMENT_END = re.compile(r"-->")
_LEAD_DECLARATION = re.compile(r"<[!?][^>]*>")  # <!DOCTYPE ...>, <?xml ...?>
_LEAD_RAW = re.compile(r"<(script|style|noscript|template)\b", re.IGNORECASE)
_RAW_END = {name: re.compile(r"</%s\s*>" % name, re.IGNORECASE) for name in ("script", "style", "noscript", "template")}
HTML_ELEMENTS = (
    "html|head|body|meta|link|title|base|article|section|main|header|footer|nav|aside|div|p|span|a|h[1-6]|ul|ol|li|"
    "table|thead|tbody|tr|td|th|form|img|br|hr|figure|blockquote|pre|iframe|b|i|em|strong|font|center|dl|dt|dd")
_LEAD_TAG = re.compile(r"<(?:!doctype\s+html\b|(?:%s)\b)" % HTML_ELEMENTS, re.IGNORECASE)
_ANY_TAG = re.compile(r"</?(?:%s)\b[^<>]{0,500}>" % HTML_ELEMENTS, re.IGNORECASE)
HINT_SCAN_CHARS = 65536
MIN_TAGS_IN_PROSE = 6

UNRENDERED_XPATH = "//template | //*[@hidden]"
INLINE_TAGS = frozenset((
    "span", "font", "b", "i", "u", "s", "em", "strong", "small", "big", "mark", "abbr", "acronym", "cite", "dfn",
    "bdi", "bdo", "nobr", "sub", "sup", "tt", "var", "kbd", "samp", "ins", "data"))
FLATTEN_MIN_CHILDREN = 200
MAX_TREE_ELEMENTS = 20_000
MAX_TITLE_WORDS = 40  # past this, a page's <title> holds a body, not a headline
# Not visible in a browser (or not article text); dropped in the plain fallback.
FALLBACK_DROP = ("head", "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "svg",
                 "iframe", "object", "select", "button", "textarea", "canvas", "math")
BLOCK_TAGS = ("p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt",
              "dd", "tr", "td", "th", "blockquote", "pre", "br", "hr", "table", "ul", "ol", "dl", "figure",
              "figcaption", "address", "details", "summary", "caption")


@dataclass
class HtmlExtract:
    text: str
    title: str | None
    author: str | None
    published: str | None
    url: str | None
    language: str | None


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is markup: it starts with an HTML tag once a lead of
    white space, comments, declarations and raw-text elements (a long inline
    ``<script>`` before ``<html>``) is skipped, or many HTML tags stand in its
    first ``HINT_SCAN_CHARS``. Prose that mentions ``<p>`` once stays text.
    Linear: every scan moves forward from where the last one stopped."""
    pos = 0
    while True:
        pos = _LEAD_SPACE.match(text, pos).end()
        if text.startswith("<!--", pos):
            end = _LEAD_COMMENT_END.search(text, pos + 4)
            if end is None:
                return True  # an unclosed comment is markup, never prose
            pos = end.end()
            continue
        raw = _LEAD_RAW.match(text, pos)
        if raw is not None:
            end = _RAW_END[raw.group(1).lower()].search(text, raw.end())
            if end is None:
                return True  # an unclosed <script>: all markup
            pos = end.end()
            continue
        if _LEAD_TAG.match(text, pos):
            return True
        declaration = _LEAD_DECLARATION.match(text, pos)
        if declaration is None:
            break
        pos = declaration.end()
    tags = 0
    for _ in _ANY_TAG.finditer(text, pos, pos + HINT_SCAN_CHARS):
        tags += 1
        if tags >= MIN_TAGS_IN_PROSE:
            return True
    return False


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Main text and metadata of a page; paragraphs come out one per line."""
    tree = _parse(html)
    if tree is None:
        return HtmlExtract("", None, None, None, url, None)
    declared = _declared_language(tree)
    _drop_unrendered(tree)
    elements = _flatten_inline_runs(tree)
    if elements > MAX_TREE_ELEMENTS:
        return _plain_extract(tree, url, declared)
    precise = _extract(tree, url, favor_precision=True)
    result = precise
    if precise is None or _size(precise) < PRECISE_MIN_SHARE * _visible_size(tree):
        broad = _extract(tree, url, favor_recall=True)
        if broad is not None and (precise is None or _size(precise) < PRECISE_MIN_SHARE * _size(broad)):
            result = broad
    if result is None or not (result.get("text") or "").strip():
        # trafilatura found no main text: a fragment, or plain text with a stray tag
        # ("<p>The minister said ..."). Its visible text is what the page says.
        title_elem = tree.find(".//title")
        raw_title = title_elem.text_content() if title_elem is not None else ""
        plain = _plain_extract(tree, url, declared)
        if result is not None:
            plain.title = result.get("title") or plain.title
        if not plain.text and len(raw_title.split()) > MAX_TITLE_WORDS:
            # An unclosed <title> swallows the text after it (a plain article that opens
            # with a stray "<title>"): no headline is that long, so it is the body.
            lines = (" ".join(line.split()) for line in raw_title.split("\n"))
            plain.text, plain.title = "\n".join(line for line in lines if line), None
        return plain
    return HtmlExtract(
        text=result.get("text") or "",
        title=result.get("title") or None,
        author=result.get("author") or None,
        published=result.get("date") or None,
        url=result.get("url") or url,
        language=result.get("language") or declared,
    )


def _parse(html: str):
    """The page's lxml tree, by trafilatura's own loader (its parser and repairs),
    or None when it is not HTML at all."""
    try:
        tree = load_html(html)
        # trafilatura's loader gives up on a fragment that does not start like a page
        # ("<p>\nThe minister said ..."); lxml's own parser still reads it.
        # Characters XML does not allow are dropped first: lxml keeps them in the
        # tree it parses but refuses them when the text is set again.
        return tree if tree is not None else lxml.html.document_fromstring(_xml_safe(html))
    except (ValueError, TypeError, etree.LxmlError):
        return None


def _extract(tree, url: str | None, **options) -> dict | None:
    try:
        result = trafilatura.bare_extraction(tree, url=url, **COMMON_OPTIONS, **options)
    except Exception:  # noqa: BLE001 - a crash in trafilatura or htmldate on odd markup (an <svg> root
        return None  # trips an assertion in lxml) is a page it could not read: the plain extraction follows
    if result is None:
        return None
    return result.as_dict() if hasattr(result, "as_dict") else dict(result)


def _size(result: dict) -> int:
    return _word_chars(result.get("text") or "")


def _word_chars(text: str) -> int:
    return len(NON_WORD.sub("", text))


def _visible_size(tree) -> int:
    """Word characters of all text outside script and style: more than any
    extraction of the page can keep."""
    hidden = sum(_word_chars(s) for s in tree.xpath("//script/text() | //style/text()"))
    return _word_chars(tree.xpath("string()")) - hidden


def _drop_unrendered(tree) -> None:
    """Take out content a browser never shows (its tail text stays): ``<template>``
    content is inert until a script copies it, ``hidden`` elements are not rendered."""
    _drop_all(tree.xpath(UNRENDERED_XPATH))


def _drop_all(elements: list) -> None:
    """Remove ``elements`` with their content, their tails kept."""
    by_parent: dict = {}
    for elem in elements:
        parent = elem.getparent()
        if parent is not None:
            by_parent.setdefault(parent, set()).add(elem)
    for parent, doomed in by_parent.items():
        _rebuild(parent, lambda child: None if child in doomed else False)


def _flatten_inline_runs(tree) -> int:
    """Merge into text the inline children (``INLINE_TAGS`` holding only inline
    content) of every element that has more than ``FLATTEN_MIN_CHILDREN``
    children; returns the number of elements left. The XPath queries run in C."""
    for parent in tree.xpath("//*[count(*) > %d]" % FLATTEN_MIN_CHILDREN):
        _rebuild(parent, lambda child: _inline_text(child) if _is_inline(child) else False)
    return int(tree.xpath("count(//*)"))


def _rebuild(parent, change) -> None:
    """Rebuild ``parent``'s children once: ``change(child)`` is False to keep the
    child, None to remove it with its content, or a text to put in its place
    (its tail stays in every case). lxml's own ``drop_tree`` and ``strip_tags``
    are no good over a long run of siblings: the first joins each tail onto a
    growing string, the second leaves one text node per element, which lxml
    reads back by repeated concatenation. Here every new text is one join."""
    pieces: list[str] = [parent.text or ""]  # the text before the next kept child
    kept = []
    changed = False
    for child in parent:  # no list: the proxies of merged children are freed as we go
        replacement = change(child)
        if replacement is False:
            kept.append((child, pieces))
            pieces = [child.tail or ""]
            continue
        changed = True
        if replacement:
            pieces.append(replacement)
        pieces.append(child.tail or "")
    if not changed:
        return
    kept.append((None, pieces))
    parent[:] = []  # detaches every child with its tail
    parent.text = "".join(kept[0][1]) or None
    for (child, _), (_, after) in zip(kept, kept[1:]):
        child.tail = "".join(after) or None
        parent.append(child)


def _inline_text(elem) -> str:
    return (elem.text or "") if len(elem) == 0 else "".join(elem.itertext())


def _is_inline(elem) -> bool:
    return elem.tag in INLINE_TAGS and (len(elem) == 0 or all(d.tag in INLINE_TAGS for d in elem.iterdescendants()))


def _plain_extract(tree, url: str | None, declared: str | None) -> HtmlExtract:
    """Visible text of an oversized page, one block per line, in time linear in
    the page (lxml serialises the text in C)."""
    title_elem = tree.find(".//title")
    title = " ".join(title_elem.text_content().split()) if title_elem is not None else None
    _drop_all(list(tree.iter(*FALLBACK_DROP)))
    for elem in tree.iter(*BLOCK_TAGS):
        elem.tail = "\n" + _xml_safe(elem.tail or "")
        if len(elem) or elem.text:
            elem.text = "\n" + _xml_safe(elem.text or "")
    body = tree.find(".//body")
    text = etree.tostring(body if body is not None else tree, method="text", encoding="unicode")
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return HtmlExtract("\n".join(line for line in lines if line), title or None, None, None, url, declared)


# lxml refuses to set text holding characters XML does not allow (a fragment parsed
# by lxml.html may hold them): they are dropped, as a browser does not show them.
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    return XML_UNSAFE.sub("", text)


def _declared_language(tree) -> str | None:
    """The primary language subtag of ``<html lang>``, wherever the tag stands."""
    root = tree.getroottree().getroot()
    html = root if root.tag == "html" else root.find(".//html")
    match = re.match(r"\s*([A-Za-z]{2,3})", (html.get("lang") or "") if html is not None else "")
    return match.group(1).lower() if match else None
