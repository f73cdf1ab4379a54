"""The PostgreSQL backend: a tsvector of our own terms per document, with a GIN index,
ranked with ts_rank_cd(); headline terms weigh A (vectors.py)."""

from collections.abc import Callable
from functools import partial

from . import query as q
from .shared import Filters, joined_counts, joined_ids, tiers

# ts_rank_cd weights for D, C, B, A.
TS_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"


def count(parsed: q.Query, filters: Filters) -> tuple[int, Callable[[], dict[str, int]]]:
    """The hits after every filter, and a function giving the hits per kind before the
    kind filter: one query counts both."""
    query = q.tsquery(parsed.words, "AND", parsed.excluded)
    if len(parsed.terms) > 1:
        query = f"({query}) | ({q.tsquery(parsed.terms, 'OR', parsed.excluded)})"
    found = joined_counts(("articles_searchdocument d WHERE d.vector @@ %s::tsquery", [query]), filters)
    return (found.get(filters.kind, 0) if filters.kind else sum(found.values())), partial(dict, found)


def ranked_ids(parsed: q.Query, filters: Filters, order: str, limit: int, offset: int, count: int) -> list[int]:
    queries = [q.tsquery(phrases, operator, parsed.excluded) for operator, phrases in tiers(parsed)]
    widest = queries[-1]
    cases = " ".join(f"WHEN vector @@ %s::tsquery THEN {tier}" for tier in range(len(queries) - 1))
    tier = f"CASE {cases} ELSE {len(queries) - 1} END" if cases else "0"
    sql = (
        f"SELECT id, {tier} AS tier, -ts_rank_cd('{TS_WEIGHTS}', vector, %s::tsquery) AS score"
        " FROM articles_searchdocument WHERE vector @@ %s::tsquery"
    )
    return joined_ids((sql, [*queries[:-1], widest, widest]), filters, order, limit, offset)
