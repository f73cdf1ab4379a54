"""The sections (要闻, 简讯, 导读, 图片) and column pages: newest first, paginated."""

import pytest

from articles.models import Article, Brief, Column, Photo


def test_the_articles_section_lists_articles_newest_first_with_their_lead(client, all_pages):
    html = client.get("/sections/articles/").content.decode()
    newest, older = "“沧溟-2”潜水器完成万米级海试", "国家试点公共领域车辆全面电动化"
    assert html.index(newest) < html.index(older)
    assert "工业和信息化部等 8部门近日联合印发" in html
    assert "青岚科技日报 2023年3月6日 星期一 第1版 要闻" in html


def test_the_articles_section_is_paginated(client, all_pages):
    assert Article.objects.count() == 24
    first = client.get("/sections/articles/").content.decode()
    second = client.get("/sections/articles/?page=2").content.decode()
    assert first.count('class="card article-card') == 20
    assert second.count('class="card article-card') == 4
    assert 'rel="next" href="?page=2"' in first and 'rel="prev" href="?page=1"' in second
    # The undated edition comes last.
    assert "枫城今年将新增“个转企”" in second and "枫城今年将新增“个转企”" not in first


@pytest.mark.parametrize("query", ["?page=3", "?page=0", "?page=abc"])
def test_a_page_beyond_the_list_is_not_found(client, all_pages, query):
    assert client.get(f"/sections/articles/{query}").status_code == 404


def test_the_articles_section_lists_the_column_rubrics(client, all_pages):
    html = client.get("/sections/articles/").content.decode()
    for column in Column.objects.all():
        assert f'href="{column.get_absolute_url()}">{column.name}<' in html


def test_the_news_section_lists_news_briefs_only(client, all_pages):
    html = client.get("/sections/news/").content.decode()
    assert "习近平会见柬埔寨首相洪森。" in html
    assert "我国物联网产业进入“物超人”时代" not in html
    assert html.count('class="card brief-card"') == Brief.objects.filter(kind=Brief.NEWS).count() == 19


def test_the_teasers_section_lists_teasers_only(client, all_pages):
    html = client.get("/sections/teasers/").content.decode()
    assert "我国物联网产业进入“物超人”时代" in html
    assert "习近平会见柬埔寨首相洪森。" not in html
    assert html.count('class="card teaser-card"') == Brief.objects.filter(kind=Brief.TEASER).count() == 17


def test_the_photos_section_lists_every_photo(client, all_pages):
    html = client.get("/sections/photos/").content.decode()
    for photo in Photo.objects.with_page():
        assert photo.get_absolute_url() in html
    assert "新华社记者 牟宇/摄" in html


def test_a_column_page_lists_its_articles(client, all_pages):
    column = Column.objects.get(name="学习贯彻党的二十大精神 高新区在行动")
    response = client.get(column.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "培育质量卓越产业集群看“高新”" in html
    assert "国家试点公共领域车辆全面电动化" not in html


def test_a_missing_column_is_not_found(client, db):
    assert client.get("/columns/999/").status_code == 404


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/sections/articles/", 3),  # the count, the articles, the column rubrics
        ("/sections/articles/?page=2", 3),
        ("/sections/news/", 2),  # the count and the briefs
        ("/sections/teasers/", 2),
        ("/sections/photos/", 2),
    ],
)
def test_each_section_runs_the_same_queries_however_much_is_imported(client, all_pages, reader_queries, url, queries):
    with reader_queries(queries):
        assert client.get(url).status_code == 200


def test_a_column_page_runs_the_same_queries_however_much_is_imported(client, all_pages, reader_queries):
    column = Column.objects.get(name="学习贯彻党的二十大精神 高新区在行动")
    # The column, the count, the articles.
    with reader_queries(3):
        assert client.get(column.get_absolute_url()).status_code == 200
