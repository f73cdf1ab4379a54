"""Search by Chinese keyword: one public function, ``search``.

A query is understood once (query.py), run against the full-text index of the
database in use (backends.py: SQLite FTS5 or PostgreSQL), and its hits come
back with the matched words marked (snippets.py).
"""

import datetime
from dataclasses import dataclass, field

from django.utils.safestring import SafeString

from ..models import SearchDocument
from . import backends
from .index import teach_stored_words
from .query import Query, parse
from .snippets import SNIPPET_LENGTH, marked, pattern_for

KIND_LABELS = dict(SearchDocument.KINDS)
MAX_PER_PAGE = 100


@dataclass
class Hit:
    kind: str
    plain_title: str
    title: SafeString
    snippet: SafeString
    url: str
    date: datetime.date | None
    page: str
    record: object

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass
class Results:
    query: Query
    hits: list[Hit] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # hits per kind, before the kind filter
    count: int = 0  # hits after every filter
    page: int = 1
    per_page: int = 20

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
    ids, results.counts = backends.run(parsed, filters, order, per_page, (page - 1) * per_page)
    results.count = results.counts.get(kind, 0) if kind else sum(results.counts.values())
    documents = SearchDocument.objects.select_related(
        "article__page__edition", "brief__page__edition", "photo__page__edition"
    ).in_bulk(ids)
    pattern = pattern_for(parsed.highlights)
    for document in (documents[pk] for pk in ids if pk in documents):
        results.hits.append(
            Hit(
                kind=document.kind,
                plain_title=document.title,
                title=marked(document.title, pattern),
                snippet=marked(document.text, pattern, SNIPPET_LENGTH),
                url=document.record.get_absolute_url(),
                date=document.date,
                page=document.page_number,
                record=document.record,
            )
        )
    return results
