"""What every page of the site has: Chinese, a search box, navigation, canonical and Open Graph tags,
one stylesheet and no scripts or inline styles; and Chinese error pages."""

import re

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from articles.models import Article, Brief, Column, Photo


@pytest.fixture
def site_urls(all_pages):
    return [
        "/",
        "/archive/",
        "/sections/articles/",
        "/sections/news/",
        "/sections/teasers/",
        "/sections/photos/",
        Column.objects.first().get_absolute_url(),
        all_pages[0].edition.get_absolute_url(),
        all_pages[0].get_absolute_url(),
        Article.objects.with_page().first().get_absolute_url(),
        Photo.objects.with_page().first().get_absolute_url(),
        Brief.objects.with_page().first().get_absolute_url(),
        "/no-such-page/",
    ]


def test_every_page_is_chinese_with_a_search_box_and_the_sections(client, site_urls):
    for url in site_urls:
        html = client.get(url).content.decode()
        assert '<html lang="zh-CN">' in html, url
        assert re.search(r'<form class="search-form" action="/search/" method="get"', html), url
        assert '<input id="search-q" type="search" name="q"' in html, url
        for name in ("首页", "往期", "要闻", "简讯", "导读", "图片"):
            assert f">{name}</a>" in html, (url, name)
        assert "Digest 报摘" in html, url


def test_every_page_uses_the_stylesheet_and_no_inline_script_or_style(client, site_urls):
    for url in site_urls:
        html = client.get(url).content.decode()
        assert '<link rel="stylesheet" href="/static/css/site.css">' in html, url
        # A script is a static file, or data that no browser runs (JSON-LD).
        for script in re.findall(r"<script[^>]*>", html):
            allowed = r'<script src="/static/js/[\w-]+\.js" defer>|<script type="application/ld\+json">'
            assert re.fullmatch(allowed, script), (url, script)
        assert " style=" not in html and "<style" not in html, url


def test_an_article_has_canonical_and_open_graph_tags(client, seed_page):
    article = Article.objects.with_page().get(page=seed_page, title="国家试点公共领域车辆全面电动化")
    html = client.get(f"{article.get_absolute_url()}?utm_source=x").content.decode()
    url = f"http://testserver{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:title" content="国家试点公共领域车辆全面电动化 - 科技日报 2023年2月11日 第1版">' in html
    assert '<meta property="og:site_name" content="科技日报">' in html
    assert '<meta property="article:published_time" content="2023-02-11">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:description" content="工业和信息化部等 8部门近日联合印发' in html
    assert "<title>国家试点公共领域车辆全面电动化 - 科技日报 2023年2月11日 第1版 - Digest 报摘</title>" in html


def test_a_list_s_canonical_url_keeps_its_page_number(client, all_pages):
    html = client.get("/sections/articles/?page=2").content.decode()
    assert '<link rel="canonical" href="http://testserver/sections/articles/?page=2">' in html
    html = client.get("/sections/articles/?page=1").content.decode()
    assert '<link rel="canonical" href="http://testserver/sections/articles/">' in html


def test_the_feeds_are_announced(client, db):
    html = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml" title="Digest 报摘 RSS" href="/feeds/rss/">' in html
    assert '<link rel="alternate" type="application/atom+xml" title="Digest 报摘 Atom" href="/feeds/atom/">' in html


def test_a_missing_page_says_so_in_chinese(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "找不到这个页面" in response.content.decode()


def test_a_server_error_says_so_in_chinese(db):
    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="zh-CN">' in html and "服务器出错了" in html


def test_a_refused_form_says_so_in_chinese_without_inline_style(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("admin:login"), {"username": "x", "password": "y"})
    html = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="zh-CN">' in html and "表单已过期" in html
    # Django's own page styles itself inline, which the Content-Security-Policy blocks.
    assert " style=" not in html and "<style" not in html
