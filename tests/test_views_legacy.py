"""The addresses the site served before every paper had its own keep working."""

import datetime

import pytest

from articles.models import Article


@pytest.fixture
def two_papers_one_day(import_sample):
    """sample-3 (云川日报, 10 February 2023) and another paper's page 1 of the same day."""
    mine = import_sample("sample-3")
    theirs = import_sample("sample-2", paper="枫城日报", date=datetime.date(2023, 2, 10), number="1")
    return mine, theirs


def test_an_old_address_of_one_paper_s_day_answers_301_to_the_paper_s(client, seed_page):
    for old, new in (
        ("/2023-02-11/", seed_page.edition.get_absolute_url()),
        ("/2023-02-11/1/", seed_page.get_absolute_url()),
    ):
        response = client.get(old)
        assert response.status_code == 301 and response["Location"] == new
    story = Article.objects.with_page().filter(page=seed_page).first()
    response = client.get(f"/2023-02-11/1/articles/{story.pk}/")
    assert response.status_code == 301 and response["Location"] == story.get_absolute_url()


def test_an_old_address_of_a_day_two_papers_share_lists_both(client, two_papers_one_day):
    mine, theirs = two_papers_one_day
    for old, expected in (
        ("/2023-02-10/", [p.edition for p in two_papers_one_day]),
        ("/2023-02-10/1/", two_papers_one_day),
    ):
        response = client.get(old)
        html = response.content.decode()
        assert response.status_code == 200
        assert "这一天有 2 份报纸" in html
        for choice in expected:
            assert f'href="{choice.get_absolute_url()}"' in html
        assert "云川日报" in html and "枫城日报" in html


def test_the_home_page_shows_both_papers_of_the_day(client, two_papers_one_day):
    html = client.get("/").content.decode()
    for page in two_papers_one_day:
        assert f'<a href="{page.edition.paper.get_absolute_url()}">{page.edition.paper}</a>' in html
        assert page.edition.get_absolute_url() in html


def test_two_papers_of_one_day_never_share_a_view(client, two_papers_one_day):
    mine, theirs = two_papers_one_day
    mine_titles = set(mine.articles.values_list("title", flat=True))
    theirs_titles = set(theirs.articles.values_list("title", flat=True))
    for page, others in ((mine, theirs_titles), (theirs, mine_titles)):
        for url in [page.edition.get_absolute_url(), page.get_absolute_url()] + [
            a.get_absolute_url() for a in page.articles.all()
        ]:
            html = client.get(url).content.decode()
            assert not any(f">{title}<" in html for title in others if title), url


def test_an_old_address_of_nothing_is_not_found(client, seed_page):
    assert client.get("/2023-02-12/").status_code == 404
    assert client.get("/2023-02-11/9/").status_code == 404
    assert client.get("/2023-02-11/1/articles/999/").status_code == 404
    assert client.get("/2023-02-11/1/widgets/1/").status_code == 404


def test_the_choice_page_runs_one_query(client, two_papers_one_day, reader_queries):
    with reader_queries(1):
        assert client.get("/2023-02-10/1/").status_code == 200
