"""A cheap check that a text is English, enough to warn before the English pipeline runs."""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

WORD = re.compile(r"[^\W\d_]+")
SAMPLE_WORDS = 400
MIN_WORDS = 8
MIN_STOPWORD_SHARE = 0.15
MIN_LATIN_SHARE = 0.5


def guess_language(text: str, declared: str | None = None) -> str:
    """'en', a declared code when the text is not English, or 'und' (undetermined non-English)."""
    words = WORD.findall(text[:20000])[:SAMPLE_WORDS]
    if len(words) < MIN_WORDS:
        return declared or "en"
    latin = sum(1 for w in words if w.isascii()) / len(words)
    stop = sum(1 for w in words if w.lower() in STOP_WORDS) / len(words)
    if latin >= MIN_LATIN_SHARE and stop >= MIN_STOPWORD_SHARE:
        return "en"
    if declared and not declared.startswith("en"):
        return declared
    return "und"
