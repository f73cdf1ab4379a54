"""The SQLite backend: an FTS5 table over each document's terms and kind
(migrations 0003 and 0005), ranked with bm25(), headline columns weighted above
the body.

Counting needs no ranking, and, without date, column or page filters, no
document rows either: the index alone counts a word's 30,000 matches in a
millisecond, where reading their rows took twenty.

Ranking every match of a common word does not scale (bm25 over the 15,000
matches of a common word at 100,000 documents takes tens of milliseconds), and
among thousands of documents that merely mention a word it says little. A
query matching more than LARGE documents names a broad topic rather than a
story, so each of its tiers is given in two parts: first the documents with the
tier's terms in their headline, then the others, each part newest first (most
recently indexed: FTS5 reads rowids backwards and stops at the page). Smaller
result sets are ranked whole by bm25. (bm25 within the headline part was
measured too: at 100,000 articles it put the median search at 3.3-3.6 ms
against 2.3-2.8 ms, most of it scanning the word's matches for its weight.)
"""

from collections.abc import Callable
from functools import partial

from django.db import connection

from ..models import SearchDocument
from . import query as q
from .shared import Filters, first_column, joined_counts, joined_ids, tiers, walk_parts

NEAR_DISTANCE = 12
# bm25 weights of the FTS5 columns: title_words, title_grams, body_words, body_grams, kind.
BM25_WEIGHTS = "8.0, 6.0, 1.5, 1.0, 0.0"
BM25 = f"bm25(articles_search, {BM25_WEIGHTS})"
LARGE = 1000
# Up to this many matches, reading each one's document row to count by kind is cheaper than
# asking the index once per kind.
FEW = 20
# Counted one by one; articles, most of any paper, are what is left of the total.
MINOR_KINDS = (SearchDocument.NEWS, SearchDocument.TEASER, SearchDocument.PHOTO)


def any_match(parsed: q.Query) -> str:
    """The union of every tier: what is counted."""
    expression = q.fts5(parsed.words, "AND", parsed.excluded)
    if len(parsed.terms) > 1:
        expression = f"({expression}) OR ({q.fts5(parsed.terms, 'OR', parsed.excluded)})"
    return expression


def tier_expressions(parsed: q.Query, headline: bool = False) -> list[str]:
    """Each tier's FTS5 expression, best first; matched within the headline columns if asked."""
    positive = [q.fts5(phrases, operator, []) for operator, phrases in tiers(parsed)]
    if len(parsed.terms) > 1:
        positive.insert(0, q.fts5_near(parsed.terms, NEAR_DISTANCE, []))
    if headline:
        positive = list(map(q.fts5_in_headline, positive))
    return [q.fts5_excluding(expression, parsed.excluded) for expression in positive]


def count(parsed: q.Query, filters: Filters) -> tuple[int, Callable[[], dict[str, int]]]:
    """The hits after every filter, and a function giving the hits per kind before the
    kind filter: free when counting read them, else counted from the index when called."""
    expression = any_match(parsed)
    found = _joined_counts(expression, filters) if filters.beyond_kind else _few_counts(expression)
    if found is None:
        return _count(q.fts5_of_kind(expression, filters.kind)), partial(_many_counts, expression)
    return filters.total(found), partial(dict, found)


def _many_counts(expression: str) -> dict[str, int]:
    """Hits per kind from the index alone: all of them, then those of each minor kind,
    in one statement."""
    expressions = [expression, *(q.fts5_of_kind(expression, kind) for kind in MINOR_KINDS)]
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


def ranked_ids(parsed: q.Query, filters: Filters, order: str, limit: int, offset: int, count: int) -> list[int]:
    if order == "newest" or filters.beyond_kind:
        return joined_ids(_ranked_matches(tier_expressions(parsed)), filters, order, limit, offset)
    expressions = [q.fts5_of_kind(expression, filters.kind) for expression in tier_expressions(parsed)]
    if count <= LARGE:
        sql, params = _ranked_matches(expressions)
        return first_column(
            f"SELECT id FROM ({sql}) ORDER BY tier, score, id LIMIT %s OFFSET %s", [*params, limit, offset]
        )
    headlines = [q.fts5_of_kind(expression, filters.kind) for expression in tier_expressions(parsed, headline=True)]
    return walk_parts(_parts(expressions, headlines), limit, offset, _count, _newest)


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


def _parts(expressions: list[str], headlines: list[str]) -> list[str]:
    """The parts of a large result, in order: per tier, its headline matches, then
    its other matches; no document in two parts."""
    parts, earlier = [], []
    for expression, headline in zip(expressions, headlines, strict=True):
        parts.append(_without(headline, earlier))
        parts.append(_without(expression, [*earlier, headline]))
        earlier.append(expression)
    return parts


def _without(expression: str, others: list[str]) -> str:
    return f"({expression}) NOT ({' OR '.join(others)})" if others else expression


def _newest(expression: str, limit: int, offset: int) -> list[int]:
    return first_column(
        "SELECT rowid FROM articles_search WHERE articles_search MATCH %s ORDER BY rowid DESC LIMIT %s OFFSET %s",
        [expression, limit, offset],
    )


def _count(expression: str) -> int:
    return first_column("SELECT COUNT(*) FROM articles_search WHERE articles_search MATCH %s", [expression])[0]
