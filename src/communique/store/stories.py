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

import numpy

PERMUTATIONS = 64
BANDS = 16  # 4 rows each: a pair at Jaccard 0.8 shares a band with probability ~0.998, at 0.3 ~0.12
ROWS = PERMUTATIONS // BANDS
SHINGLE_WORDS = 5
_PRIME = (1 << 31) - 1  # (a * x + b) mod p over 32-bit shingle hashes: exact in 64-bit integers
# Fixed coefficients (from a seeded hash, so every process and every run agree).
_COEFFICIENTS = numpy.array([[int.from_bytes(hashlib.blake2b(f"{i}:{part}".encode(), digest_size=8).digest(), "big")
                              % (_PRIME - 1) + 1 for part in ("a", "b")] for i in range(PERMUTATIONS)],
                            dtype=numpy.uint64)
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
    """The MinHash signature: per permutation, the least hash of any shingle (all
    permutations at once, as one array operation)."""
    values = numpy.fromiter((v & 0xFFFFFFFF for v in shingles(text)), dtype=numpy.uint64)
    hashed = (numpy.outer(_COEFFICIENTS[:, 0], values) + _COEFFICIENTS[:, 1:2]) % _PRIME
    return [int(v) for v in hashed.min(axis=1)]


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
