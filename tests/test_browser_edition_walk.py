"""A reader leafs through an edition as in a 数字报, in Chromium at a phone's and a
desk's width: home -> a paper -> its edition -> the page strip -> next page ->
previous edition -> calendar -> a past date -> a story on the printed page -> the
article -> its photo and back. Screenshots: var/screenshots/edition-walk-*."""

import pytest
from browser import DESKTOP, PHONE
from paths import SEED
from test_pdf_import import BODY, pdf_of_pages
from typeset import Page, Story, typeset

from articles.importer import import_file, import_text
from articles.pdfimporter import import_pdf

pytestmark = pytest.mark.browser

LEAD = "老字号触网年销售额破亿"
CAPTION = "枫城老字号的师傅在直播快车上展示老字号糕点。"
OTHER = ["高新区新春第一会上，一批创新项目签约落地。" * 6, "企业代表说，要把研发投入再提高一成。" * 5]
FRONT = Page(
    [
        Story(
            LEAD,
            BODY,
            kicker="枫城消费新气象",
            caption="枫城老字号的师傅在直播快车上展示老字号糕点。",
            credit="本报记者 林晓摄",
        ),
        Story("高新区新春第一会聚焦创新", OTHER, columns=2),
    ]
)
SECOND = Page(FRONT.stories[1:], header="人民日报 2025年10月20日 星期一 第4版 要闻")


@pytest.fixture
def editions(transactional_db, settings, tmp_path):
    """人民日报 of 20 October 2025, pages 3 and 4 from a PDF, and of the 19th from text;
    and 科技日报 (the seed), so the home page has two papers."""
    settings.MEDIA_ROOT = tmp_path / "media"
    import_file(SEED)
    earlier = "\n人民日报\n\n2025年10月19日 星期日 第1版 要闻\n\n前一天的要闻\n\n本报北京10月18日电 前一天的消息。\n"
    import_text(earlier, source_name="earlier.txt")
    return [result.page for result in import_pdf(pdf_of_pages(typeset(FRONT), typeset(SECOND)), source_name="e.pdf")]


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_a_reader_leafs_through_an_edition(open_tab, editions, width):
    tab = open_tab(width)
    page = tab.page
    third, fourth = editions

    tab.go("/")
    papers = page.locator(".front-edition .edition-paper").all_inner_texts()
    assert papers == ["人民日报", "科技日报"]
    tab.screenshot("edition-walk-1-home")

    page.locator(".front-edition .edition-paper").get_by_role("link", name="人民日报").click()
    page.wait_for_url("**/renminribao/")
    page.locator(".front-edition .edition-date a").click()
    page.wait_for_url("**/renminribao/2025-10-20/")
    assert page.locator("h1").inner_text() == "人民日报"
    tab.screenshot("edition-walk-2-edition")

    strip = page.get_by_role("navigation", name="版面导航")
    strip.get_by_role("link", name="第3版 要闻").click()
    page.wait_for_url(f"**{third.get_absolute_url()}")
    assert page.locator(".page-strip a[aria-current=page]").inner_text() == "第3版 要闻"
    page.locator(".prev-next a[rel=next]").click()
    page.wait_for_url(f"**{fourth.get_absolute_url()}")
    assert page.locator(".page-strip a[aria-current=page]").inner_text() == "第4版 要闻"
    tab.screenshot("edition-walk-3-next-page")
    if width == DESKTOP:
        # On a computer, ← turns back a page.
        page.keyboard.press("ArrowLeft")
        page.wait_for_url(f"**{third.get_absolute_url()}")
        page.keyboard.press("ArrowRight")
        page.wait_for_url(f"**{fourth.get_absolute_url()}")

    page.get_by_role("link", name="← 上一期 2025年10月19日").click()
    page.wait_for_url("**/renminribao/2025-10-19/")
    page.get_by_role("link", name="往期回顾").first.click()
    page.wait_for_url("**/renminribao/calendar/")
    assert "2025年10月" in page.locator("h1").inner_text()
    tab.screenshot("edition-walk-4-calendar")
    page.get_by_role("link", name="2025年10月20日 星期一").click()
    page.wait_for_url("**/renminribao/2025-10-20/")

    page.get_by_role("navigation", name="版面导航").get_by_role("link", name="第3版 要闻").click()
    region = page.locator(".page-map a", has=page.locator("title", has_text=LEAD))
    page.locator(".page-scan img").wait_for()
    # Pointing at the story in the list lights its region on the printed page.
    page.locator(".sheet-record .card-title", has_text=LEAD).hover()
    assert "is-lit" in region.get_attribute("class")
    tab.screenshot("edition-walk-5-printed-page")
    # Each region is a link named for screen readers and reached by the keyboard.
    assert page.locator(".page-map").get_by_role("link", name=LEAD).count() == 1
    region.focus()
    assert page.evaluate("document.activeElement.getAttribute('data-record')") == region.get_attribute("data-record")
    assert region.evaluate("a => a.tabIndex") == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    region.click()
    page.wait_for_url("**/articles/*/")
    assert page.locator("h1").inner_text() == LEAD

    page.locator(".story-photo a").click()
    page.wait_for_url("**/photos/*/")
    assert "枫城老字号的师傅" in page.locator(".photo-detail .caption").inner_text()
    tab.screenshot("edition-walk-6-photo")
    page.get_by_role("link", name=f"配发文章：《{LEAD}》→").click()
    page.wait_for_url("**/articles/*/")
    assert page.locator("h1").inner_text() == LEAD
    tab.screenshot("edition-walk-7-article")
    assert tab.problems == []
