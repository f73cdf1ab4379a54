"""Run a parsed query against the full-text index of the database in use.

Both backends rank in tiers, then by relevance within a tier:
  0. every typed term, as typed, close together (SQLite only, for queries of several terms: FTS5's NEAR);
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


def run(parsed: q.Query, filters: Filters, order: str, limit: int, offset: int):
    """(ids, count, count_kinds): the ids of one page of hits, best first (or newest
    first); how many hits there are after every filter; and a function giving the
    hits per kind before the kind filter, at no cost when counting found them."""
    backend = postgres if connection.vendor == "postgresql" else sqlite
    count, count_kinds = backend.count(parsed, filters)
    if not count or offset >= count:
        return [], count, count_kinds
    return backend.ranked_ids(parsed, filters, order, limit, offset, count), count, count_kinds
