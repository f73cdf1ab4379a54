"""Requests at the edges: bad bytes and numbers, methods a page does not take, the files at the site's root."""

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
