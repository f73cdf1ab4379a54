"""An editor's path in a real browser: log in, import a page with its preview, fix a headline and
find it on the site and in search; the admin's own scripts under the strict Content Security
Policy; what an editor may not open; the lockout page. Screenshots: var/screenshots/editor-*."""

import pytest
from accounts import EDITOR_PASSWORD
from paths import PAGES
from playwright.sync_api import expect

from articles.models import Article

pytestmark = pytest.mark.browser

SAMPLE = PAGES / "sample-1.txt"
PARSED_HEADLINE = "青岚高新区发布首批“揭榜挂帅”榜单"
FIXED_HEADLINE = "青岚高新区发布首批“揭榜挂帅”技术需求榜单"


def log_in(tab, username, password):
    """Fill in and send the admin's login form, as a person would."""
    tab.go("/admin/")
    tab.page.get_by_label("用户名").fill(username)
    tab.page.get_by_label("密码").fill(password)
    tab.page.get_by_role("button", name="登录").click()


def test_an_editor_imports_a_page_fixes_a_headline_and_finds_it_on_the_site(open_tab, live_alice, seed_page):
    tab = open_tab()
    page = tab.page
    log_in(tab, "alice", EDITOR_PASSWORD)
    assert page.locator("#user-tools").inner_text().startswith("欢迎， ALICE")
    tab.screenshot("editor-01-index")

    # Import: upload a page file, check the preview, confirm.
    page.get_by_role("link", name="版面", exact=True).first.click()
    page.get_by_role("link", name="导入版面").click()
    tab.screenshot("editor-02-import-form")
    page.get_by_label("版面文件").set_input_files(SAMPLE)
    page.get_by_role("button", name="预览解析结果").click()
    preview = page.locator("#import-preview tbody tr")
    assert preview.count() == 11
    kind, headline = preview.nth(0).locator("td").all_inner_texts()[1:3]
    assert kind == "文章" and headline.split("\n") == ["国产深海装备再添利器", "“沧溟-2”潜水器完成万米级海试"]
    assert page.get_by_role("cell", name=PARSED_HEADLINE).is_visible()
    assert not Article.objects.filter(title=PARSED_HEADLINE).exists()
    tab.screenshot("editor-03-import-preview")
    page.get_by_role("button", name="确认导入").click()
    assert page.locator(".messagelist .success").inner_text() == "已导入青岚科技日报 2023-03-06 第1版"
    assert page.locator("h1").inner_text() == "修改 版面"
    tab.screenshot("editor-04-imported-page")

    # Fix the headline: find the article with the admin's search box, edit its title, save.
    page.locator("#nav-sidebar").get_by_role("link", name="文章", exact=True).click()
    page.locator("#searchbar").fill("揭榜挂帅")
    page.locator("#searchbar").press("Enter")
    page.get_by_role("link", name=PARSED_HEADLINE).click()
    tab.screenshot("editor-05-article-change-form")
    page.get_by_role("link", name="拆分或移动段落").click()
    assert page.locator("h1").inner_text() == f"整理文章：{PARSED_HEADLINE}"
    assert page.locator("#article-blocks tbody tr").count() >= 2
    tab.screenshot("editor-06-article-tools")
    page.locator(".breadcrumbs").get_by_role("link", name=PARSED_HEADLINE).click()
    page.locator("#id_title").fill(FIXED_HEADLINE)
    page.get_by_role("button", name="保存", exact=True).click()
    assert FIXED_HEADLINE in page.locator(".messagelist .success").inner_text()
    assert Article.objects.filter(title=FIXED_HEADLINE).count() == 1

    # The reader's site: the latest edition leads with the imported page, under its fixed headline.
    page.get_by_role("link", name="查看站点").click()
    page.locator(".front-main").get_by_role("link", name=FIXED_HEADLINE).click()
    assert page.locator("h1").inner_text() == FIXED_HEADLINE
    search_box = page.get_by_role("banner").get_by_label("搜索", exact=True)
    search_box.fill(FIXED_HEADLINE)
    search_box.press("Enter")
    assert page.locator(".hit-title").first.inner_text() == FIXED_HEADLINE
    tab.screenshot("editor-07-search")

    # Accounts are not an editor's business.
    tab.go("/admin/")
    assert page.locator("#content-main").get_by_role("link", name="用户").count() == 0
    assert tab.go("/admin/auth/group/").status == 403
    assert tab.go("/admin/auth/user/").status == 403
    assert page.locator("h1").inner_text() == "没有权限打开这个页面"
    tab.screenshot("editor-08-forbidden")
    assert tab.problems == []


def test_the_admins_own_scripts_work_under_the_strict_policy(open_tab, live_alice, all_pages):
    """Collapsed fieldsets, inline "add another" rows, the action bar and the date drill-down."""
    tab = open_tab()
    page = tab.page
    log_in(tab, "alice", EDITOR_PASSWORD)

    tab.go(f"/admin/articles/page/{all_pages[0].pk}/change/")
    source = page.locator("#id_source_text")
    assert not source.is_visible()
    page.locator("fieldset summary", has_text="原文").click()
    assert source.is_visible()
    articles = page.locator("#articles-group .inline-related:not(.empty-form)")
    assert articles.count() == 5
    page.locator("#articles-group .add-row a").click()
    assert articles.count() == 6
    tab.screenshot("editor-09-page-change-form")

    tab.go("/admin/articles/article/")
    total = Article.objects.count()
    counter = page.locator(".action-counter")
    # The counter's text is the server's until the admin's script rewrites it: wait for the script's.
    expect(counter).to_have_text(f"选中了 {total} 个中的 0 个")
    page.locator("#action-toggle").check()
    expect(counter).to_have_text(f"选中了 {total} 个中的 {total} 个")
    page.locator("#action-toggle").uncheck()
    page.locator("input.action-select").first.check()
    expect(counter).to_have_text(f"选中了 {total} 个中的 1 个")
    page.get_by_label("动作").select_option(label="合并所选的两篇文章")
    page.get_by_role("button", name="执行").click()
    assert page.locator(".messagelist .warning").inner_text() == "请恰好勾选两篇文章。"

    page.locator(".toplinks").get_by_role("link", name="2023年3月").click()
    expect(page.locator(".action-counter")).to_have_text("选中了 5 个中的 0 个")
    tab.screenshot("editor-10-article-list")
    assert tab.problems == []


def test_the_page_form_fits_a_1024_pixel_window(open_tab, live_alice, seed_page):
    """No field runs past the form's right edge; the briefs' and photos' tables
    scroll within their own boxes instead."""
    tab = open_tab(1024)
    log_in(tab, "alice", EDITOR_PASSWORD)
    tab.go(f"/admin/articles/page/{seed_page.pk}/change/")
    overrunning = tab.page.evaluate(
        """() => {
            const edge = document.querySelector('#content').getBoundingClientRect().right;
            return [...document.querySelectorAll('textarea, input, select')]
                .filter(field => !field.closest('.tabular') && field.getBoundingClientRect().right > edge + 1)
                .map(field => field.id);
        }"""
    )
    assert overrunning == []
    assert tab.page.evaluate("document.documentElement.scrollWidth") <= 1024
    tab.screenshot("editor-12-page-change-form")


def test_a_locked_out_editor_sees_why_in_chinese(open_tab, live_alice):
    tab = open_tab()
    for _ in range(5):
        log_in(tab, "alice", "wrong password")
    # Now even the right password is refused, with the reason.
    log_in(tab, "alice", EDITOR_PASSWORD)
    assert tab.page.locator("h1").inner_text() == "登录已暂停"
    assert "登录已暂停一小时" in tab.page.locator("#content-main").inner_text()
    tab.screenshot("editor-11-locked-out")
    assert tab.problems == []
