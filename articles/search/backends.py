"""Run a parsed query against the full-text index of the database in use.

Both backends rank in tiers, then by relevance within a tier:
  0. every typed term, as typed, close together (SQLite: NEAR);
  1. every typed term, as typed;
  2. every word of the terms, as jieba cuts them;
  3. any typed term (only for queries of several terms).
SQLite ranks with FTS5's bm25(), headline columns weighted above the body;
PostgreSQL with ts_rank_cd() over a tsvector whose headline terms weigh A.
"""

from dataclasses import dataclass

from django.db import connection

from . import query as q

NEAR_DISTANCE = 12
# bm25 weights of the FTS5 columns: title_words, title_grams, body_words, body_grams.
BM25_WEIGHTS = "8.0, 6.0, 1.5, 1.0"
# ts_rank_cd weights for D, C, B, A.
TS_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"


@dataclass
class Filters:
    kind: str = ""
    date_from: object = None
    date_to: object = None
    column_id: int | None = None
    page_number: str = ""

    def sql(self, with_kind: bool = True) -> tuple[str, list]:
        clauses, params = [], []
        if with_kind and self.kind:
            clauses.append("d.kind = %s")
            params.append(self.kind)
        if self.date_from:
            clauses.append("d.date >= %s")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("d.date <= %s")
            params.append(self.date_to)
        if self.column_id:
            clauses.append("d.column_id = %s")
            params.append(self.column_id)
        if self.page_number:
            clauses.append("d.page_number = %s")
            params.append(self.page_number)
        return (" AND ".join(clauses) or "1 = 1"), params


def tiers(parsed: q.Query) -> list[tuple[str, list[q.Phrase]]]:
    """(operator, phrases) for each ranking tier that this query has."""
    found = [("AND", parsed.terms)]
    # When every term is one word, the words' tier would match the same records again.
    if parsed.words != parsed.terms:
        found.append(("AND", parsed.words))
    if len(parsed.terms) > 1:
        found.append(("OR", parsed.terms))
    return found


def any_match_sql(parsed: q.Query) -> tuple[str, list]:
    """FROM and WHERE for every document any tier matches, unranked: enough for counting."""
    if connection.vendor == "postgresql":
        query = q.tsquery(parsed.words, "AND", parsed.excluded)
        if len(parsed.terms) > 1:
            query = f"({query}) | ({q.tsquery(parsed.terms, 'OR', parsed.excluded)})"
        return "articles_searchdocument d WHERE d.vector @@ %s::tsquery", [query]
    expression = q.fts5(parsed.words, "AND", parsed.excluded)
    if len(parsed.terms) > 1:
        expression = f"({expression}) OR ({q.fts5(parsed.terms, 'OR', parsed.excluded)})"
    return (
        "articles_search JOIN articles_searchdocument d ON d.id = articles_search.rowid WHERE articles_search MATCH %s",
        [expression],
    )


def matches_sql(parsed: q.Query) -> tuple[str, list]:
    """SQL giving (id, tier, score) for every matching document; lower sorts first."""
    if connection.vendor == "postgresql":
        return _postgres_matches(parsed)
    return _sqlite_matches(parsed)


def _sqlite_matches(parsed: q.Query) -> tuple[str, list]:
    expressions = []
    if len(parsed.terms) > 1:
        expressions.append(q.fts5_near(parsed.terms, NEAR_DISTANCE, parsed.excluded))
    expressions += [q.fts5(phrases, operator, parsed.excluded) for operator, phrases in tiers(parsed)]
    selects = [
        f"SELECT rowid AS id, {tier} AS tier, bm25(articles_search, {BM25_WEIGHTS}) AS score"
        " FROM articles_search WHERE articles_search MATCH %s"
        for tier in range(len(expressions))
    ]
    if len(selects) == 1:
        # One match gives each document once; grouping it would move bm25() where FTS5 cannot run it.
        return selects[0], expressions
    sql = f"SELECT id, MIN(tier) AS tier, MIN(score) AS score FROM ({' UNION ALL '.join(selects)}) GROUP BY id"
    return sql, expressions


def _postgres_matches(parsed: q.Query) -> tuple[str, list]:
    queries = [q.tsquery(phrases, operator, parsed.excluded) for operator, phrases in tiers(parsed)]
    widest = queries[-1]
    cases = " ".join(f"WHEN vector @@ %s::tsquery THEN {tier}" for tier in range(len(queries) - 1))
    tier = f"CASE {cases} ELSE {len(queries) - 1} END" if cases else "0"
    sql = (
        f"SELECT id, {tier} AS tier, -ts_rank_cd('{TS_WEIGHTS}', vector, %s::tsquery) AS score"
        " FROM articles_searchdocument WHERE vector @@ %s::tsquery"
    )
    return sql, [*queries[:-1], widest, widest]


def run(parsed: q.Query, filters: Filters, order: str, limit: int, offset: int) -> tuple[list[int], dict[str, int]]:
    """The ids of one page of hits, best first (or newest first), and the hit count per kind."""
    matches, params = matches_sql(parsed)
    where, where_params = filters.sql()
    ordering = "m.tier, m.score, d.id" if order != "newest" else "d.date DESC, m.tier, m.score, d.id"
    if connection.vendor == "sqlite" and order == "newest":
        ordering = "d.date IS NULL, " + ordering
    elif order == "newest":
        ordering = ordering.replace("d.date DESC", "d.date DESC NULLS LAST")
    kind_where, kind_params = filters.sql(with_kind=False)
    matching, matching_params = any_match_sql(parsed)
    with connection.cursor() as cursor:
        # Counting needs no ranking: one match over the union of the tiers.
        cursor.execute(
            f"SELECT d.kind, COUNT(*) FROM {matching} AND {kind_where} GROUP BY d.kind",
            [*matching_params, *kind_params],
        )
        counts = dict(cursor.fetchall())
        cursor.execute(
            f"SELECT d.id FROM ({matches}) m JOIN articles_searchdocument d ON d.id = m.id"
            f" WHERE {where} ORDER BY {ordering} LIMIT %s OFFSET %s",
            [*params, *where_params, limit, offset],
        )
        ids = [row[0] for row in cursor.fetchall()]
    return ids, counts
