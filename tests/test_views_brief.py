"""The page of one news brief or teaser."""

from articles.models import Brief


def test_it_shows_a_news_brief_and_where_it_was_printed(client, seed_page):
    brief = Brief.objects.with_page().get(page=seed_page, text="习近平会见柬埔寨首相洪森。")
    response = client.get(brief.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert brief.get_absolute_url() == f"/kejiribao/2023-02-11/1/briefs/{brief.pk}/"
    assert "简讯" in html and "习近平会见柬埔寨首相洪森。" in html
    assert f'href="{seed_page.get_absolute_url()}">第1版 要闻<' in html


def test_a_stale_address_redirects_and_a_missing_brief_is_not_found(client, seed_page):
    brief = Brief.objects.with_page().filter(page=seed_page).first()
    response = client.get(f"/2023-01-01/7/briefs/{brief.pk}/")
    assert response.status_code == 301 and response["Location"] == brief.get_absolute_url()
    assert client.get("/2023-02-11/1/briefs/999/").status_code == 404


def test_it_runs_one_query(client, seed_page, reader_queries):
    brief = Brief.objects.with_page().filter(page=seed_page, kind=Brief.TEASER).first()
    url = brief.get_absolute_url()
    # The brief (with its page and target), and the edition bar: the edition's pages,
    # the previous and the next edition.
    with reader_queries(4):
        assert client.get(url).status_code == 200
