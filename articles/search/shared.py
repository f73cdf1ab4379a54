"""What both backends share: the reader's filters, and the SQL that joins ranked
matches to the documents table "d"."""

from dataclasses import dataclass, field

from django.db import connection

# Every filter beyond the kind, by its name in search() and the search form, with its
# clause on the documents table "d". A new filter is one line here, and its form field.
FILTER_CLAUSES = {
    "date_from": "d.date >= %s",
    "date_to": "d.date <= %s",
    "column": "d.column_id = %s",
    "page_number": "d.page_number = %s",
    "paper": "d.page_id IN (SELECT p.id FROM articles_page p JOIN articles_edition e ON e.id = p.edition_id"
    " WHERE e.paper_id = %s)",
}


@dataclass
class Filters:
    kind: str = ""
    values: dict = field(default_factory=dict)  # by the names of FILTER_CLAUSES; empty ones are left out

    def __post_init__(self):
        unknown = set(self.values) - set(FILTER_CLAUSES)
        if unknown:
            raise TypeError(f"unknown search filters: {', '.join(sorted(unknown))}")
        # A model instance (a Column) filters by its primary key.
        self.values = {name: getattr(value, "pk", value) for name, value in self.values.items() if value}

    @property
    def beyond_kind(self) -> bool:
        """Whether a filter other than the kind applies: those need the documents table."""
        return bool(self.values)

    def total(self, counts: dict[str, int]) -> int:
        """The hits after the kind filter, from the hits per kind."""
        return counts.get(self.kind, 0) if self.kind else sum(counts.values())

    def sql(self, with_kind: bool = True) -> tuple[str, list]:
        """WHERE clauses on the documents table, as "d"."""
        clauses, params = [], []
        if with_kind and self.kind:
            clauses.append("d.kind = %s")
            params.append(self.kind)
        for name, value in self.values.items():
            clauses.append(FILTER_CLAUSES[name])
            params.append(value)
        return (" AND ".join(clauses) or "1 = 1"), params


def joined_ids(matches: tuple[str, list], filters: Filters, order_by: str, limit: int, offset: int) -> list[int]:
    """One page of ranked matches "m" (id, tier, score), filtered and ordered on the documents table."""
    sql, params = matches
    where, where_params = filters.sql()
    return first_column(
        f"SELECT d.id FROM ({sql}) m JOIN articles_searchdocument d ON d.id = m.id"
        f" WHERE {where} ORDER BY {order_by} LIMIT %s OFFSET %s",
        [*params, *where_params, limit, offset],
    )


BY_RANK = "m.tier, m.score, d.id"


def first_column(sql: str, params: list) -> list:
    """The first column of every row a query gives."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def joined_counts(matching: tuple[str, list], filters: Filters) -> dict[str, int]:
    """Hits per kind of an unranked match, "FROM ... WHERE ..." over the documents "d"."""
    sql, params = matching
    where, where_params = filters.sql(with_kind=False)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT d.kind, COUNT(*) FROM {sql} AND {where} GROUP BY d.kind", [*params, *where_params])
        return dict(cursor.fetchall())


def distinct_matches(matches: tuple[str, list]) -> tuple[str, list]:
    """The documents of ranked matches "m", once each, for joined_counts."""
    sql, params = matches
    return f"(SELECT DISTINCT id FROM ({sql}) u) m JOIN articles_searchdocument d ON d.id = m.id WHERE 1 = 1", params


# A hit's document columns, its page's edition and the edition's paper (for the URL
# and the place it names), and the article's headline fields and column, which a hit
# may have matched instead of its title or text.
HIT_COLUMNS = {
    "id": "d.id",
    "kind": "d.kind",
    "title": "d.title",
    "text": "d.text",
    "date": "d.date",
    "page_number": "d.page_number",
    "page_id": "d.page_id",
    "edition_id": "p.edition_id",
    "article_id": "d.article_id",
    "brief_id": "d.brief_id",
    "photo_id": "d.photo_id",
    "paper_slug": "pp.slug",
    "paper_name": "pp.name",
    "kicker": "a.kicker",
    "subtitle": "a.subtitle",
    "byline": "a.byline",
    "column": "c.name",
}


def hit_rows(ids: list[int]) -> dict[int, dict]:
    """What each hit shows and links to, by document id, in one plain query: building
    it through the ORM cost more than a rare word's whole search."""
    if not ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(HIT_COLUMNS.values())} FROM articles_searchdocument d"
            " JOIN articles_page p ON p.id = d.page_id"
            " JOIN articles_edition e ON e.id = p.edition_id JOIN articles_paper pp ON pp.id = e.paper_id"
            " LEFT JOIN articles_article a ON a.id = d.article_id"
            " LEFT JOIN articles_column c ON c.id = d.column_id"
            f" WHERE d.id IN ({', '.join(['%s'] * len(ids))})",
            ids,
        )
        return {row[0]: dict(zip(HIT_COLUMNS, row, strict=True)) for row in cursor.fetchall()}
