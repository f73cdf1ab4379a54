"""The editors' dictionary reaches every process and everything it changes (articles/wordlist.py,
articles/dictionary.py)."""

import jieba
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import wordlist
from articles.dictionary import word_added, word_removed
from articles.models import Article, ArticleKeyword, DictionaryVersion, DictionaryWord, SearchDocument
from articles.search import search
from articles.search.query import query_words

WORD = "新春第一会"
SENTENCE = "国家高新区陆续召开新春第一会"
WITHOUT = ["国家", "高新区", "陆续", "召开", "新春", "第一", "会"]


@pytest.fixture
def meeting(seed_page):
    """The seed's article that holds the word in its title and its body."""
    return Article.objects.get(page=seed_page, title__contains=WORD)


def version():
    return DictionaryVersion.objects.get().value


def test_a_word_saved_by_another_process_is_used_at_this_ones_next_cut(db):
    """Saved as another worker would: the row and the version move, this process's jieba is not told."""
    assert query_words(SENTENCE) == ["国家", "高新区", "陆续", "召开", "新春", "第一会"]
    DictionaryWord.objects.create(word=WORD)
    assert WORD in query_words(SENTENCE)
    DictionaryWord.objects.filter(word=WORD).delete()  # a queryset delete, as the admin's bulk action does
    assert WORD not in query_words(SENTENCE)
    assert jieba.lcut(SENTENCE) == WITHOUT


def test_every_change_to_a_word_moves_the_version_in_its_own_transaction(db):
    first = version()
    entry = DictionaryWord.objects.create(word=WORD)
    second = version()
    entry.word = "新春第二会"
    entry.save()
    third = version()
    entry.delete()
    assert len({first, second, third, version()}) == 4


def test_a_deleted_word_leaves_jieba_as_a_process_that_never_knew_it(db):
    """jieba's own del_word would forbid the word for good: "高新区", a word of jieba's own
    dictionary, would then be cut apart where a fresh worker keeps it whole."""
    before = jieba.lcut(SENTENCE)
    for word in ("高新区", WORD):
        entry = DictionaryWord.objects.create(word=word)
        wordlist.keep_current()
        entry.delete()
        wordlist.keep_current()
        assert jieba.lcut(SENTENCE) == before == WITHOUT, word


def test_a_search_request_reads_the_version_once_and_a_reader_page_never(client, seed_page):
    def version_reads(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return sum("articles_dictionaryversion" in query["sql"] for query in captured.captured_queries)

    assert version_reads("/search/?q=国家高新区+新春第一会+电动化") == 1
    assert version_reads("/api/search?q=国家高新区") == 1
    assert version_reads("/") == 0
    assert version_reads(seed_page.get_absolute_url()) == 0


def test_adding_a_word_resegments_exactly_the_records_holding_it(meeting):
    others = {
        document.pk: (document.title_words, document.body_words)
        for document in SearchDocument.objects.exclude(article=meeting)
    }
    untouched = {article.pk: article.keywords for article in Article.objects.exclude(pk=meeting.pk)}
    assert WORD not in meeting.keywords
    DictionaryWord.objects.create(word=WORD)
    assert word_added(WORD) == len([meeting, *Article.objects.filter(body__contains=WORD).exclude(pk=meeting.pk)])
    meeting.refresh_from_db()
    assert WORD in meeting.keywords
    assert WORD in meeting.keyword_links.values_list("word", flat=True)
    assert WORD in SearchDocument.objects.get(article=meeting).title_words.split()
    assert {d.pk: (d.title_words, d.body_words) for d in SearchDocument.objects.exclude(article=meeting)} == others
    assert {a.pk: a.keywords for a in Article.objects.exclude(pk=meeting.pk)} == untouched
    assert meeting.history.count() == 1  # the import's; a keyword is no editor's change


def test_deleting_a_word_takes_it_out_of_keywords_and_the_index(meeting):
    DictionaryWord.objects.create(word=WORD)
    word_added(WORD)
    DictionaryWord.objects.filter(word=WORD).delete()
    word_removed(WORD)
    meeting.refresh_from_db()
    assert WORD not in meeting.keywords
    assert not ArticleKeyword.objects.filter(word=WORD).exists()
    assert WORD not in SearchDocument.objects.get(article=meeting).title_words.split()


def test_a_new_keyword_shows_on_the_cached_article_page_at_once(client, meeting):
    url = meeting.get_absolute_url()
    assert f">{WORD}</a>" not in client.get(url).content.decode()
    DictionaryWord.objects.create(word=WORD)
    word_added(WORD)
    assert f">{WORD}</a>" in client.get(url).content.decode()


def test_search_finds_the_word_whole_after_another_process_saved_it(meeting):
    DictionaryWord.objects.create(word=WORD)
    word_added(WORD)
    wordlist.reload_at_next_check()
    assert search(WORD).hits[0].url == meeting.get_absolute_url()


@pytest.fixture
def tasks_wait(settings):
    """Background tasks kept in their queue, not run, as when the worker has not come to them yet."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    default_task_backend.clear()
    return default_task_backend


def test_a_word_held_by_many_records_is_resegmented_in_the_background_with_progress(
    meeting, tasks_wait, monkeypatch, editor_client
):
    monkeypatch.setattr("articles.dictionary.RESEGMENT_IN_REQUEST", 0)
    response = editor_client.post(
        "/admin/articles/dictionaryword/add/", {"word": WORD, "example": SENTENCE}, follow=True
    )
    assert "正在后台重新分词" in response.content.decode()
    (queued,) = tasks_wait.results
    assert queued.task.name == "resegment_in_background" and queued.args == [WORD]
    meeting.refresh_from_db()
    assert WORD not in meeting.keywords  # not yet
    entry = DictionaryWord.objects.get(word=WORD)
    assert entry.records_left >= 1
    assert (
        f"后台进行中，还剩 {entry.records_left} 条"
        in editor_client.get("/admin/articles/dictionaryword/").content.decode()
    )

    queued.task.call(*queued.args)  # the worker comes to it
    meeting.refresh_from_db()
    assert WORD in meeting.keywords
    assert WORD in SearchDocument.objects.get(article=meeting).title_words.split()
    assert DictionaryWord.objects.get(word=WORD).records_left == 0
    assert "已完成" in editor_client.get("/admin/articles/dictionaryword/").content.decode()
