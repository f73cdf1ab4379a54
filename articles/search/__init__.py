"""Search by Chinese keyword: one public function, ``search``.

A query is understood once (query.py), run against the full-text index of the
database in use (backends.py: SQLite FTS5 or PostgreSQL), and its hits come
back with the matched words marked (snippets.py).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from django.urls import reverse
from django.utils.safestring import SafeString

from ..models import Article, Brief, Photo, SearchDocument, edition_segment, page_segment
from . import backends
from .index import teach_stored_words
from .query import Query, parse
from .shared import hit_rows
from .snippets import SNIPPET_LENGTH, marked, pattern_for

KIND_LABELS = dict(SearchDocument.KINDS)
MAX_PER_PAGE = 100
URL_NAMES = {
    SearchDocument.ARTICLE: Article.url_name,
    SearchDocument.NEWS: Brief.url_name,
    SearchDocument.TEASER: Brief.url_name,
    SearchDocument.PHOTO: Photo.url_name,
}


@dataclass
class Hit:
    kind: str
    plain_title: str
    title: SafeString
    snippet: SafeString
    url: str
    date: datetime.date | None
    page: str
    record_id: int
    paper: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass
class Results:
    query: Query
    hits: list[Hit] = field(default_factory=list)
    count: int = 0  # hits after every filter
    page: int = 1
    per_page: int = 20
    # Hits per kind, before the kind filter: counted when first asked for (the results
    # page shows them; the API and the suggestions do not), unless they came with the count.
    count_kinds: Callable[[], dict[str, int]] = field(default=dict, repr=False)

    @cached_property
    def counts(self) -> dict[str, int]:
        return self.count_kinds()

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.per_page))


def search(
    text: str,
    *,
    kind: str = "",
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    column_id: int | None = None,
    page_number: str = "",
    order: str = "relevance",
    page: int = 1,
    per_page: int = 20,
) -> Results:
    """Ranked hits for a query typed by a reader, with the matched words marked."""
    teach_stored_words()
    parsed = parse(text)
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    page = max(1, page)
    results = Results(parsed, page=page, per_page=per_page)
    if not parsed:
        return results
    filters = backends.Filters(kind, date_from, date_to, column_id, page_number)
    ids, results.count, results.count_kinds = backends.run(parsed, filters, order, per_page, (page - 1) * per_page)
    # What a hit shows and links to is all kept on its document: no record is loaded.
    rows = hit_rows(ids)
    pattern = pattern_for(parsed.highlights)
    results.hits = [_hit(rows[pk], pattern) for pk in ids if pk in rows]
    return results


def _hit(row: dict, pattern) -> Hit:
    record_id = row["article_id"] or row["brief_id"] or row["photo_id"]
    segments = [
        row["paper_slug"],
        edition_segment(row["date"], row["edition_id"]),
        page_segment(row["page_number"], row["page_id"]),
    ]
    return Hit(
        kind=row["kind"],
        plain_title=row["title"],
        title=marked(row["title"], pattern),
        snippet=marked(row["text"], pattern, SNIPPET_LENGTH),
        url=reverse(URL_NAMES[row["kind"]], args=[*segments, record_id]),
        date=row["date"],
        page=row["page_number"],
        record_id=record_id,
        paper=row["paper_name"],
    )
