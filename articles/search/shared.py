"""What both backends share: the reader's filters, the ranking tiers, and the SQL
that joins ranked matches to the documents table "d"."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection

from . import query as q


@dataclass
class Filters:
    kind: str = ""
    date_from: object = None
    date_to: object = None
    column_id: int | None = None
    page_number: str = ""

    @property
    def beyond_kind(self) -> bool:
        """Whether a filter other than the kind applies: those need the documents table."""
        return bool(self.date_from or self.date_to or self.column_id or self.page_number)

    def total(self, counts: dict[str, int]) -> int:
        """The hits after the kind filter, from the hits per kind."""
        return counts.get(self.kind, 0) if self.kind else sum(counts.values())

    def sql(self, with_kind: bool = True) -> tuple[str, list]:
        """WHERE clauses on the documents table, as "d"."""
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


def ordering(order: str) -> str:
    """ORDER BY over ranked matches "m" joined to their documents "d"."""
    if order != "newest":
        return "m.tier, m.score, d.id"
    if connection.vendor == "sqlite":
        return "d.date IS NULL, d.date DESC, m.tier, m.score, d.id"
    return "d.date DESC NULLS LAST, m.tier, m.score, d.id"


def joined_ids(matches: tuple[str, list], filters: Filters, order: str, limit: int, offset: int) -> list[int]:
    """One page of ranked matches, filtered and ordered on the documents table."""
    sql, params = matches
    where, where_params = filters.sql()
    return first_column(
        f"SELECT d.id FROM ({sql}) m JOIN articles_searchdocument d ON d.id = m.id"
        f" WHERE {where} ORDER BY {ordering(order)} LIMIT %s OFFSET %s",
        [*params, *where_params, limit, offset],
    )


def first_column(sql: str, params: list) -> list:
    """The first column of every row a query gives."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def walk_parts(parts: list, limit: int, offset: int, count: Callable, fetch: Callable) -> list[int]:
    """One page of a large result's parts laid end to end (see sqlite.py and postgres.py):
    fetch(part, limit, offset) gives a part's ids newest first, count(part) how many
    it has; a part wholly before the page is only counted."""
    ids: list[int] = []
    for part in parts:
        if offset:
            size = count(part)
            if size <= offset:
                offset -= size
                continue
        ids += fetch(part, limit - len(ids), offset)
        offset = 0
        if len(ids) == limit:
            break
    return ids


def joined_counts(matching: tuple[str, list], filters: Filters) -> dict[str, int]:
    """Hits per kind of an unranked match, "FROM ... WHERE ..." over the documents "d"."""
    sql, params = matching
    where, where_params = filters.sql(with_kind=False)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT d.kind, COUNT(*) FROM {sql} AND {where} GROUP BY d.kind", [*params, *where_params])
        return dict(cursor.fetchall())


# A hit's document columns, its page's edition and the edition's paper (for the URL and its place).
HIT_COLUMNS = ["id", "kind", "title", "text", "date", "page_number", "page_id", "edition_id"]
HIT_COLUMNS += ["article_id", "brief_id", "photo_id", "paper_slug", "paper_name"]
_HIT_SOURCES = {"edition_id": "p.edition_id", "paper_slug": "pp.slug", "paper_name": "pp.name"}


def hit_rows(ids: list[int]) -> dict[int, dict]:
    """What each hit shows and links to, by document id, in one plain query: building
    it through the ORM cost more than a rare word's whole search."""
    if not ids:
        return {}
    columns = ", ".join(_HIT_SOURCES.get(name, f"d.{name}") for name in HIT_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM articles_searchdocument d JOIN articles_page p ON p.id = d.page_id"
            " JOIN articles_edition e ON e.id = p.edition_id JOIN articles_paper pp ON pp.id = e.paper_id"
            f" WHERE d.id IN ({', '.join(['%s'] * len(ids))})",
            ids,
        )
        return {row[0]: dict(zip(HIT_COLUMNS, row, strict=True)) for row in cursor.fetchall()}
