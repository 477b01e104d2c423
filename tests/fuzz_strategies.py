"""Hypothesis strategies for the fuzz suite (tests/test_fuzz.py): hostile text, markup,
JSONL lines and mutations of real articles.

The text strategies mix three things, because each finds different bugs: news-like
words (so the parser builds sentences, actors, quotes, numbers and dates and the
extractors really run), odd characters (lone surrogates, controls, bidi and
zero-width marks, combining marks, CJK, emoji) and odd layout (CR-only line ends,
blank lines, many short lines, very long tokens).
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from hypothesis import strategies as st

# Characters that have broken text pipelines before: lone surrogates (what
# json.loads('"\\ud800"') gives), NUL and other controls, CR, NEL, line and
# paragraph separators, bidi marks and overrides, zero-width characters, the BOM,
# combining marks, a CJK ideograph, full-width punctuation, emoji with ZWJ and a
# skin-tone modifier, the replacement character, private use, non-characters.
ODD_CHARACTERS = (
    "\ud800", "\udfff", "\udc80", "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\r",
    "\u2028", "\u2029", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u061c", "\u200b", "\u200c",
    "\u200d", "\u2060", "\ufeff", "\u0301", "\u0308", "\u20dd", "\u0489", "\u4e2d", "\u6587", "\u3002", "\uff0c",
    "\u300c", "\u300d", "\U0001f600", "\U0001f1fa\U0001f1f8", "\U0001f469\u200d\U0001f4bb", "\U0001f44d\U0001f3fd",
    "\ufffd", "\ue000", "\uffff", "\U0010ffff", "\u00a0", "\u2009", "\u3000", "\u00ad", "\u0130", "\u0131",
    "\ufb01", "\u2167", "\u00bd", "\u0663", "\u09e6", "\uff11", "\u2212", "\u2013", "\u2014", "\u2026",
)

# News vocabulary, so the extractors find something to work on: actors (countries,
# capitals, office holders, IGOs, pronouns), speech verbs and quotation marks,
# event verbs, numbers and units, dates and times, and sentence punctuation.
NEWS_WORDS = (
    "Russia", "Russian", "China", "Beijing", "Moscow", "the Kremlin", "U.S.", "Washington", "Iran", "Iraqi",
    "Ukraine", "NATO", "the UN", "EU", "Putin", "Xi", "Xi Jinping", "Biden", "President", "president",
    "minister", "Foreign Minister", "spokesperson", "Peskov", "Hamas", "the Pentagon", "He", "he", "She",
    "they", "They", "I", "we", "the two countries", "both leaders", "officials", "troops", "rebels",
    "said", "says", "told", "reporters", "that", "announced", "warned", "according to", "added", "urged",
    "accused", "denied", "criticized", "called", "the plan", "a disaster", "is expected to", "was reported",
    "agreed", "to", "a ceasefire", "sanctions", "attacked", "killed", "met", "visited", "signed", "an agreement",
    "will", "would", "not", "if", "unless", "plans to", "refused to", "and", "but", "or", "the", "a", "of", "in",
    "on", "with", "by", "for", "from", "who", "which", "\u201c", "\u201d", '"', "'", "\u2018", "\u2019",
    "\u00ab", "\u00bb", ",", ".", ".", "?", "!", ":", ";", "(", ")", "-", "--", "\u2014", "...", "/", "%",
    "$", "\u20ac", "1", "2", "3", "10", "20", "100", "1,000", "3.5", "1/2", "200B", "3.4 mln", "million",
    "billion", "eleven", "two", "a hundred", "twenty-one", "dozens", "percent", "dlrs", "barrels", "tonnes",
    "km", "USD", "about", "nearly", "more than", "up to", "between", "yesterday", "today", "Monday",
    "on Tuesday", "last week", "next year", "this Spring", "December 30", "2022", "1987", "2024-01-01",
    "0355 EST", "10:30", "the last eleven months", "every year", "by the end of 2022", "Q3", "the 1990s",
    "morning", "ago", "Article 5", "G20", "Boeing 737", "F-16", "COVID-19", "#1", "No.", "Mr.", "Dr.",
    "It", "it", "is", "was", "has", "had", "been", "be", "shows", "found", "poll", "study",
)

MARKUP_FRAGMENTS = (
    "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<script>", "</script>", "<style>", "</style>",
    "<template>", "</template>", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<html>", "</html>",
    "<head>", "<body>", "<article>", "</article>", "<title>", "</title>", "<h1>", "</h1>", "<li>", "<ul>",
    "<table>", "<tr>", "<td>", "<a href=\"http://x/\">", "</a>", "<img src=x onerror=alert(1)>", "<svg>",
    "<math>", "<noscript>", "<iframe>", "<meta charset=\"utf-8\">", "<html lang=\"zh\">", "<p class='a",
    "<", ">", "&amp;", "&lt;", "&#0;", "&#x110000;", "&#xD800;", "&nbsp;", "&bogus;", "&#", "{{", "}}",
    "spot_img", "<?xml version=\"1.0\"?>", "<p/>", "</ p>", "<P>", "</", "<!-- unclosed comment",
)

LINE_ENDS = ("\n", "\n", "\r\n", "\r", "\n\n", "\r\r", "\n \n", "\u2028", "\x0c", "\n\t\n")
SPACES = (" ", " ", " ", "  ", "\t", "\u00a0", "", "\u200b")

# A run of one character, or a short pattern repeated: one huge token, or a
# pathological stretch of the same token.
HUGE_UNITS = ("a", "1", "-", "http://x/", "a/", ".", '"', "A", "1.", "1,", "_", "a_", "\u4e2d", "'", "(",
              "$", "1e", "\U0001f600", "\u0301", "=", "0", "9" * 7 + ".")


def _join(pieces: list[tuple[str, str]]) -> str:
    return "".join(piece + separator for piece, separator in pieces)


# Pieces of text: mostly news words (so sentences form), with odd characters,
# arbitrary Unicode (surrogates included) and markup mixed in.
piece = st.one_of(
    st.sampled_from(NEWS_WORDS),
    st.sampled_from(NEWS_WORDS),
    st.sampled_from(NEWS_WORDS),
    st.sampled_from(ODD_CHARACTERS),
    st.text(st.characters(codec=None, exclude_categories=()), max_size=6),
    st.text(st.characters(categories=["Cs", "Cc", "Cf", "Mn", "Zl", "Zp", "Zs"]), min_size=1, max_size=3),
    st.sampled_from(MARKUP_FRAGMENTS),
)
separator = st.one_of(st.sampled_from(SPACES), st.sampled_from(SPACES), st.sampled_from(LINE_ENDS))


def hostile_text(max_pieces: int = 120, min_pieces: int = 0) -> st.SearchStrategy[str]:
    """News-like words, odd characters and markup, with odd spacing and line ends."""
    return st.lists(st.tuples(piece, separator), min_size=min_pieces, max_size=max_pieces).map(_join)


def huge_token(units=HUGE_UNITS, min_size: int = 10_000, max_size: int = 100_000) -> st.SearchStrategy[str]:
    """One very long token (a unit repeated to 10^4-10^5 characters)."""
    return st.builds(lambda unit, size: (unit * (size // len(unit) + 1))[:size],
                     st.sampled_from(units), st.integers(min_size, max_size))


def sentence_with(token: str) -> list[str]:
    """The ways a long token can sit in a text: alone, inside a sentence, in a quote."""
    return [token, f"The minister said {token} on Monday.",
            f"\u201c{token},\u201d Putin told reporters in Moscow, adding that {token} was 3 million."]


@st.composite
def layout_text(draw) -> str:
    """Odd layouts of sensible lines: many short lines, blank lines, CR-only line
    ends, a hard-wrapped paragraph, bullets, repeated lines."""
    words = st.sampled_from(NEWS_WORDS)
    line = st.lists(words, min_size=0, max_size=14).map(" ".join)
    lines = draw(st.lists(st.one_of(line, st.just(""), st.sampled_from(("-", "\u2022", "*", "1.", "By Jane Doe",
                                                                          "January 4, 2019", "Read more:",
                                                                          "spot_img", "Share"))),
                          min_size=1, max_size=draw(st.sampled_from((5, 40, 300)))))
    end = draw(st.sampled_from(LINE_ENDS))
    return end.join(lines)


# ------------------------------------------------------------------ markup
def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    tag = st.sampled_from(("p", "div", "span", "article", "section", "li", "ul", "table", "td", "b", "a", "h1",
                           "script", "style", "template", "noscript", "main", "header", "footer", "nav", "svg"))
    close = st.sampled_from((True, True, True, False))  # some tags stay unclosed
    return st.builds(lambda t, inner, closed: f"<{t}>{inner}" + (f"</{t}>" if closed else ""),
                     tag, children, close)


markup = st.recursive(
    st.one_of(hostile_text(15), st.sampled_from(MARKUP_FRAGMENTS)),
    lambda children: st.one_of(_element(children), st.lists(children, max_size=4).map("".join)),
    max_leaves=30,
)


@st.composite
def html_page(draw) -> str:
    """A page shell (sometimes none) around generated markup; sometimes very deep nesting."""
    body = draw(markup)
    depth = draw(st.sampled_from((0, 0, 0, 50, 300, 2000)))
    if depth:
        tag = draw(st.sampled_from(("div", "span", "b", "p", "li")))
        body = f"<{tag}>" * depth + body + f"</{tag}>" * draw(st.sampled_from((0, depth)))
    shell = draw(st.sampled_from((
        "{}", "<html><body>{}</body></html>",
        "<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head><body><article>{}</article></body></html>",
        "<html><head><script>var a = '{}';</script></head><body><p>{}</p></body></html>",
    )))
    return shell.replace("{}", body)


# ------------------------------------------------------------------ real articles
def load_articles(root: Path, limit: int = 150) -> list[str]:
    """Texts of real news articles from ../shared (corpus/news/*.jsonl.gz, examples/*/article.txt)."""
    texts: list[str] = []
    for path in sorted((root / "examples").glob("*/article.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    for path in sorted((root / "corpus" / "news").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for n, line in enumerate(handle):
                if n >= limit // 2:
                    break
                text = json.loads(line).get("text") or ""
                if text.strip():
                    texts.append(text[:6000])  # keep a run fast; the mutations are the point
    return texts


@st.composite
def mutated_article(draw, articles: list[str]) -> str:
    """A real article with a few edits: a stretch deleted, duplicated, replaced by
    garbage, or spliced in from another article."""
    text = draw(st.sampled_from(articles))
    for _ in range(draw(st.integers(1, 4))):
        n = len(text)
        start = draw(st.integers(0, n))
        end = draw(st.integers(start, min(n, start + 400)))
        action = draw(st.sampled_from(("delete", "duplicate", "garbage", "splice", "huge")))
        if action == "delete":
            text = text[:start] + text[end:]
        elif action == "duplicate":
            text = text[:end] + text[start:end] * draw(st.integers(1, 5)) + text[end:]
        elif action == "garbage":
            text = text[:start] + draw(st.one_of(hostile_text(10), st.sampled_from(MARKUP_FRAGMENTS))) + text[end:]
        elif action == "splice":
            other = draw(st.sampled_from(articles))
            a = draw(st.integers(0, len(other)))
            text = text[:start] + other[a:a + 500] + text[end:]
        else:  # a long token in the middle of real text (kept modest: spaCy's own cost grows with it)
            text = text[:start] + draw(st.sampled_from(HUGE_UNITS)) * draw(st.integers(50, 3000)) + text[start:]
    return text


# ------------------------------------------------------------------ JSONL lines
@st.composite
def jsonl_line(draw, number: int) -> tuple[str | bytes, str | None]:
    """One JSONL input line (str or bytes) and the id its output must carry, when the
    line names one that is sure to survive (a plain ASCII string id)."""
    kind = draw(st.sampled_from(("record", "record", "record", "blank", "garbage", "not_object", "bad_field",
                                 "big_int", "deep", "surrogate", "bom", "cr", "bad_utf8")))
    ident = f"r{number}"
    text = draw(st.one_of(st.sampled_from(("Putin said Russia would talk to China on Monday.",
                                           "The minister said 3 million troops left.")), hostile_text(20)))
    record = {"id": ident, "text": text, "published": draw(st.sampled_from((None, "2024-01-01", "2024-13-45", "x")))}
    expected: str | None = ident
    if kind == "record":
        line: str | bytes = json.dumps(record)
    elif kind == "blank":
        line, expected = draw(st.sampled_from(("", " ", "\t", "\r", "\u00a0"))), f"line-{number}"
    elif kind == "garbage":
        line, expected = draw(st.sampled_from(("{", "}", "nul", "{'id': 1}", "[1,", "\x00", "{\"id\": "))), None
    elif kind == "not_object":
        line, expected = draw(st.sampled_from(("[]", "1", "\"text\"", "null", "true", "[{\"id\": \"x\"}]"))), None
    elif kind == "bad_field":
        line = json.dumps({**record, draw(st.sampled_from(("text", "title", "published", "html"))): [1, {"a": 2}]})
    elif kind == "big_int":  # Python refuses int() of more than 4,300 digits
        line, expected = '{"id": ' + "9" * draw(st.integers(4300, 6000)) + ', "text": "Putin said so."}', None
    elif kind == "deep":  # json.loads recurses: a RecursionError, not a JSONDecodeError
        depth = draw(st.integers(1000, 100_000))
        line, expected = '{"id": "' + ident + '", "text": "x", "a": ' + "[" * depth + "]" * depth + "}", None
    elif kind == "surrogate":  # JSON escapes that decode to lone surrogates in the id and title
        line = '{"id": "r' + str(number) + '\\ud800", "title": "\\udfff T", "text": ' + json.dumps(text) + "}"
        expected = None  # the id is made printable (U+FFFD), and may be written either way
    elif kind == "bom" and number == 1:  # a BOM is where a file starts
        line = "\ufeff" + json.dumps(record)
    elif kind == "cr":  # CRs inside the line, as JSON whitespace: still one record
        line = json.dumps(record).replace(", ", ",\r", 1).replace(": ", ":\r ", 1)
    elif kind == "bad_utf8":  # bytes that are not UTF-8, inside the text
        line = json.dumps({**record, "text": "Putin said MARK so."}).encode("utf-8").replace(b"MARK", b"\xff\xfe\xc3(")
    else:
        line = json.dumps(record)
    if isinstance(line, str) and draw(st.booleans()):
        line += draw(st.sampled_from(("\n", "\r\n")))  # as read from a file
    if isinstance(line, str) and draw(st.booleans()):
        line = line.encode("utf-8", "surrogatepass")
    return line, expected
