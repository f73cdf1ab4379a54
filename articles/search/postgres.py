"""The PostgreSQL backend: a tsvector of our own terms per document, with a GIN index,
ranked with ts_rank_cd(); headline terms weigh A (vectors.py).

As on SQLite (sqlite.py says why), a query matching more than LARGE documents
is given tier by tier in two parts, newest first: the documents with the tier's
terms in their headline (the headline column, migration 0006, and its own
index), then the others. Ranking them all read every match's vector.
"""

from collections.abc import Callable
from contextlib import contextmanager
from functools import partial

from django.db import connection, transaction

from . import query as q
from .shared import Filters, first_column, joined_counts, joined_ids, tiers, walk_parts

# ts_rank_cd weights for D, C, B, A.
TS_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
LARGE = 1000


@contextmanager
def _through_the_indexes():
    """PostgreSQL prices reading every document low, not knowing that matching a row
    reads its vector back from TOAST storage: for a word in half of 10,000 documents
    it chose that (58 ms) over the GIN index (4 ms). Within this block it may not."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        yield


def count(parsed: q.Query, filters: Filters) -> tuple[int, Callable[[], dict[str, int]]]:
    """The hits after every filter, and a function giving the hits per kind before the
    kind filter: one query counts both."""
    query = q.tsquery(parsed.words, "AND", parsed.excluded)
    if len(parsed.terms) > 1:
        query = f"({query}) | ({q.tsquery(parsed.terms, 'OR', parsed.excluded)})"
    with _through_the_indexes():
        found = joined_counts(("articles_searchdocument d WHERE d.vector @@ %s::tsquery", [query]), filters)
    return filters.total(found), partial(dict, found)


def ranked_ids(parsed: q.Query, filters: Filters, order: str, limit: int, offset: int, count: int) -> list[int]:
    if count > LARGE and order != "newest" and not filters.beyond_kind:
        with _through_the_indexes():
            return walk_parts(_parts(parsed, filters.kind), limit, offset, _count, _newest)
    queries = [q.tsquery(phrases, operator, parsed.excluded) for operator, phrases in tiers(parsed)]
    widest = queries[-1]
    cases = " ".join(f"WHEN vector @@ %s::tsquery THEN {tier}" for tier in range(len(queries) - 1))
    tier = f"CASE {cases} ELSE {len(queries) - 1} END" if cases else "0"
    sql = (
        f"SELECT id, {tier} AS tier, -ts_rank_cd('{TS_WEIGHTS}', vector, %s::tsquery) AS score"
        " FROM articles_searchdocument WHERE vector @@ %s::tsquery"
    )
    return joined_ids((sql, [*queries[:-1], widest, widest]), filters, order, limit, offset)


def _parts(parsed: q.Query, kind: str) -> list[tuple[str, list]]:
    """(WHERE, params) of each part of a large result, in order: per tier, its headline
    matches, then its other matches; no document in two parts."""
    of_kind, kind_params = (" AND kind = %s", [kind]) if kind else ("", [])
    parts, earlier = [], []
    for operator, phrases in tiers(parsed):
        whole = q.tsquery(phrases, operator, parsed.excluded)
        # The headline must hold the terms; the exclusions hold for the whole document.
        in_headline = q.tsquery(phrases, operator, [])
        not_earlier = " AND NOT vector @@ %s::tsquery" * len(earlier)
        parts.append(
            (
                f"headline @@ %s::tsquery AND vector @@ %s::tsquery{not_earlier}{of_kind}",
                [in_headline, whole, *earlier, *kind_params],
            )
        )
        parts.append(
            (
                f"vector @@ %s::tsquery AND NOT headline @@ %s::tsquery{not_earlier}{of_kind}",
                [whole, in_headline, *earlier, *kind_params],
            )
        )
        earlier.append(whole)
    return parts


def _count(part: tuple[str, list]) -> int:
    where, params = part
    return first_column(f"SELECT COUNT(*) FROM articles_searchdocument WHERE {where}", params)[0]


def _newest(part: tuple[str, list], limit: int, offset: int) -> list[int]:
    where, params = part
    sql = f"SELECT id FROM articles_searchdocument WHERE {where} ORDER BY id DESC LIMIT %s OFFSET %s"
    return first_column(sql, [*params, limit, offset])
