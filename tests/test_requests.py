"""Requests at the edges: bad bytes and numbers, methods a page does not take, the files at the site's root."""

import gzip

import pytest
from django.contrib.auth.models import User

# Each answered 500 on PostgreSQL (a NUL in a query) or on both databases (a year no date can hold).
BAD_READER_URLS = ["/2023-02-11/%00/", "/2023-02-11/%00/articles/1/", "/undated-1/%00/"]
INVALID_ADMIN_FILTERS = [
    "/admin/articles/brief/?kind=%00",
    "/admin/articles/article/?page__number=%00",
    "/admin/articles/article/?page__edition__paper=%00",
    "/admin/articles/edition/?paper=%00",
    "/admin/articles/page/?section=%00",
    "/admin/articles/dictionaryword/?q=%00",
    "/admin/articles/brief/?page__edition__date__year=99999999999",
    "/admin/articles/article/?page__edition__date__year=2023&page__edition__date__month=99999999999",
    "/admin/articles/edition/?date__year=99999999999",
]


@pytest.fixture
def editor(client, db):
    client.force_login(User.objects.create_superuser("root", password="a long pass phrase 42"))
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("url", BAD_READER_URLS)
def test_a_nul_byte_in_a_reader_url_is_not_found(client, seed_page, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "找不到这个页面" in response.content.decode()
    assert response["X-Frame-Options"] == "DENY"  # answered inside the middleware stack, with its headers


@pytest.mark.parametrize("url", INVALID_ADMIN_FILTERS)
def test_a_filter_no_list_can_hold_is_an_invalid_admin_filter(editor, seed_page, url):
    response = editor.get(url)
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")


def test_a_bad_request_is_answered_in_chinese(client, db):
    client.raise_request_exception = False
    response = client.get("/", headers={"host": "evil.example"})  # not in ALLOWED_HOSTS
    assert response.status_code == 400
    assert "请求有误" in response.content.decode()


READER_URLS = [
    "/",
    "/archive/",
    "/sections/news/",
    "/feeds/atom/",
    "/sitemap.xml",
    "/search/?q=科技",
    "/api/search?q=科技",
    "/kejiribao/2023-02-11/1/",
    "/healthz",
    "/robots.txt",
]


@pytest.fixture
def csrf_client(db):
    """A client that checks CSRF as a browser's request is checked: Django's test client skips it by default."""
    from django.test import Client

    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize("method", ["options", "trace", "put", "delete", "patch", "post"])
@pytest.mark.parametrize("url", READER_URLS)
def test_a_reader_url_answers_405_to_a_method_it_does_not_take(csrf_client, seed_page, url, method):
    response = getattr(csrf_client, method)(url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


@pytest.mark.parametrize("url", READER_URLS)
def test_a_reader_url_still_answers_get_and_head(csrf_client, seed_page, url):
    assert csrf_client.get(url).status_code == 200
    assert csrf_client.head(url).status_code == 200


def test_robots_txt_allows_the_paper_and_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /admin/", "Disallow: /search/"} <= set(lines)
    assert "Disallow: /" not in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_favicon_ico_leads_to_the_sites_icon(client, db):
    from django.contrib.staticfiles import finders
    from django.templatetags.static import static

    response = client.get("/favicon.ico")
    assert response.status_code == 302  # the icon's name changes with its content in production
    assert response["Location"] == static("favicon.svg")
    assert finders.find("favicon.svg")


COMPRESSED_URLS = [
    "/",
    "/kejiribao/2023-02-11/1/",
    "/feeds/rss/",
    "/feeds/atom/",
    "/sitemap.xml",
    "/search/?q=科技",
    "/api/search?q=科技",
]


@pytest.mark.parametrize("url", COMPRESSED_URLS)
def test_reader_pages_feeds_and_the_api_are_gzipped(client, seed_page, url):
    plain = client.get(url).content
    response = client.get(url, headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content) == plain
    assert len(response.content) < len(plain)


def test_a_page_with_a_csrf_token_is_never_gzipped(client, db):
    # BREACH: a token in a compressed answer leaks through the answer's size.
    response = client.get("/admin/login/", headers={"accept-encoding": "gzip"})
    assert b"csrfmiddlewaretoken" in response.content
    assert not response.has_header("Content-Encoding")


def test_a_reader_page_for_a_session_is_not_gzipped(client, seed_page):
    client.force_login(User.objects.create_user("reader", password="a long pass phrase 42"))
    response = client.get("/", headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
