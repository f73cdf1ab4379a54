"""The SQLite backend: an FTS5 table over each document's terms and kind
(migrations 0003 and 0005), ranked with bm25(), headline columns weighted above
the body; the tiers and plans are plan.py's.

Counting needs no ranking, and, without date, column or page filters, no
document rows either: the index alone counts a word's 30,000 matches in a
millisecond, where reading their rows took twenty.

A broad query (plan.py) is read newest first: most recently indexed, as FTS5
reads rowids backwards and stops at the page. (bm25 within the headline part was
measured too: at 100,000 articles it put the median search at 3.3-3.6 ms
against 2.3-2.8 ms, most of it scanning the word's matches for its weight.)
"""

from collections.abc import Callable
from functools import partial

from django.db import connection

from ..models import SearchDocument
from . import fts5, plan
from .query import Condition, Query
from .shared import BY_RANK, Filters, first_column, joined_counts, joined_ids

# bm25 weights of the FTS5 columns: title_words, title_grams, body_words, body_grams, kind.
BM25_WEIGHTS = "8.0, 6.0, 1.5, 1.0, 0.0"
BM25 = f"bm25(articles_search, {BM25_WEIGHTS})"
# Up to this many matches, reading each one's document row to count by kind is cheaper than
# asking the index once per kind.
FEW = 20
# Counted one by one; articles, most of any paper, are what is left of the total.
MINOR_KINDS = (SearchDocument.NEWS, SearchDocument.TEASER, SearchDocument.PHOTO)
BY_DATE = f"d.date IS NULL, d.date DESC, {BY_RANK}"


def matching(parsed: Query) -> str:
    """What is counted: the last tier, every word but the function words."""
    return fts5.condition(parsed.needed(), parsed.excluded)


def tier_expressions(parsed: Query, headline: bool = False) -> list[str]:
    """Each tier's FTS5 expression, best first; matched within the headline columns if asked."""
    positive = [fts5.condition(condition, []) for condition in plan.tiers(parsed)]
    near = plan.near_terms(parsed)
    if near:
        positive.insert(0, fts5.near(near, plan.NEAR_DISTANCE, []))
    if headline:
        positive = list(map(fts5.in_headline, positive))
    return [fts5.excluding(expression, parsed.excluded) for expression in positive]


def count(parsed: Query, filters: Filters) -> tuple[int, Callable[[], dict[str, int]]]:
    """The hits after every filter, and a function giving the hits per kind before the
    kind filter: free when counting read them, else counted from the index when called."""
    expression = matching(parsed)
    found = _joined_counts(expression, filters) if filters.beyond_kind else _few_counts(expression)
    if found is None:
        return _count(fts5.of_kind(expression, filters.kind)), partial(_many_counts, expression)
    return filters.total(found), partial(dict, found)


def _many_counts(expression: str) -> dict[str, int]:
    """Hits per kind from the index alone: all of them, then those of each minor kind,
    in one statement."""
    expressions = [expression, *(fts5.of_kind(expression, kind) for kind in MINOR_KINDS)]
    count = "(SELECT COUNT(*) FROM articles_search WHERE articles_search MATCH %s)"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join([count] * len(expressions))}", expressions)
        total, *minor = cursor.fetchone()
    found = dict(zip(MINOR_KINDS, minor, strict=True))
    found[SearchDocument.ARTICLE] = total - sum(minor)
    return {kind: count for kind, count in found.items() if count}


def _joined_counts(expression: str, filters: Filters) -> dict[str, int]:
    sql = "articles_search JOIN articles_searchdocument d ON d.id = articles_search.rowid"
    return joined_counts((f"{sql} WHERE articles_search MATCH %s", [expression]), filters)


def _few_counts(expression: str) -> dict[str, int] | None:
    """Hits per kind if there are FEW or fewer, read from their documents; else None."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT d.kind, COUNT(*) FROM (SELECT rowid FROM articles_search WHERE articles_search MATCH %s LIMIT %s) m"
            " JOIN articles_searchdocument d ON d.id = m.rowid GROUP BY d.kind",
            [expression, FEW + 1],
        )
        found = dict(cursor.fetchall())
    return found if sum(found.values()) <= FEW else None


def ranked_ids(parsed: Query, filters: Filters, order: str, limit: int, offset: int, count: int) -> list[int]:
    if order == "newest" or filters.beyond_kind:
        order_by = BY_DATE if order == "newest" else BY_RANK
        return joined_ids(_ranked_matches(tier_expressions(parsed)), filters, order_by, limit, offset)
    expressions = [fts5.of_kind(expression, filters.kind) for expression in tier_expressions(parsed)]
    if not plan.is_broad(count, order, filters):
        sql, params = _ranked_matches(expressions)
        return first_column(
            f"SELECT id FROM ({sql}) ORDER BY tier, score, id LIMIT %s OFFSET %s", [*params, limit, offset]
        )
    headlines = [fts5.of_kind(expression, filters.kind) for expression in tier_expressions(parsed, headline=True)]
    return plan.walk_parts(plan.broad_parts(expressions, headlines, fts5.without), limit, offset, _count, _newest)


def _ranked_matches(expressions: list[str]) -> tuple[str, list]:
    """SQL giving (id, tier, score) for every match of the tiers; lower sorts first."""
    selects = [
        f"SELECT rowid AS id, {tier} AS tier, {BM25} AS score FROM articles_search WHERE articles_search MATCH %s"
        for tier in range(len(expressions))
    ]
    if len(selects) == 1:
        # One match gives each document once; grouping it would move bm25() where FTS5 cannot run it.
        return selects[0], expressions
    union = " UNION ALL ".join(selects)
    return f"SELECT id, MIN(tier) AS tier, MIN(score) AS score FROM ({union}) GROUP BY id", expressions


def partial_matches(groups: list[Condition], excluded: list) -> tuple[str, list]:
    """SQL giving (id, tier, score) for every document holding any group: its tier
    the number of groups it lacks."""
    expressions = [fts5.condition(group, excluded) for group in groups]
    union = " UNION ALL ".join(
        f"SELECT rowid AS id, {BM25} AS score FROM articles_search WHERE articles_search MATCH %s" for _ in groups
    )
    return f"SELECT id, {len(groups)} - COUNT(*) AS tier, SUM(score) AS score FROM ({union}) GROUP BY id", expressions


def holding(group: Condition, ids: list[int]) -> set[int]:
    """Which of these documents hold the group."""
    marks = ", ".join(["%s"] * len(ids))
    sql = f"SELECT rowid FROM articles_search WHERE articles_search MATCH %s AND rowid IN ({marks})"
    return set(first_column(sql, [fts5.condition(group, []), *ids]))


def _newest(expression: str, limit: int, offset: int) -> list[int]:
    return first_column(
        "SELECT rowid FROM articles_search WHERE articles_search MATCH %s ORDER BY rowid DESC LIMIT %s OFFSET %s",
        [expression, limit, offset],
    )


def _count(expression: str) -> int:
    return first_column("SELECT COUNT(*) FROM articles_search WHERE articles_search MATCH %s", [expression])[0]


def write_vectors(documents: list[SearchDocument]) -> None:
    """Nothing to do: triggers keep the FTS5 table in step with the documents (migration 0003)."""
