"""The words editors add to jieba's dictionary, and what adding or deleting one changes.

A word kept whole ranks better in search (the index's grams find it either
way) and can become an article's keyword, so saving or deleting one
re-segments exactly the records that hold it, in the same transaction: their
search documents, and the keywords of the articles among them (Article.keywords
and their ArticleKeyword rows, which relate articles). Those keywords show on
reader pages, so the site's generation moves on too. Every other process picks
the word up from the dictionary's version (wordlist.py).

A record takes some 30 ms to re-segment, so a common word ("创新", held by
thousands of records) would pass gunicorn's 30 s timeout: beyond
RESEGMENT_IN_REQUEST records, a background task (django-tasks, like a PDF's
import) re-segments them in batches, each in its own transaction, and the
word's row counts down what is left (DictionaryWord.records_left, shown in the
admin's list).
"""

import logging

import jieba
from django.db import transaction
from django.db.models import Q
from django_tasks import task

from .models import Article, ArticleKeyword, Brief, DictionaryWord, Photo
from .pagecache import content_changed
from .search.index import index_records
from .search.terms import add_words, bounded, forget_word
from .wordlist import keep_current, reload_at_next_check

logger = logging.getLogger(__name__)

RESEGMENT_IN_REQUEST = 200  # some 6 s; more goes to the background
BATCH = 200

# Where a record's text is, for each kind: what the index and the keywords read of it.
TEXT_FIELDS = {
    Article: ["kicker", "title", "subtitle", "dateline", "byline", "continuation", "body"],
    Brief: ["text", "ref"],
    Photo: ["caption", "credit"],
}


def segmentation_before_and_after(word: str, sentence: str) -> tuple[list[str], list[str]]:
    """How jieba cuts the sentence without the word, and with it."""
    keep_current()
    forget_word(word)
    before = jieba.lcut(bounded(sentence))
    add_words([word])
    return before, jieba.lcut(bounded(sentence))


def records_holding(word: str) -> list:
    """Every article, brief and photo whose text holds the word, with its page and edition."""
    records = []
    for model, fields in TEXT_FIELDS.items():
        holding = Q()
        for name in fields:
            holding |= Q(**{f"{name}__contains": word})
        records += model.objects.filter(holding).select_related("page__edition")
    return records


@transaction.atomic
def word_added(word: str) -> int:
    """Teach jieba the word and re-segment the records that hold it (or have a task do it);
    how many hold it."""
    reload_at_next_check()
    add_words([word])
    return _resegment_holding(word)


@transaction.atomic
def word_removed(word: str) -> int:
    reload_at_next_check()
    forget_word(word)
    return _resegment_holding(word)


def in_background(count: int) -> bool:
    return count > RESEGMENT_IN_REQUEST


def _resegment_holding(word: str) -> int:
    records = records_holding(word)
    if not in_background(len(records)):
        _resegment(records)
        return len(records)
    # Enqueued in this transaction: the task's row commits with the word, or neither does.
    DictionaryWord.objects.filter(word=word).update(records_left=len(records))
    resegment_in_background.enqueue(word)
    return len(records)


@task()
def resegment_in_background(word: str) -> None:
    """Re-segment the records holding the word, a batch at a time, counting down on its row."""
    keep_current()  # the word as the database has it now, taught or forgotten
    records = records_holding(word)
    for start in range(0, len(records), BATCH):
        with transaction.atomic():
            _resegment(records[start : start + BATCH])
            left = max(len(records) - start - BATCH, 0)
            DictionaryWord.objects.filter(word=word).update(records_left=left)
    logger.info("re-segmented the %d records holding %s", len(records), word)


def _resegment(records: list) -> None:
    articles = [record for record in records if isinstance(record, Article)]
    for article in articles:
        article.refresh_derived()
    # Written without save(): a new keyword is no editor's change, so it makes no history entry.
    Article.objects.bulk_update(articles, ["keywords", "body_html"])
    ArticleKeyword.objects.filter(article__in=articles).delete()
    ArticleKeyword.objects.bulk_create(row for article in articles for row in article.keyword_rows())
    index_records(records)
    if records:
        content_changed()  # the articles' keywords and related lists show on reader pages
