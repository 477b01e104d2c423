"""Clean plain text, including text scraped from a web page with its boilerplate.

The input may be a clean article, hard-wrapped newswire, or a page's visible text
with a repeated title, menus, sponsor slots, a byline and an author bio. The rules
are general and conservative (the body is kept whole):

1. normalise line ends and spaces; join hard-wrapped lines, so that every line
   left is a block (paragraph, bullet item or heading);
2. the title: a first line that looks like a headline (short, no closing full
   stop) and is repeated or stands alone; every copy of it leaves the body;
3. the head: a byline ("By Jane Doe") and a date line before the body are read
   into metadata and removed; lines repeated in the page are boilerplate;
4. the tail: link-like lines (short, no sentence punctuation, or template
   junk such as ``spot_img``) at the end are a menu and go; a closing paragraph
   that starts with a name followed by bio words is the author bio.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import load_yaml

SENTENCE_END = tuple('.!?:;"”’»)…')
MENU_MAX_WORDS = 6
HEADLINE_MAX_WORDS = 25
BIO_SCAN_WORDS = 12
NAME_WORD = re.compile(r"^[A-Z][\w'’.\-]*$")
TEMPLATE_JUNK = re.compile(r"\w+_\w+|\{\{|\}\}|&\w+;")
CLOCK_OR_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


@dataclass
class CleanText:
    text: str
    title: str | None = None
    author: str | None = None
    author_bio: str | None = None
    date_line: str | None = None
    removed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Lexicon:
    bio_openers: frozenset
    bio_roles: frozenset
    byline: re.Pattern
    bullets: tuple
    date_line: re.Pattern


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_yaml("ingest/page_text.yml")
    openers = sorted(data["byline_openers"], key=len, reverse=True)
    byline = re.compile(r"^(?:%s)\s*:?\s+(?P<name>[A-Z][^,|\n]{1,60}?)\s*(?:[,|].*)?$"
                        % "|".join(re.escape(o) for o in openers), re.IGNORECASE)
    months = "|".join(data["months"])
    days = "|".join(data["weekdays"])
    date_line = re.compile(
        r"^(?:(?:%s),?\s+)?(?:(?:%s)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:%s)\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})"
        r"(?:\s*[,|@-]?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\.?$" % (days, months, months),
        re.IGNORECASE)
    return _Lexicon(frozenset(data["bio_openers"]), frozenset(data["bio_roles"]), byline, tuple(data["bullet_marks"]), date_line)


def clean_text(raw: str, title: str | None = None, author: str | None = None) -> CleanText:
    """Clean ``raw`` (see the module docstring). A given title or author is kept
    and used to recognise their copies in the page."""
    lex = _lexicon()
    lines = _blocks(_normalise(raw), lex)
    out = CleanText(text="", title=title, author=author)

    counts = Counter(line for line in lines if line)
    body_start = _first_body_line(lines, lex)

    # The title: given, or a headline-like first line.
    first = next((i for i, line in enumerate(lines) if line), None)
    if out.title is None and first is not None and first < body_start:
        candidate = lines[first]
        alone = first + 1 >= len(lines) or not lines[first + 1]
        if _headline_like(candidate) and (counts[candidate] > 1 or alone):
            out.title = candidate

    kept: list[str] = []
    for i, line in enumerate(lines):
        if not line:
            kept.append(line)
            continue
        if out.title and _same(line, out.title) and (i < body_start or counts[line] > 1):
            out.removed.append(line)
            continue
        if i < body_start:
            match = lex.byline.match(line)
            if match and len(line.split()) <= 8:
                out.author = out.author or match.group("name").strip()
                out.removed.append(line)
                continue
            if lex.date_line.match(line):
                out.date_line = out.date_line or line
                out.removed.append(line)
                continue
            if _link_like(line, lex) or counts[line] > 1:
                out.removed.append(line)
                continue
        elif counts[line] > 1 and _link_like(line, lex):
            out.removed.append(line)
            continue
        kept.append(line)

    kept = _strip_tail(kept, out, lex)
    text = "\n".join(kept)
    out.text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return out


def _normalise(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\t", " ")
    text = re.sub(r"[\u200b\ufeff]", "", text)
    return "\n".join(re.sub(r" {2,}", " ", line).strip() for line in text.split("\n"))


def _blocks(text: str, lex: _Lexicon) -> list[str]:
    """Lines of the text, hard wraps joined: a line break stays where a blank
    line, a bullet, a sentence end or a heading-like line makes it a boundary."""
    out: list[str] = []
    for line in text.split("\n"):
        if out and out[-1] and line and not _ends_block(out[-1], line, lex):
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
    return out


def _ends_block(previous: str, line: str, lex: _Lexicon) -> bool:
    if previous.endswith(SENTENCE_END) or line.startswith(lex.bullets):
        return True
    # A short line not ending a sentence, followed by a capitalised one, is a
    # heading or a menu entry, not the first half of a wrapped sentence.
    return len(previous) < 45 and line[:1].isupper()


def _first_body_line(lines: list[str], lex: _Lexicon) -> int:
    """Index of the first line that reads like running text (a sentence of some length)."""
    for i, line in enumerate(lines):
        if len(line.split()) >= 12 and re.search(r"[.!?:;]", line):
            return i
    return 0


def _headline_like(line: str) -> bool:
    words = line.split()
    return 1 <= len(words) <= HEADLINE_MAX_WORDS and not line.endswith((".", ",", ";")) and line[:1].isupper()


def _link_like(line: str, lex: _Lexicon) -> bool:
    """A menu entry, a tag or a sponsor slot: few words and no sentence, or template junk."""
    core = line.lstrip("".join(lex.bullets)).strip()
    words = core.split()
    if TEMPLATE_JUNK.search(core) and len(words) <= MENU_MAX_WORDS:
        return True
    return len(words) <= MENU_MAX_WORDS and not core.endswith(SENTENCE_END)


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", " ", a).strip().lower() == re.sub(r"\W+", " ", b).strip().lower()


def _strip_tail(lines: list[str], out: CleanText, lex: _Lexicon) -> list[str]:
    """Drop the trailing menu and take the author bio, repeating while either changes the tail."""
    lines = list(lines)
    while True:
        while lines and (not lines[-1] or _link_like(lines[-1], lex)):
            removed = lines.pop()
            if removed:
                out.removed.append(removed)
        if not lines:
            return lines
        bio = _author_bio(lines[-1], out.author, lex)
        if bio is None:
            return lines
        name, text = bio
        out.author = out.author or name
        out.author_bio = out.author_bio or text
        out.removed.append(lines.pop())


def _author_bio(line: str, author: str | None, lex: _Lexicon) -> tuple[str, str] | None:
    """(name, bio) when ``line`` is a closing bio: it starts with the known author's
    name, or with one to three capitalised words, an opener and soon a role word."""
    if author and line.startswith(author) and line != author:
        return author, line[len(author):].strip(" ,:-–—")
    words = line.split()
    for n in range(1, 4):
        if len(words) <= n + 2 or not NAME_WORD.match(words[n - 1]):
            return None
        following = [w.strip(".,;:()").lower() for w in words[n:n + BIO_SCAN_WORDS]]
        opens = following[0] in lex.bio_openers or following[0] in lex.bio_roles
        if opens and any(w in lex.bio_roles for w in following):
            return " ".join(words[:n]), " ".join(words[n:])
    return None
