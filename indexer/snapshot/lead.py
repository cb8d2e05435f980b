"""Lead signatures: the opening words of an article, for telling copies of one story apart.

Syndicated copies, wire rewrites and live-blog revisions keep the lede (the
opening sentence or two) and change the headline, while two different stories on
one subject, however alike in vocabulary and meaning, open differently. The
signature is a MinHash of the word 3-shingles of the first `LEAD_WORDS` words;
the share of equal positions of two signatures estimates the Jaccard overlap of
their openings. Hashes use CRC32 of the shingle, so signatures are stable across
processes: the build stores them (`leads.npy`), the live delta computes them the same way.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

LEAD_WORDS = 25
SHINGLE_WORDS = 3
PERMUTATIONS = 32
EMPTY = np.uint32(0xFFFFFFFF)  # every position of a signature with no words

_WORD = re.compile(r"\w+")
_rng = np.random.default_rng(20_260_601)
# multiply-shift hashing: odd 64-bit multipliers, the top 32 bits of the product
_MULTIPLIERS = (_rng.integers(1, 2**63, PERMUTATIONS, dtype=np.uint64) * 2 + 1).astype(np.uint64)
_OFFSETS = _rng.integers(0, 2**63, PERMUTATIONS, dtype=np.uint64)


def lead_words(text: str) -> list[str]:
    """The first `LEAD_WORDS` words of `text`, lowercased."""
    return [
        m.group(0) for _, m in zip(range(LEAD_WORDS), _WORD.finditer(text.lower()), strict=False)
    ]


def lead_signature(text: str) -> np.ndarray:
    """MinHash (uint32 x `PERMUTATIONS`) of the opening of `text`; all `EMPTY` without words."""
    words = lead_words(text)
    if not words:
        return np.full(PERMUTATIONS, EMPTY, dtype=np.uint32)
    count = max(1, len(words) - SHINGLE_WORDS + 1)
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(count)}
    hashes = np.fromiter((zlib.crc32(s.encode()) for s in shingles), dtype=np.uint64)
    mixed = hashes[None, :] * _MULTIPLIERS[:, None] + _OFFSETS[:, None]  # wraps mod 2**64
    return np.asarray((mixed >> np.uint64(32)).min(axis=1), dtype=np.uint32)


def lead_similarity(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Estimated Jaccard overlap of openings, (n, K) x (m, K) -> (n, m); 0 for empty ones."""
    a = np.atleast_2d(a)
    b = np.atleast_2d(b)
    same = (a[:, None, :] == b[None, :, :]).mean(axis=2)
    empty = (a == EMPTY).all(axis=1)[:, None] | (b == EMPTY).all(axis=1)[None, :]
    return np.where(empty, 0.0, same)
