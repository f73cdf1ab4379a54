"""Text from a page is text: "<script>" and "&amp;" printed on a page show as they were printed."""

import xml.etree.ElementTree as ET

import pytest

from articles.models import Article

SCRIPT = "<script>alert(1)</script>"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def article(make_page):
    page = make_page(
        "研发投入创新高",
        [
            f"全省研发投入{SCRIPT}持续增长，企业R&amp;D",
            "经费占比进一步提高。",
            "业内人士认为，这将进一步激发创新活力。",
        ],
    )
    article = Article.objects.with_page().get(page=page)
    assert SCRIPT in article.body and "R&amp;D" in article.body
    return article


@pytest.fixture
def titled_article(article):
    """The same article after an editor gave it a title with markup in it."""
    article.title = f"研发投入{SCRIPT}创新高 R&amp;D"
    article.save()
    return article


def pages_showing(article):
    return [
        "/",
        "/sections/articles/",
        article.page.get_absolute_url(),
        article.get_absolute_url(),
    ]


def test_the_body_renders_escaped_everywhere_it_is_shown(client, article):
    for url in pages_showing(article):
        html = client.get(url).content.decode()
        assert SCRIPT not in html, url
        assert ESCAPED_SCRIPT in html, url
        assert "R&amp;amp;D" in html, url


def test_an_edited_title_renders_escaped_everywhere_it_is_shown(client, titled_article):
    for url in [*pages_showing(titled_article), "/archive/", titled_article.page.edition.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert SCRIPT not in html, url
        assert "R&amp;amp;D" in html or url == "/archive/", url


def test_the_rss_feed_carries_page_text_escaped_as_html(client, titled_article):
    xml = client.get("/feeds/rss/").content.decode()
    # RSS readers show titles and descriptions as HTML: the XML holds escaped HTML,
    # so a reader shows "<script>" as text and runs nothing.
    assert "&amp;lt;script&amp;gt;" in xml
    assert "&lt;script&gt;" not in xml.replace("&amp;lt;script&amp;gt;", "")


def test_the_atom_feed_carries_titles_as_text_and_summaries_as_escaped_html(client, titled_article):
    entry = ET.fromstring(client.get("/feeds/atom/").content).find(f"{ATOM}entry")
    title, summary = entry.find(f"{ATOM}title"), entry.find(f"{ATOM}summary")
    # An Atom title without a type is text: readers show it as it is, never as markup.
    assert title.get("type") is None
    assert title.text == titled_article.title
    # A summary is HTML (type="html"): the page's markup arrives in it escaped, as text.
    assert summary.get("type") == "html"
    assert "&lt;/script&gt;" in summary.text and "</script>" not in summary.text
