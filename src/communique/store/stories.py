"""Stories: near-duplicate documents (one wire story on several sites, a page re-crawled
with a new footer) share one story id, so counts per story do not grow with syndication.

MinHash over word 5-gram shingles of the cleaned text estimates the Jaccard similarity
of two documents; locality-sensitive hashing (the signature cut into bands, a document a
candidate when one band is equal) finds the candidates without comparing every pair.
A new document joins the story of its most similar stored candidate when the estimate
reaches the threshold (setting ``story_threshold``), else it starts its own story (its
document id). Linear in the input: one signature per document, a few band lookups.
"""
from __future__ import annotations

import hashlib
import re
import struct

PERMUTATIONS = 64
BANDS = 16  # 4 rows each: a pair at Jaccard 0.8 shares a band with probability ~0.998, at 0.3 ~0.12
ROWS = PERMUTATIONS // BANDS
SHINGLE_WORDS = 5
_MERSENNE = (1 << 61) - 1
# Fixed coefficients (from a seeded hash, so every process and every run agree).
_COEFFICIENTS = [tuple(int.from_bytes(hashlib.blake2b(f"{i}:{part}".encode(), digest_size=8).digest(), "big")
                       % _MERSENNE or 1 for part in ("a", "b")) for i in range(PERMUTATIONS)]
WORD = re.compile(r"\w+")


def shingles(text: str) -> set[int]:
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        words = words or [""]
        return {_hash(" ".join(words))}
    return {_hash(" ".join(words[i:i + SHINGLE_WORDS])) for i in range(len(words) - SHINGLE_WORDS + 1)}


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def signature(text: str) -> list[int]:
    """The MinHash signature: per permutation, the least hash of any shingle."""
    values = shingles(text)
    return [min((a * v + b) % _MERSENNE for v in values) for a, b in _COEFFICIENTS]


def bands(sig: list[int]) -> list[str]:
    """The LSH band keys of a signature ("3:ab12..."): equal keys make candidates."""
    return [f"{i}:" + hashlib.blake2b(struct.pack(f">{ROWS}Q", *sig[i * ROWS:(i + 1) * ROWS]),
                                      digest_size=8).hexdigest() for i in range(BANDS)]


def similarity(first: list[int], second: list[int]) -> float:
    """The estimated Jaccard similarity of two signatures."""
    return sum(x == y for x, y in zip(first, second)) / len(first)


def pack(sig: list[int]) -> bytes:
    return struct.pack(f">{len(sig)}Q", *sig)


def unpack(blob: bytes) -> list[int]:
    return list(struct.unpack(f">{len(blob) // 8}Q", blob))
