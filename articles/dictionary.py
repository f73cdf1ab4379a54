"""The words editors add to jieba's dictionary, and what adding one changes.

A word kept whole ranks better in search (the index's grams find it either
way), so adding one reindexes exactly the records that hold it.
"""

import jieba
from django.db import transaction
from django.db.models import Q

from .models import SearchDocument
from .search.index import index_records
from .search.terms import add_words, forget_word


def segmentation_before_and_after(word: str, sentence: str) -> tuple[list[str], list[str]]:
    """How jieba cuts the sentence without the word, and with it."""
    forget_word(word)
    before = jieba.lcut(sentence)
    add_words([word])
    return before, jieba.lcut(sentence)


def records_holding(word: str) -> list:
    documents = SearchDocument.objects.filter(Q(title__contains=word) | Q(text__contains=word)).select_related(
        "article__page__edition", "brief__page__edition", "photo__page__edition"
    )
    return [document.record for document in documents]


@transaction.atomic
def word_added(word: str) -> int:
    """Teach jieba the word and reindex the records that hold it; how many were."""
    add_words([word])
    return _reindex_holding(word)


@transaction.atomic
def word_removed(word: str) -> int:
    forget_word(word)
    return _reindex_holding(word)


def _reindex_holding(word: str) -> int:
    records = records_holding(word)
    index_records(records)
    return len(records)
