"""Finding the same or a similar paper without comparing every pair of titles.

The importer (which rows are one paper, which entry a row is) and ``lint`` (probable
duplicates) both ask "which titles are like this one?". Comparing every pair grows with the
square of the list (3,000 rows took minutes); this index answers from dictionaries: by
identifier, by exact normalised title, and for similarity only among the titles that share one
of the query's rarest words, so the work per title stays small as the list grows.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

from delbib.text import key_similarity

RARE_WORDS = 4  # similar titles share at least two of the query's four rarest words
# Word pairs this common ("language models") say nothing about a title: a query skips them, so
# its work stays bounded (a title made only of such words finds no near-duplicate).
BUCKET_MAX = 64
_STOPWORDS = (
    "a an the of for in on to and with via by from is are as at be its it we our or not into "
    "how what when why can do does towards toward"
)
_COMMON = frozenset(_STOPWORDS.split())


class TitleIndex:
    """Items (rows, entries) by normalised title key, identifier and title words."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self._by_key: dict[str, list[int]] = {}
        self._by_id: dict[str, list[int]] = {}
        self._by_word: dict[str, list[int]] = {}
        self._by_pair: dict[tuple[str, str], list[int]] = {}

    def add(self, key: str, ids: Iterable[str] = ()) -> int:
        """Index one item by its ``title_key`` and identifiers; returns its number."""
        item = len(self.keys)
        self.keys.append(key)
        self._by_key.setdefault(key, []).append(item)
        for ident in dict.fromkeys(ids):
            self._by_id.setdefault(ident, []).append(item)
        words = sorted(set(_words(key)))
        for word in words:
            self._by_word.setdefault(word, []).append(item)
        for pair in combinations(words, 2):
            self._by_pair.setdefault(pair, []).append(item)
        return item

    def same_key(self, key: str) -> list[int]:
        return list(self._by_key.get(key, ())) if key else []

    def sharing(self, ids: Iterable[str]) -> list[int]:
        """Items that share at least one identifier, in the order they were added."""
        found = {item for ident in ids for item in self._by_id.get(ident, ())}
        return sorted(found)

    def similar(self, key: str, cutoff: float) -> list[tuple[int, float]]:
        """Items whose key is at least ``cutoff`` alike (0-1), sorted by item number.

        Only items sharing two of the key's four rarest words are compared (one, for keys of
        two indexed words or fewer): titles that close differ in a word or two. Items are
        found through word pairs, and pairs shared by more than ``BUCKET_MAX`` items are
        skipped, so a query reads short lists however long the index grows.
        """
        words = sorted(
            (w for w in set(_words(key)) if w in self._by_word),
            key=lambda w: (len(self._by_word[w]), w),
        )[:RARE_WORDS]
        if len(words) >= 3:
            buckets = (self._by_pair.get(tuple(sorted(p)), ()) for p in combinations(words, 2))
        else:
            buckets = (self._by_word[w] for w in words)
        candidates = sorted(
            {item for bucket in buckets if len(bucket) <= BUCKET_MAX for item in bucket}
        )
        scored = ((item, key_similarity(key, self.keys[item])) for item in candidates)
        return [(item, score) for item, score in scored if score >= cutoff]


def _words(key: str) -> list[str]:
    return [w for w in key.split() if len(w) > 1 and w not in _COMMON]
