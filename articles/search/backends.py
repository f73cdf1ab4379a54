"""Run a parsed query against the full-text index of the database in use.

One module per database, each with the same functions: sqlite.py (FTS5) and
postgres.py (a tsvector with a GIN index). The tiers and the plans for broad and
partial results are plan.py's, the same for both.
"""

from types import ModuleType

from django.db import connection

from . import plan, postgres, sqlite
from .query import Query
from .shared import BY_RANK, Filters, distinct_matches, joined_counts, joined_ids

__all__ = ["Filters", "current", "run"]


def current() -> ModuleType:
    """The backend of the database in use: the one place that asks which it is."""
    return postgres if connection.vendor == "postgresql" else sqlite


def run(parsed: Query, filters: Filters, order: str, limit: int, offset: int) -> plan.Found:
    """One page of hits, best first (or newest first), with their count after every
    filter and a function giving the hits per kind before the kind filter, at no
    cost when counting found them. When nothing holds the whole query, the hits
    holding most of it, each with what it lacks."""
    backend = current()
    count, count_kinds = backend.count(parsed, filters)
    if count:
        ids = backend.ranked_ids(parsed, filters, order, limit, offset, count) if offset < count else []
        return plan.Found(ids, count, count_kinds)
    groups = plan.partial_groups(parsed)
    if not groups:
        return plan.Found([], 0, count_kinds)
    return _partial(backend, parsed, groups, filters, order, limit, offset)


def _partial(backend, parsed: Query, groups: list, filters: Filters, order: str, limit: int, offset: int):
    matches = backend.partial_matches(groups, parsed.excluded)
    found = joined_counts(distinct_matches(matches), filters)
    count = filters.total(found)
    order_by = f"{backend.BY_DATE}" if order == "newest" else BY_RANK
    ids = joined_ids(matches, filters, order_by, limit, offset) if offset < count else []
    missing: dict[int, list[str]] = {pk: [] for pk in ids}
    for condition, group in zip(groups, parsed.required, strict=True):
        held = backend.holding(condition, ids) if ids else set()
        for pk in ids:
            if pk not in held:
                missing[pk].append(parsed.group_text(group))
    return plan.Found(ids, count, lambda: dict(found), partial=True, missing=missing)
