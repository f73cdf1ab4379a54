"""sitemap.xml: the permanent URL of everything readers can reach."""

import datetime
import xml.etree.ElementTree as ET

from articles.models import Article, Brief, Column, Photo

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_urls(client, address="/sitemap.xml"):
    response = client.get(address)
    assert response.status_code == 200
    return [loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]


def test_it_lists_the_sections_editions_pages_columns_and_records(client, all_pages):
    urls = sitemap_urls(client)
    expected = ["/", "/archive/", "/sections/articles/", "/sections/news/", "/sections/teasers/", "/sections/photos/"]
    expected += [page.edition.paper.get_absolute_url() for page in all_pages]
    expected += [page.edition.get_absolute_url() for page in all_pages]
    expected += [page.get_absolute_url() for page in all_pages]
    expected += [column.get_absolute_url() for column in Column.objects.all()]
    for model in (Article, Brief, Photo):
        # A story continued on another page is listed once, at its first part.
        records = model.objects.stories() if model is Article else model.objects.all()
        expected += [record.get_absolute_url() for record in records.with_page()]
    assert sorted(urls) == sorted(f"http://testserver{url}" for url in expected)


def test_each_paper_has_its_own_sitemap(client, seed_page, import_sample):
    other = import_sample("sample-2", paper="枫城日报", date=datetime.date(2023, 2, 11), number="1")
    urls = sitemap_urls(client, "/fengchengribao/sitemap.xml")
    assert f"http://testserver{other.get_absolute_url()}" in urls
    assert not any("/kejiribao/" in url for url in urls)
    assert f"http://testserver{seed_page.get_absolute_url()}" in sitemap_urls(client)


def test_it_runs_the_same_queries_however_much_is_imported(client, all_pages, reader_queries):
    # Papers, editions and pages: one each; articles, briefs, photos and columns: a count and a list each.
    with reader_queries(11):
        assert client.get("/sitemap.xml").status_code == 200
