"""The printed page (版面图) in a real browser: its picture loads, and a click on a story opens it.
Screenshots: var/screenshots/page-scan-*."""

import pytest
from browser import DESKTOP, PHONE
from test_pdf_import import FRONT
from typeset import typeset

from articles.pdfimporter import import_pdf

pytestmark = pytest.mark.browser


@pytest.fixture
def printed_page(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (result,) = import_pdf(typeset(FRONT), source_name="front.pdf")
    return result.page


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_a_reader_clicks_a_story_on_the_printed_page(open_tab, printed_page, width):
    tab = open_tab(width)
    page = tab.page
    tab.go(printed_page.get_absolute_url())
    picture = page.locator(".page-scan img")
    picture.wait_for()
    assert page.evaluate("document.querySelector('.page-scan img').naturalWidth") > 2000
    areas = page.locator(".page-map a")
    assert areas.count() == 3  # two articles and a photo
    second = printed_page.articles.all()[1]
    area = page.locator(f'.page-map a[href="{second.get_absolute_url()}"]')
    area.hover()
    # The hovered story is outlined, where it is printed: in the lower part of the picture.
    box, frame = area.bounding_box(), picture.bounding_box()
    assert box["y"] > frame["y"] + frame["height"] * 0.1 and box["width"] > frame["width"] * 0.5
    tab.screenshot("page-scan-1-hover")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    area.click()
    page.wait_for_url(f"**{second.get_absolute_url()}")
    assert page.locator("h1").inner_text() == second.title
    assert tab.problems == []


def test_the_page_pdf_downloads(open_tab, printed_page):
    tab = open_tab(DESKTOP)
    tab.go(printed_page.get_absolute_url())
    with tab.page.expect_download() as download:
        tab.page.get_by_role("link", name="下载本版PDF").click()
    path = download.value.path()
    assert path.read_bytes().startswith(b"%PDF-")
