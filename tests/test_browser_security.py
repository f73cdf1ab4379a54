"""Markup in a page's text, or in a search query, is shown as text and never runs, in a real browser.

Two layers keep it so: the templates escape page text, and the Content Security
Policy (script-src 'self') would refuse an inline script that slipped through.
"""

import pytest

from articles.models import Article

pytestmark = pytest.mark.browser

SCRIPT = "<script>window.__pwned=1;alert(1)</script>"
IMAGE = '<img src=x onerror="window.__pwned=2;alert(2)">'


@pytest.fixture
def article(make_page):
    page = make_page("研发投入创新高", [f"全省研发投入{SCRIPT}持续增长。", f"企业创新活力{IMAGE}进一步激发。"])
    return Article.objects.with_page().get(page=page)


def nothing_ran(tab):
    return tab.page.evaluate("window.__pwned") is None and tab.problems == []


def test_markup_in_page_text_shows_as_text_on_the_article(open_tab, article):
    tab = open_tab()
    tab.go(article.get_absolute_url())
    body = tab.page.locator(".story-body")
    assert f"全省研发投入{SCRIPT}持续增长。" in body.inner_text()
    assert f"企业创新活力{IMAGE}进一步激发。" in body.inner_text()
    assert body.locator("script, img").count() == 0
    tab.screenshot("security-article")
    # The page's only scripts are the site's own files and its JSON-LD, which no browser runs.
    sources = tab.page.locator("script[src]").evaluate_all("scripts => scripts.map(s => new URL(s.src).pathname)")
    assert sources and all(source.startswith("/static/js/") for source in sources)
    assert tab.page.locator("script:not([src])").evaluate_all("scripts => scripts.map(s => s.type)") == [
        "application/ld+json"
    ]
    assert nothing_ran(tab)


def test_markup_in_a_search_query_shows_as_text_on_the_results(open_tab, article):
    tab = open_tab()
    tab.go("/")
    for query in (SCRIPT, IMAGE):
        tab.page.get_by_role("banner").get_by_label("搜索", exact=True).fill(query)
        tab.page.get_by_role("banner").get_by_label("搜索", exact=True).press("Enter")
        assert tab.page.locator("h1").inner_text() == f"“{query}”的搜索结果"
        assert tab.page.title().startswith(f"“{query}”的搜索结果")
        # The page text matches too, so its snippet, with <mark> around the words found, is shown as well.
        hit = tab.page.locator(".hit").first
        assert hit.locator(".hit-title").inner_text() == "研发投入创新高"
        assert hit.locator(".hit-snippet mark").count() > 0
        assert tab.page.locator("main script, main img").count() == 0
    tab.screenshot("security-search")
    assert nothing_ran(tab)


def test_the_policy_refuses_an_inline_script_that_got_into_a_page(open_tab, article):
    tab = open_tab()
    tab.go(article.get_absolute_url())
    # As if escaping had failed: an inline script added to the page as markup.
    tab.page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__pwned = 3";
            document.body.append(script);
        }"""
    )
    assert tab.page.evaluate("window.__pwned") is None
    assert len(tab.problems) == 1
    assert "Content Security Policy" in tab.problems[0]
