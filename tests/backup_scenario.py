"""An editor's week to back up, and everything a restore must give back: for tests/test_backup.py.

Plain functions on the current database, so that the scenario runs in the test's
own database or in a fresh process on another backend (SQLite into PostgreSQL).
"""

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.test import Client
from paths import SAMPLES, SEED

from articles.dictionary import word_added
from articles.editing import merge_articles
from articles.importer import import_file
from articles.models import (
    Article,
    ArticleKeyword,
    Brief,
    Column,
    DictionaryWord,
    Edition,
    EditStep,
    FormerPaperSlug,
    Page,
    Paper,
    Photo,
    RecordAddress,
    SearchDocument,
)
from articles.search import search

TABLES = [Paper, FormerPaperSlug, Edition, Page, Column, Article, Brief, Photo, DictionaryWord, RecordAddress, EditStep]
HISTORIES = [Paper, Edition, Page, Column, Article, Brief, Photo]
# Derived rows, rebuilt by a restore under new ids: compared by content alone.
DERIVED_TABLES = {
    ArticleKeyword: ["article_id", "word"],
    SearchDocument: [
        *("kind", "article_id", "brief_id", "photo_id", "page_id"),
        *("title", "text", "title_words", "body_words", "title_grams", "body_grams"),
    ],
}
QUERIES = [
    "电动化",
    "新春第一会",
    "高新区",
    "柬埔寨",
    "计量",
    "示范县",
    "自然资源",
    "国家",
    "试点",
    "企业",
    "新能源汽车",
    "创新",
    "潜水器",
    "海试",
    "云川",
    "科技",
    "发展",
    "记者",
    "李争粉",
    "物超人",
]


def editors_week() -> None:
    """Import, edit, link, add a dictionary word, merge, and delete a page."""
    for path in [SEED, *SAMPLES]:
        import_file(path)
    undated = Edition.objects.get(date=None)
    undated.paper, undated.date = Paper.named("枫城日报"), datetime.date(2023, 2, 10)
    undated.save()
    article = Article.objects.get(title="国家试点公共领域车辆全面电动化")
    # A line break typed inside a paragraph, and a corrected title.
    article.body = article.body.replace("，专家表示，", "，\n专家表示，", 1)
    article.title = "国家试点公共领域车辆全面电动化（更正）"
    article.save()
    first, second = Article.objects.filter(page=article.page).exclude(pk=article.pk).order_by("position")[:2]
    merge_articles(first, second)
    # Editor-set links: a continuation and a teaser target the importer did not make.
    other = Article.objects.exclude(page=article.page).order_by("pk").first()
    article.continued_on = other
    article.save()
    teaser = Brief.objects.filter(kind=Brief.TEASER).order_by("pk").first()
    teaser.target = other
    teaser.save()
    DictionaryWord.objects.create(word="李争粉", example="李争粉说")
    word_added("李争粉")
    Page.objects.exclude(pk__in=[article.page_id, other.page_id]).order_by("-pk").first().delete()


def rows(model, fields=None) -> list:
    values = model.objects.order_by(*(["pk"] if fields is None else fields)).values(*(fields or []))
    return json.loads(json.dumps(list(values), cls=DjangoJSONEncoder, sort_keys=True))


def site_state() -> dict:
    """Every table's content, every address's answer, 20 searches and the history, as JSON."""
    client = Client()
    state = {model._meta.label: rows(model) for model in TABLES}
    state |= {f"history {model._meta.label}": rows(model.history.model) for model in HISTORIES}
    state |= {f"derived {model._meta.label}": rows(model, fields) for model, fields in DERIVED_TABLES.items()}
    addresses = {}
    for model in (Article, Brief, Photo):
        for record in model.objects.with_page():
            addresses[record.get_absolute_url()] = None
    slug = Paper.objects.order_by("pk").values_list("slug", flat=True).first()
    for entry in RecordAddress.objects.all():
        addresses[f"/{slug}/2023-02-11/1/{entry.kind}s/{entry.record_id}/"] = None
    for page in Page.objects.select_related("edition"):
        addresses[page.get_absolute_url()] = None
    for url in addresses:
        answer = client.get(url)
        addresses[url] = [answer.status_code, answer.get("Location", ""), _body(answer)]
    state["addresses"] = addresses
    # The hits of each query, as a set: hits that score the same may come in either
    # order (the index is rebuilt in page order), and the two backends rank differently.
    state["searches"] = {q: sorted([hit.kind, hit.url, hit.plain_title] for hit in search(q).hits) for q in QUERIES}
    return state


def _body(answer) -> str:
    """A page's main content, without the parts that differ from one render to the next."""
    if answer.status_code != 200:
        return ""
    text = answer.content.decode()
    return text[text.find("<main") : text.find("</main>")]
