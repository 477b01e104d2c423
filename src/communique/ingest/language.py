"""A cheap check that a text is English, enough to warn before the English pipeline runs.

First by script: letters are counted by writing system, so a text in Chinese,
Japanese, Arabic or Cyrillic is told apart even when it has few or no spaces (a
Chinese paragraph is one "word" between spaces). Then, for a text in Latin
letters, by the share of English stop words among its words. A short Latin
text, too short to judge, is taken for English.
"""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

WORD = re.compile(r"[^\W\d_]+")
LETTER = re.compile(r"[^\W\d_]")
LATIN = re.compile(r"[A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff\uff21-\uff3a\uff41-\uff5a]")
SAMPLE_CHARS = 20000
SAMPLE_WORDS = 400
MIN_WORDS = 8
MIN_LETTERS = 4
MIN_STOPWORD_SHARE = 0.15
MIN_LATIN_SHARE = 0.5
# Scripts that (nearly) name one language: the code reported when the page declares none.
SCRIPT_LANGUAGES = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),          # kana (checked before Han: Japanese uses both)
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("zh", re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("ka", re.compile(r"[\u10a0-\u10ff]")),
    ("hy", re.compile(r"[\u0530-\u058f]")),
)
SCRIPT_MIN_SHARE = 0.2


def guess_language(text: str, declared: str | None = None) -> str:
    """'en', a declared code when the text is not English, a code read from the
    script ('zh', 'ja', ...), or 'und' (undetermined non-English)."""
    sample = text[:SAMPLE_CHARS]
    letters = len(LETTER.findall(sample))
    if letters >= MIN_LETTERS and len(LATIN.findall(sample)) < MIN_LATIN_SHARE * letters:
        return _not_english(sample, letters, declared)
    words = WORD.findall(sample)[:SAMPLE_WORDS]
    if len(words) < MIN_WORDS:
        return declared or "en"
    latin = sum(1 for w in words if w.isascii()) / len(words)
    stop = sum(1 for w in words if w.lower() in STOP_WORDS) / len(words)
    if latin >= MIN_LATIN_SHARE and stop >= MIN_STOPWORD_SHARE:
        return "en"
    return _not_english(sample, letters, declared)


def _not_english(sample: str, letters: int, declared: str | None) -> str:
    if declared and not declared.startswith("en"):
        return declared
    for code, script in SCRIPT_LANGUAGES:
        if letters and len(script.findall(sample)) >= SCRIPT_MIN_SHARE * letters:
            return code
    return "und"
