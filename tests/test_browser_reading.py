"""A reader's walk in a real browser, on a phone and on a desktop: home -> section -> article ->
next article -> page -> photo, clicking links as a reader does. Screenshots: var/screenshots/reader-*."""

import pytest
from browser import DESKTOP, PHONE

from articles.models import Article, Page

pytestmark = pytest.mark.browser

# The newest of the four pages: 青岚科技日报, 6 March 2023, page 1 (tests/fixtures/pages/sample-1.txt).
FIRST_ARTICLE = "“沧溟-2”潜水器完成万米级海试"
NEXT_ARTICLE = "让每一粒种子都有“芯”"


def snap(tab, name):
    """Save a screenshot of the page, which must fit the window: no reader scrolls sideways."""
    tab.screenshot(name)
    assert tab.page.evaluate("document.documentElement.scrollWidth") <= tab.width, name


def record_text(record):
    """What a card on the page view shows of a record: a title, a brief's text, a caption's start."""
    if isinstance(record, Article):
        return str(record)
    return getattr(record, "text", None) or record.caption[:20]


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_a_reader_walks_from_home_to_a_photo_by_clicking(open_tab, all_pages, width):
    tab = open_tab(width)
    page = tab.page
    front = Page.objects.get(edition__paper__name="青岚科技日报")

    tab.go("/")
    # The paper with the newest edition comes first.
    assert page.locator(".front-edition .edition-paper").first.inner_text() == "青岚科技日报"
    assert page.locator(".front-main .card-title").first.inner_text() == FIRST_ARTICLE
    snap(tab, "reader-1-home")

    page.get_by_role("navigation", name="栏目").get_by_role("link", name="要闻").click()
    assert page.locator("h1").inner_text() == "要闻"
    # Newest first: the latest edition's front page leads the section.
    assert page.locator(".section-main .card-title").first.inner_text() == FIRST_ARTICLE
    snap(tab, "reader-2-section")

    page.get_by_role("link", name=FIRST_ARTICLE, exact=True).click()
    assert page.locator("h1").inner_text() == FIRST_ARTICLE
    assert page.locator(".story-header .source").inner_text() == "青岚科技日报 2023年3月6日 星期一 · 第1版 要闻"
    assert page.locator(".story-body p").count() > 3
    snap(tab, "reader-3-article")

    next_link = page.locator("a[rel=next]")
    assert next_link.inner_text() == f"下一篇：{NEXT_ARTICLE} →"
    next_link.click()
    on_page = [str(article) for article in front.articles.in_reading_order()]
    assert on_page[:2] == [FIRST_ARTICLE, NEXT_ARTICLE]
    assert page.locator("h1").inner_text() == NEXT_ARTICLE
    assert page.locator("a[rel=prev]").inner_text() == f"← 上一篇：{FIRST_ARTICLE}"
    snap(tab, "reader-4-next-article")

    page.locator(".story-header .source").get_by_role("link", name="第1版 要闻").click()
    assert page.locator("h1").inner_text() == "第1版 要闻"
    records = sorted(
        [*front.articles.all(), *front.briefs.all(), *front.photos.all()], key=lambda record: record.position
    )
    cards = page.locator(".sheet-records > .sheet-record > .card").all_inner_texts()
    assert len(cards) == len(records) == 11
    for card, record in zip(cards, records, strict=True):
        assert record_text(record) in card
    snap(tab, "reader-5-page")

    photo = front.photos.in_reading_order().first()
    page.locator(".photo-card figcaption a").first.click()
    assert page.url == tab.base_url + photo.get_absolute_url()
    assert page.locator(".photo-detail .caption").inner_text() == photo.caption
    assert page.locator(".photo-detail .credit").inner_text() == photo.credit == "新华社记者 邬思辰/摄"
    # No image is attached yet: the placeholder stands in for it.
    assert not photo.image
    assert page.get_by_role("img", name="暂无图片").is_visible()
    snap(tab, "reader-6-photo")

    assert tab.problems == []


def test_the_page_strip_and_the_search_kinds_are_pills(open_tab, all_pages):
    """Links drawn as rounded pills, not as underlined text, the current one filled."""
    tab = open_tab()
    pill = "el => { const s = getComputedStyle(el); return [s.borderTopLeftRadius, s.textDecorationLine]; }"
    for path, links in (("/", ".page-strip a"), ("/search/?q=高新区", ".search-kinds a")):
        tab.go(path)
        for link in tab.page.locator(links).all():
            assert link.evaluate(pill) == ["999px", "none"], (path, link.inner_text())
    current = tab.page.locator(".search-kinds a[aria-current]")
    assert current.evaluate("el => getComputedStyle(el).color") == "rgb(255, 255, 255)"
