"""Run a parsed query against the full-text index of the database in use.

Both backends rank in tiers, then by relevance within a tier:
  0. every typed term, as typed, close together (SQLite: NEAR);
  1. every typed term, as typed;
  2. every word of the terms, as jieba cuts them;
  3. any typed term (only for queries of several terms).
SQLite ranks with FTS5's bm25(), headline columns weighted above the body
(sqlite.py); PostgreSQL with ts_rank_cd() over a tsvector whose headline terms
weigh A (postgres.py).
"""

from django.db import connection

from . import postgres, sqlite
from . import query as q
from .shared import Filters

__all__ = ["Filters", "run"]


def run(parsed: q.Query, filters: Filters, order: str, limit: int, offset: int) -> tuple[list[int], dict[str, int]]:
    """The ids of one page of hits, best first (or newest first), and the hit count per kind
    (before the kind filter, after the others)."""
    backend = postgres if connection.vendor == "postgresql" else sqlite
    counts = backend.counts(parsed, filters)
    count = counts.get(filters.kind, 0) if filters.kind else sum(counts.values())
    if not count or offset >= count:
        return [], counts
    return backend.ranked_ids(parsed, filters, order, limit, offset, count), counts
