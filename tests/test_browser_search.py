"""The search box's suggestions in a real browser, on a phone and on a desktop: typed,
chosen with the keyboard, and the box working without JavaScript too.
Screenshots: var/screenshots/search-*."""

from urllib.parse import parse_qs, urlparse

import pytest
from browser import DESKTOP, PHONE, SCREENSHOTS, TIMEOUT_MS, Tab

pytestmark = pytest.mark.browser

TITLE = "“沧溟-2”潜水器完成万米级海试"


def query_of(url):
    return parse_qs(urlparse(url).query).get("q", [""])[0]


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_the_box_suggests_and_the_keyboard_chooses(open_tab, all_pages, width):
    tab = open_tab(width)
    page = tab.page
    tab.go("/")
    box = page.get_by_role("combobox", name="搜索")
    box.click()
    box.press_sequentially("潜水")
    options = page.get_by_role("option")
    options.first.wait_for()
    assert options.first.inner_text() == TITLE
    assert box.get_attribute("aria-expanded") == "true"
    assert options.count() <= 10

    box.press("ArrowDown")
    box.press("ArrowDown")
    box.press("ArrowUp")
    assert options.nth(0).get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == options.nth(0).get_attribute("id")
    tab.screenshot("search-1-suggestions")
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false" and not options.first.is_visible()
    box.press("ArrowDown")  # the list stays closed until the reader types again
    box.press_sequentially("器")
    options.first.wait_for()
    box.press("ArrowDown")
    chosen = options.nth(0).inner_text()
    with page.expect_navigation():
        box.press("Enter")
    assert query_of(page.url) == chosen
    assert page.locator(".hit-title").first.inner_text() == TITLE
    tab.screenshot("search-2-chosen")
    assert tab.problems == []


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_a_pinyin_prefix_suggests_han_words(open_tab, all_pages, width):
    tab = open_tab(width)
    tab.go("/")
    box = tab.page.get_by_role("combobox", name="搜索")
    box.press_sequentially("lanz")
    tab.page.get_by_role("option", name="澜州").first.wait_for()
    tab.screenshot("search-3-pinyin")
    assert tab.problems == []


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_the_box_works_without_javascript(chromium, live_server, all_pages, width):
    context = chromium.new_context(viewport={"width": width, "height": 800}, locale="zh-CN", java_script_enabled=False)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab = Tab(context.new_page(), live_server.url, width)
        tab.go("/")
        box = tab.page.locator("#search-q")
        assert box.get_attribute("role") is None  # not enhanced: a plain search box
        box.fill("潜水器")
        with tab.page.expect_navigation():
            box.press("Enter")
        assert query_of(tab.page.url) == "潜水器"
        assert tab.page.locator(".hit-title").first.inner_text() == TITLE
        tab.screenshot("search-4-without-javascript")
    finally:
        context.close()


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_a_partial_result_strikes_the_missing_word_and_a_typo_is_corrected(open_tab, all_pages, width):
    tab = open_tab(width)
    tab.go("/search/?q=%E7%81%AB%E6%98%9F+%E5%9F%BA%E5%9C%B0")  # 火星 基地
    assert tab.page.locator(".search-partial-heading").inner_text() == "部分匹配"
    assert tab.page.locator(".hit-missing s").first.inner_text() == "火星"
    tab.screenshot("search-5-partial")
    tab.go("/search/?q=%E6%BE%9C%E6%B4%B2%E6%B8%AF")  # 澜洲港
    tab.page.get_by_role("link", name="澜州港").click()
    assert query_of(tab.page.url) == "澜州港" and tab.page.locator(".hit").count() > 0
    tab.screenshot("search-6-corrected")
    assert tab.page.evaluate("document.documentElement.scrollWidth") <= width
    assert tab.problems == []
