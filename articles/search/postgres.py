"""The PostgreSQL backend: a tsvector of our own terms per document, with a GIN index,
ranked with ts_rank_cd(), headline terms above the body's (vectors.py); the tiers
and plans are plan.py's, the first tier (terms close together) written with phrase
operators (tsquery.near).

A broad query (plan.py) reads the headline column (migration 0006) and its own
index for its headline parts: ranking its matches read every match's vector.
"""

from collections.abc import Callable
from contextlib import contextmanager
from functools import partial

from django.db import connection, transaction

from ..models import SearchDocument
from . import plan, tsquery
from .query import Condition, Query
from .shared import BY_RANK, Filters, first_column, joined_counts, joined_ids
from .vectors import tsvector_literal

# ts_rank_cd weights for D, C, B, A: body words and grams, headline words and grams (vectors.py).
TS_WEIGHTS = "{0.4, 0.4, 1.0, 1.0}"
# ts_rank_cd divides by 1 + log(the document's length), as bm25 discounts long documents
# on SQLite: without it a long article holding "澜海6号" once outranked the short photo
# caption made of it, and the two databases disagreed on their first hit.
LENGTH_NORMALISATION = 1
RANK = f"ts_rank_cd('{TS_WEIGHTS}', vector, %s::tsquery, {LENGTH_NORMALISATION})"
BY_DATE = f"d.date DESC NULLS LAST, {BY_RANK}"

Where = tuple[str, list]  # a WHERE clause on articles_searchdocument and its parameters


@contextmanager
def _through_the_indexes():
    """PostgreSQL prices reading every document low, not knowing that matching a row
    reads its vector back from TOAST storage: for a word in half of 10,000 documents
    it chose that (58 ms) over the GIN index (4 ms). Within this block it may not."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        yield


def count(parsed: Query, filters: Filters) -> tuple[int, Callable[[], dict[str, int]]]:
    """The hits after every filter, and a function giving the hits per kind before the
    kind filter: one query counts both."""
    query = tsquery.condition(parsed.needed(), parsed.excluded)
    with _through_the_indexes():
        found = joined_counts(("articles_searchdocument d WHERE d.vector @@ %s::tsquery", [query]), filters)
    return filters.total(found), partial(dict, found)


def tier_queries(parsed: Query) -> list[str]:
    """Each tier's tsquery without the exclusions, best first."""
    positive = [tsquery.condition(condition, []) for condition in plan.tiers(parsed)]
    near = plan.near_terms(parsed)
    if near:
        positive.insert(0, tsquery.near(near, plan.NEAR_DISTANCE, []))
    return positive


def ranked_ids(parsed: Query, filters: Filters, order: str, limit: int, offset: int, count: int) -> list[int]:
    positive = tier_queries(parsed)
    queries = [tsquery.excluding(query, parsed.excluded) for query in positive]
    if plan.is_broad(count, order, filters):
        with _through_the_indexes():
            parts = _broad_parts(positive, queries, filters.kind)
            return plan.walk_parts(parts, limit, offset, _count, _newest)
    widest = queries[-1]
    cases = " ".join(f"WHEN vector @@ %s::tsquery THEN {tier}" for tier in range(len(queries) - 1))
    tier = f"CASE {cases} ELSE {len(queries) - 1} END" if cases else "0"
    sql = f"SELECT id, {tier} AS tier, -{RANK} AS score FROM articles_searchdocument WHERE vector @@ %s::tsquery"
    order_by = BY_DATE if order == "newest" else BY_RANK
    return joined_ids((sql, [*queries[:-1], widest, widest]), filters, order_by, limit, offset)


def _broad_parts(positive: list[str], queries: list[str], kind: str) -> list[Where]:
    of_kind, kind_params = (" AND kind = %s", [kind]) if kind else ("", [])
    wholes = [(f"vector @@ %s::tsquery{of_kind}", [query, *kind_params]) for query in queries]
    # The headline must hold the terms; the exclusions hold for the whole document.
    headlines = [
        (f"headline @@ %s::tsquery AND {where}", [terms, *params])
        for terms, (where, params) in zip(positive, wholes, strict=True)
    ]
    return plan.broad_parts(wholes, headlines, _without)


def _without(part: Where, others: list[Where]) -> Where:
    where, params = part
    for other_where, other_params in others:
        where += f" AND NOT ({other_where})"
        params = [*params, *other_params]
    return where, params


def partial_matches(groups: list[Condition], excluded: list) -> tuple[str, list]:
    """SQL giving (id, tier, score) for every document holding any group: its tier
    the number of groups it lacks."""
    params = []
    for group in groups:
        query = tsquery.condition(group, excluded)
        params += [query, query]
    union = " UNION ALL ".join(
        f"SELECT id, -{RANK} AS score FROM articles_searchdocument WHERE vector @@ %s::tsquery" for _ in groups
    )
    return f"SELECT id, {len(groups)} - COUNT(*) AS tier, SUM(score) AS score FROM ({union}) u GROUP BY id", params


def holding(group: Condition, ids: list[int]) -> set[int]:
    """Which of these documents hold the group."""
    marks = ", ".join(["%s"] * len(ids))
    sql = f"SELECT id FROM articles_searchdocument WHERE vector @@ %s::tsquery AND id IN ({marks})"
    return set(first_column(sql, [tsquery.condition(group, []), *ids]))


def _count(part: Where) -> int:
    where, params = part
    return first_column(f"SELECT COUNT(*) FROM articles_searchdocument WHERE {where}", params)[0]


def _newest(part: Where, limit: int, offset: int) -> list[int]:
    where, params = part
    sql = f"SELECT id FROM articles_searchdocument WHERE {where} ORDER BY id DESC LIMIT %s OFFSET %s"
    return first_column(sql, [*params, limit, offset])


def write_vectors(documents: list[SearchDocument]) -> None:
    """PostgreSQL keeps the terms as a tsvector too: the column its GIN index covers."""
    if not documents:
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE articles_searchdocument SET vector = %s::tsvector WHERE id = %s",
            [(tsvector_literal(document), document.pk) for document in documents],
        )
