"""sitemap.xml: the permanent URL of everything readers can reach."""

import datetime
import xml.etree.ElementTree as ET

from articles.models import Article, Brief, Column, Photo

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_urls(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return [loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]


def test_it_lists_the_sections_editions_pages_columns_and_records(client, all_pages):
    urls = sitemap_urls(client)
    expected = ["/", "/archive/", "/sections/articles/", "/sections/news/", "/sections/teasers/", "/sections/photos/"]
    expected += [page.edition.get_absolute_url() for page in all_pages]
    expected += [page.get_absolute_url() for page in all_pages]
    expected += [column.get_absolute_url() for column in Column.objects.all()]
    for model in (Article, Brief, Photo):
        expected += [record.get_absolute_url() for record in model.objects.with_page()]
    assert sorted(urls) == sorted(f"http://testserver{url}" for url in expected)


def test_it_lists_a_day_shared_by_two_papers_once(client, seed_page, import_sample):
    import_sample("sample-2", paper="枫城日报", date=datetime.date(2023, 2, 11), number="1")
    urls = sitemap_urls(client)
    assert urls.count("http://testserver/2023-02-11/") == 1
    assert urls.count("http://testserver/2023-02-11/1/") == 1


def test_it_runs_the_same_queries_however_much_is_imported(client, all_pages, reader_queries):
    # Editions and pages: one each; articles, briefs, photos and columns: a count and a list each.
    with reader_queries(10):
        assert client.get("/sitemap.xml").status_code == 200
