"""The RSS and Atom feeds of the latest articles."""

import xml.etree.ElementTree as ET

from articles.models import Article

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_rss_feed_lists_the_latest_articles(client, all_pages):
    response = client.get("/feeds/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Digest 报摘"
    items = channel.findall("item")
    assert len(items) == Article.objects.count() == 24
    newest = Article.objects.with_page().get(title="“沧溟-2”潜水器完成万米级海试")
    assert items[0].findtext("title") == newest.title
    assert items[0].findtext("link") == f"http://testserver{newest.get_absolute_url()}"
    # Where it was printed, then its first paragraph.
    assert items[0].findtext("description").startswith("青岚科技日报 2023年3月6日 第1版｜3月 4日，随着科考母船")
    assert "Mon, 06 Mar 2023" in items[0].findtext("pubDate")


def test_the_atom_feed_lists_the_latest_articles(client, all_pages):
    response = client.get("/feeds/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 24
    assert entries[0].findtext(f"{ATOM}title") == "“沧溟-2”潜水器完成万米级海试"
    assert (
        entries[0]
        .find(f"{ATOM}link")
        .get("href")
        .startswith("http://testserver/qinglankejiribao/2023-03-06/1/articles/")
    )
    assert all(entry.findtext(f"{ATOM}updated") for entry in entries)


def test_the_feeds_run_one_query_however_much_is_imported(client, all_pages, reader_queries):
    for url in ("/feeds/rss/", "/feeds/atom/"):
        with reader_queries(1):
            assert client.get(url).status_code == 200


def test_the_atom_title_is_escaped_once(client, make_page):
    title = "“引号”与&和<尖括号>"
    make_page("原题", ["正文第一段。"]).articles.update(title=title)
    feed = ET.fromstring(client.get("/feeds/atom/").content)
    assert feed.find(f"{ATOM}entry").findtext(f"{ATOM}title") == title
