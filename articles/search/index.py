"""Keep the search documents in step with the records they describe.

The importer indexes a whole page at once; the admin's saves reach here
through model signals (articles/signals.py). Either way the documents are
written in the caller's transaction, so the index never disagrees with the site.
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F

from ..body import body_to_blocks
from ..models import Article, Brief, Page, Photo, SearchDocument
from ..wordlist import keep_current
from . import backends
from .terms import add_words, grams, normalize, words
from .vocabulary import remember_words

BATCH = 500
PAGES_PER_BATCH = 50
_taught = False


def teach_stored_words() -> None:
    """What the importer and the editors taught jieba, so queries segment as the index did:
    the editors' dictionary as it is now (wordlist.py), and once per process every stored
    byline's names."""
    global _taught
    keep_current()
    if not _taught:
        for authors in Article.objects.exclude(authors=[]).values_list("authors", flat=True):
            add_words(authors)
        _taught = True


def document_for(record: Article | Brief | Photo) -> SearchDocument:
    """An unsaved search document for a record whose page and edition are loaded."""
    page = record.page
    document = SearchDocument(page=page, date=page.edition.date, page_number=page.number, position=record.position)
    if isinstance(record, Article):
        add_words(record.authors)
        document.kind, document.article = SearchDocument.ARTICLE, record
        document.column_id = record.column_id
        body = " ".join(block.text for block in body_to_blocks(record.body))
        if record.continued_on_id:
            body += " " + " ".join(block.text for block in body_to_blocks(record.continued_on.body))
        document.title = record.title or body[:40]
        document.text = body
        heading = " ".join(part for part in (record.kicker, record.title, record.subtitle) if part)
        # The column's name ("学习贯彻党的二十大精神 高新区在行动") is printed over the
        # article, so a reader may look for it: it is searched as the byline is.
        column = record.column.name if record.column_id else ""
        extra = " ".join(part for part in (record.dateline, record.byline, record.continuation, column) if part)
        _set_terms(document, heading, f"{extra} {body}")
    elif isinstance(record, Brief):
        document.kind = SearchDocument.TEASER if record.kind == Brief.TEASER else SearchDocument.NEWS
        document.brief = record
        document.title = document.text = record.text
        _set_terms(document, record.text, record.ref)
    else:
        document.kind, document.photo = SearchDocument.PHOTO, record
        document.title = record.caption or record.credit
        document.text = f"{record.caption} {record.credit}".strip()
        # A caption describes a picture; it is not a headline, so it weighs as body text.
        _set_terms(document, "", document.text)
    return document


def _set_terms(document: SearchDocument, heading: str, body: str) -> None:
    heading, body = normalize(heading), normalize(body)
    document.title_words, document.title_grams = " ".join(words(heading)), " ".join(grams(heading))
    document.body_words, document.body_grams = " ".join(words(body)), " ".join(grams(body))


def index_records(records: Iterable[Article | Brief | Photo]) -> None:
    """Write (or rewrite) the documents of these records."""
    # The words editors taught jieba in other processes cut the text here too (an
    # import or a reindex may be this process's first use of jieba).
    teach_stored_words()
    records = as_stories(list(records))
    with transaction.atomic():
        for model, field in ((Article, "article"), (Brief, "brief"), (Photo, "photo")):
            ids = [record.pk for record in records if isinstance(record, model)]
            if model is Article:
                ids += [record.continued_on_id for record in records if isinstance(record, Article)]
            if ids:
                SearchDocument.objects.filter(**{f"{field}__in": [pk for pk in ids if pk]}).delete()
        for start in range(0, len(records), BATCH):
            documents = SearchDocument.objects.bulk_create(document_for(r) for r in records[start : start + BATCH])
            _write_vectors(documents)
            remember_words(documents)


def as_stories(records: list) -> list:
    """The records to write documents for, a continued story once: an article's second
    part ("（上接第1版）") has no document of its own, and its first part's holds the text of
    both, so a word of either part finds the story once, at its first part. A second
    part given is replaced by its first part; the first part's document then replaces
    the second part's (index_records deletes both)."""
    article_ids = [record.pk for record in records if isinstance(record, Article)]
    first_of = {
        first.continued_on_id: first
        for first in Article.objects.filter(continued_on_id__in=article_ids).select_related(*_related(Article))
    }
    given = {(type(record), record.pk) for record in records}
    stories = [record for record in records if not (isinstance(record, Article) and record.pk in first_of)]
    return stories + [first for first in first_of.values() if (Article, first.pk) not in given]


def index_page(page: Page) -> None:
    """Index every record of a page (its records are new or its documents stale)."""
    records = [
        *page.articles.select_related(*_related(Article)),
        *page.briefs.select_related("page__edition"),
        *page.photos.select_related("page__edition"),
    ]
    index_records(records)


def rebuild() -> int:
    """Index every record from scratch; the number of documents written.

    Page by page, oldest edition first, so that document ids run from old to new
    as they do when editions are imported day by day: SQLite reads a large
    result newest first by id (sqlite.py)."""
    pages = Page.objects.order_by(F("edition__date").asc(nulls_first=True), "edition_id", "number_sort", "pk")
    page_ids = list(pages.values_list("pk", flat=True))
    count = 0
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        for start in range(0, len(page_ids), PAGES_PER_BATCH):
            chunk = page_ids[start : start + PAGES_PER_BATCH]
            order = {page_id: number for number, page_id in enumerate(chunk)}
            records = [
                record
                for model in (Article, Brief, Photo)
                for record in model.objects.filter(page_id__in=chunk).select_related(*_related(model))
            ]
            records.sort(key=lambda record: (order[record.page_id], record.position, record.pk))
            index_records(records)
            count += len(records)
    return count


def _related(model) -> list[str]:
    """What document_for reads of a record beyond its own row."""
    return ["page__edition", "column", "continued_on"] if model is Article else ["page__edition"]


def _write_vectors(documents: list[SearchDocument]) -> None:
    backends.current().write_vectors(documents)
