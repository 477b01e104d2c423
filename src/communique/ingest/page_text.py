"""Clean plain text, including text scraped from a web page with its boilerplate.

The input may be a clean article, hard-wrapped newswire, or a page's visible text
with a repeated title, menus, sponsor slots, a byline and an author bio. The rules
are general and conservative (the body is kept whole):

1. normalise line ends and spaces; join hard-wrapped lines, so that every line
   left is a block (paragraph, bullet item or heading). After an unfinished
   sentence, a line break is a wrap when the next line goes on in lower case, or
   when the text is hard-wrapped (its lines share a width of at most
   ``WRAP_MAX_WIDTH``) and the line is full or the next one does not start
   with a capital; text whose lines are paragraphs is never joined;
2. the title: a first line that looks like a headline (short, no closing full
   stop) and is repeated or stands alone; every copy of it leaves the body;
3. the head: a byline ("By Jane Doe") and a date line before the body are read
   into metadata and removed; lines repeated in the page are boilerplate. A wire
   dateline ("NICOSIA, August 8 (Xinhua) --", see ``dateline.py``) that opens
   the body is read into metadata and kept, as a block of its own: on its own
   line as it stands, and when it opens the first paragraph, the paragraph is
   cut after it (the space after it becomes a line break, so offsets hold);
4. the tail: link-like lines (short, no sentence punctuation, or template
   junk such as ``spot_img``) at the end are a menu and go, unless they are the
   items of a list that the body introduces ("...the changes:") or rows of
   figures ("Revs 569.3 mln vs 298.5 mln"); a closing paragraph that starts
   with a name followed by a role phrase ("is a freelance journalist") is the
   author bio.

Other scripts: sentence ends include the full-width and other scripts' marks
(``。！？；：」』`` ...), and words are counted script-aware (``_word_units``): a
run of Chinese or Japanese characters counts one word per two characters, and a
long token one word per ``LONG_WORD_CHARS`` characters, so a paragraph written
without spaces (or a 100,000-character token) is never a "short" menu line.

Cost: every rule is linear in the text. Word counts stop at the limit they are
compared with; the patterns have no nested or adjacent unbounded repeats that
could backtrack over a long line; joined lines and the tail are built with
list joins, not by growing strings.

``extracted=True`` is for text that an HTML extractor (trafilatura) already cut
out of a page: its lines are blocks and its menus are gone, so lines are not
joined (blank lines are dropped) and the menu rules (link-like or repeated short lines) are not applied;
the title copies, the byline and date line of the head, template junk and the
author bio are still taken out.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..english import english
from ..resources import Schema, load_data
from .dateline import WireDateline, find_dateline

# Marks that end a sentence (or a quoted one): ASCII, typographic quotes, the
# full-width CJK forms, Arabic, Urdu, Devanagari, Armenian and Ethiopic stops.
SENTENCE_END = tuple('.!?:;"”’»)…。！？；：」』）｡．‥؟۔।॥։።')
SENTENCE_MARK = re.compile(r"[.!?:;。！？；：｡．؟۔।॥։።]")
HEADLINE_NOT_END = (".", ",", ";", "。", "，", "；", "、", "．", "｡")
# Scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar, Tibetan).
UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f\u0f00-\u0fff"
LONG_WORD_CHARS = 64
WORD_UNIT = re.compile(r"[%s]{1,2}|[^\s%s]{1,%d}" % (UNSPACED, UNSPACED, LONG_WORD_CHARS))
UNSPACED_CHAR = re.compile(r"[%s]" % UNSPACED)
# Horizontal white space of any kind (tabs, no-break and em spaces ...) becomes one
# space; the line and paragraph separators end a line.
LINE_BREAKS = re.compile(r"\r\n?|[\v\f\x1c-\x1e\x85\u2028\u2029]")
SPACES = re.compile(r"[^\S\n]+")
MENU_MAX_WORDS = 6
HEADLINE_MAX_WORDS = 25
BIO_SCAN_WORDS = 12
BIO_MAX_FILLERS = 2
WRAP_MAX_WIDTH = 100
WRAP_MIN_WIDTH = 50
WRAP_FULL_SHARE = 0.8
NAME_WORD = re.compile(r"^[A-Z][\w'’.\-]*$")
# ``\w_\w`` finds what ``\w+_\w+`` finds; the latter, searched in a long token
# without an underscore, rescanned the token from every position (quadratic).
TEMPLATE_JUNK = re.compile(r"\w_\w|\{\{|\}\}|&\w{1,32};")
CLOCK_OR_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
FIGURE = re.compile(r"\d")


@dataclass
class CleanText:
    text: str
    title: str | None = None
    author: str | None = None
    author_bio: str | None = None
    date_line: str | None = None
    dateline: WireDateline | None = None  # a wire dateline, kept in the text as its own line
    removed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Lexicon:
    bio_openers: frozenset
    bio_roles: frozenset
    bio_fillers: frozenset
    byline: re.Pattern
    bullets: tuple
    date_line: re.Pattern
    bullet_chars: str


LEXICON_SCHEMA = Schema(required={"bio_openers": list, "bio_roles": list, "bio_fillers": list, "byline_openers": list})


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_data("ingest/page_text.yml", LEXICON_SCHEMA)
    words = english()
    openers = sorted(data["byline_openers"], key=len, reverse=True)
    byline = re.compile(r"^(?:%s)\s*:?\s+(?P<name>(?-i:[A-Z])[^,|\n]{1,60}?)\s*(?:[,|].*)?$"
                        % "|".join(re.escape(o) for o in openers), re.IGNORECASE)
    months = "|".join(words.month_words())
    days = "|".join(day.lower() for day in words.weekdays)
    date_line = re.compile(
        r"^(?:(?:%s),?\s+)?(?:(?:%s)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:%s)\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})"
        r"(?:\s*[,|@-]?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\.?$" % (days, months, months),
        re.IGNORECASE)
    return _Lexicon(frozenset(data["bio_openers"]), frozenset(data["bio_roles"]), frozenset(data["bio_fillers"]),
                    byline, words.bullet_marks, date_line, "".join(words.bullet_marks))


def clean_text(raw: str, title: str | None = None, author: str | None = None, extracted: bool = False) -> CleanText:
    """Clean ``raw`` (see the module docstring). A given title or author is kept
    and used to recognise their copies in the page. ``extracted``: the text is an
    HTML extractor's output (one block per line, menus already left out)."""
    lex = _lexicon()
    normalised = _normalise(raw)
    if extracted:  # one block per line, no blank lines between them
        lines = [line for line in normalised.split("\n") if line]
    else:
        lines = _blocks(normalised, lex)
    lines = _join_bare_bullets(lines, lex)
    out = CleanText(text="", title=title, author=author)

    counts = Counter(line for line in lines if line)
    body_start = _first_body_line(lines, lex)

    # The title: given, or a headline-like first line.
    first = next((i for i, line in enumerate(lines) if line), None)
    if out.title is None and first is not None and first < body_start:
        candidate = lines[first]
        alone = first + 1 >= len(lines) or not lines[first + 1]
        if _headline_like(candidate) and (counts[candidate] > 1 or alone) and find_dateline(candidate) is None:
            out.title = candidate

    kept: list[str] = []
    for i, line in enumerate(lines):
        if not line:
            kept.append(line)
            continue
        if out.title and _same(line, out.title) and (i < body_start or counts[line] > 1):
            out.removed.append(line)
            continue
        if out.dateline is None and i <= body_start and not any(kept) and not lex.date_line.match(line):
            out.dateline = find_dateline(line)
            if out.dateline is not None:  # kept, its own block; the paragraph it opens goes on the next line
                kept.extend([out.dateline.text, out.dateline.rest] if out.dateline.rest else [out.dateline.text])
                continue
        if i < body_start:
            match = lex.byline.match(line) if _word_units(line, 9) <= 8 else None
            if match:
                out.author = out.author or match.group("name").strip()
                out.removed.append(line)
                continue
            if lex.date_line.match(line):
                out.date_line = out.date_line or line
                out.removed.append(line)
                continue
            if not extracted and (_link_like(line, lex) or counts[line] > 1):
                out.removed.append(line)
                continue
        elif not extracted and counts[line] > 1 and _link_like(line, lex):
            out.removed.append(line)
            continue
        if extracted and _template_junk(line, lex):
            out.removed.append(line)
            continue
        kept.append(line)

    kept = _strip_tail(kept, out, lex, menus=not extracted)
    text = "\n".join(kept)
    out.text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return out


def _normalise(raw: str) -> str:
    """Line ends to ``\n``, every run of horizontal white space to one space (so
    no pattern below meets a long run of spaces), zero-width spaces out."""
    text = LINE_BREAKS.sub("\n", raw)
    text = SPACES.sub(" ", re.sub(r"[\u200b\ufeff]", "", text))
    return "\n".join(line.strip() for line in text.split("\n"))


def _blocks(text: str, lex: _Lexicon) -> list[str]:
    """Lines of the text, hard wraps joined (see ``_is_wrap``)."""
    raw_lines = text.split("\n")
    width = _wrap_width(raw_lines)
    blocks: list[list[str]] = []  # the pieces of each block, joined once at the end (not s = s + line)
    for previous, line in zip([""] + raw_lines, raw_lines):
        if blocks and blocks[-1][0] and line and _is_wrap(previous, line, width, lex):
            # Text without spaces between words (Chinese, Japanese) is joined without one.
            unspaced = UNSPACED_CHAR.match(previous[-1:]) and UNSPACED_CHAR.match(line)
            blocks[-1].append(line if unspaced else " " + line)
        else:
            blocks.append([line])
    return ["".join(pieces) for pieces in blocks]


def _join_bare_bullets(lines: list[str], lex: _Lexicon) -> list[str]:
    """A bullet mark alone on its line goes with the item on the next line."""
    out: list[str] = []
    for line in lines:
        if out and out[-1] in lex.bullets and line:
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
    return out


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None when its lines are
    paragraphs (more than a tenth of them longer than ``WRAP_MAX_WIDTH``) or
    too short to tell a wrap from a table row (widest under ``WRAP_MIN_WIDTH``)."""
    lengths = sorted((len(line) for line in lines if line), reverse=True)
    if len(lengths) < 3 or lengths[len(lengths) // 10] > WRAP_MAX_WIDTH:
        return None
    width = max(length for length in lengths if length <= WRAP_MAX_WIDTH)
    return width if width >= WRAP_MIN_WIDTH else None


def _is_wrap(previous: str, line: str, width: int | None, lex: _Lexicon) -> bool:
    """Whether the break between the physical lines ``previous`` and ``line`` is a hard wrap.

    A sentence end or a bullet always makes a boundary (a paragraph of wrapped
    text may then come out as more than one block, cut between sentences). A
    line that goes on in lower case continues an unfinished sentence. In a
    hard-wrapped text, an unfinished sentence also goes on, unless its line is
    short and the next one starts with a capital (a heading or a table row
    before it). A line is full when the next word would (nearly) not have fitted."""
    if previous.endswith(SENTENCE_END) or line.startswith(lex.bullets):
        return False
    if line[:1].islower():
        return True
    if width is None:
        return False
    first_word = line.split(" ", 1)[0]
    full = len(previous) + 1 + len(first_word) > WRAP_FULL_SHARE * width
    return full or not line[:1].isupper()


def _first_body_line(lines: list[str], lex: _Lexicon) -> int:
    """Index of the first line that reads like running text (a sentence of some length)."""
    for i, line in enumerate(lines):
        if _word_units(line, 12) >= 12 and SENTENCE_MARK.search(line):
            return i
    return 0


def _word_units(text: str, cap: int) -> int:
    """Words in ``text``, counted script-aware (see the module docstring), up to
    ``cap``: the count stops there, so a long line costs no more than a short one."""
    n = 0
    for _ in WORD_UNIT.finditer(text):
        n += 1
        if n >= cap:
            break
    return n


def _capital_start(line: str) -> bool:
    """Starts with a capital, or with a letter of a script without case (Chinese, Arabic ...)."""
    first = line[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


def _headline_like(line: str) -> bool:
    words = _word_units(line, HEADLINE_MAX_WORDS + 1)
    return 1 <= words <= HEADLINE_MAX_WORDS and not line.endswith(HEADLINE_NOT_END) and _capital_start(line)


def _template_junk(line: str, lex: _Lexicon) -> bool:
    core = line.lstrip(lex.bullet_chars).strip()
    return _word_units(core, MENU_MAX_WORDS + 1) <= MENU_MAX_WORDS and _junk(core)


def _junk(core: str) -> bool:
    return TEMPLATE_JUNK.search(core) is not None


def _link_like(line: str, lex: _Lexicon) -> bool:
    """A menu entry, a tag or a sponsor slot: few words and no sentence, or template
    junk. A line with figures (a number other than a year) is a table row, not a link."""
    core = line.lstrip(lex.bullet_chars).strip()
    if _word_units(core, MENU_MAX_WORDS + 1) > MENU_MAX_WORDS:
        return False  # checked first: it bounds the cost of the patterns below
    if _junk(core):  # template junk (the word count is checked)
        return True
    if FIGURE.search(CLOCK_OR_YEAR.sub(" ", core)):
        return False
    return not core.endswith(SENTENCE_END)


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", " ", a).strip().lower() == re.sub(r"\W+", " ", b).strip().lower()


def _strip_tail(lines: list[str], out: CleanText, lex: _Lexicon, menus: bool = True) -> list[str]:
    """Drop the trailing menu (``menus``; template junk always) and take the
    author bio, repeating while either changes the tail."""
    lines = list(lines)
    introduced = _introduced_lists(lines, lex)  # lines are only popped: it stays valid
    while True:
        while lines and (not lines[-1] or _template_junk(lines[-1], lex)
                         or (menus and _link_like(lines[-1], lex) and not introduced[len(lines) - 1])):
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


def _introduced_lists(lines: list[str], lex: _Lexicon) -> list[bool]:
    """For each line, whether it is an item of a bullet list that a sentence
    ending in a colon introduces ("...three changes:"; not a menu's "Read more:").
    One pass for all lines: asked line by line from the end, the question
    rescanned the whole list each time (quadratic over a long list of bullets)."""
    result = [False] * len(lines)
    introducer: bool | None = None  # for the current run of bullet items
    last_text = -1  # index of the last non-blank line seen
    for i, line in enumerate(lines):
        if line.startswith(lex.bullets):
            if introducer is None:
                introducer = last_text >= 0 and _introduces(lines[last_text])
            result[i] = introducer
        else:
            introducer = None
        if line:
            last_text = i
    return result


def _introduces(line: str) -> bool:
    return line.endswith((":", "：")) and _word_units(line, MENU_MAX_WORDS + 1) > MENU_MAX_WORDS


def _author_bio(line: str, author: str | None, lex: _Lexicon) -> tuple[str, str] | None:
    """(name, bio) when ``line`` is a closing bio: a name (the known author's, or
    one to three capitalised words) followed by a role phrase (``_role_phrase``).
    After a one-word name the bio must go on capitalised, blurb-like ("Tessaron
    Former Marine officer"): "Russia is ..." opens a sentence, not a bio."""
    words = line.split()
    if author and line.startswith(author + " "):
        if _role_phrase(words[len(author.split()):], lex):
            return author, _bio_text(line, author)
    for n in range(1, 4):
        if len(words) <= n + 2 or not NAME_WORD.match(words[n - 1]):
            return None
        if n == 1 and not words[1][:1].isupper():
            continue
        if _role_phrase(words[n:], lex):
            name = " ".join(words[:n])
            return name, _bio_text(line, name)
    return None


def _bio_text(line: str, name: str) -> str:
    """The bio without the leading name when it is a blurb ("Tessaron Former Marine
    officer"), whole when it is a sentence about the name ("Jane Doe is a ...")."""
    rest = line[len(name):].strip(" ,:-–—")
    return line if rest[:1].islower() else rest


def _role_phrase(words: list[str], lex: _Lexicon) -> bool:
    """The words after a name open a bio: an opener or a role word first, and a
    role word in the same clause, with at most ``BIO_MAX_FILLERS`` other lower-case
    words before it ("is a freelance journalist", "Former ... Intelligence Officer";
    not "is expected to respond with new measures, an analyst said")."""
    if not words or _bare(words[0]) not in lex.bio_openers | lex.bio_roles:
        return False
    fillers = 0
    for word in words[:BIO_SCAN_WORDS]:
        core = _bare(word)
        if core in lex.bio_roles:
            return True
        if not (word[:1].isupper() or core in lex.bio_openers or core in lex.bio_fillers):
            fillers += 1
        if fillers > BIO_MAX_FILLERS or word.endswith((",", ";", ":", ".")):
            return False
    return False


def _bare(word: str) -> str:
    return word.strip(".,;:()").lower()
