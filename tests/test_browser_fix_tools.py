"""An editor's fixes in a real browser: split an article at its subhead, merge the parts back,
undo in one step, and the reader's old address follows. Screenshots: var/screenshots/fix-*."""

import pytest
from accounts import EDITOR_PASSWORD

from articles.models import Article, EditStep

pytestmark = pytest.mark.browser

HEADLINE = "国家高新区“新春第一会”战鼓催征"
SUBHEAD = "强信心：多起来、大起来、强起来"


def test_an_editor_splits_merges_and_undoes_and_old_addresses_follow(open_tab, live_alice, seed_page):
    tab = open_tab()
    page = tab.page
    tab.go("/admin/")
    page.get_by_label("用户名").fill("alice")
    page.get_by_label("密码").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="登录").click()

    article = Article.objects.get(title=HEADLINE)
    tab.go(f"/admin/articles/article/{article.pk}/tools/")
    page.locator("#article-blocks tbody tr", has_text=SUBHEAD).get_by_role("button", name="从这里拆分").click()
    assert f"《{SUBHEAD}》" in page.locator(".messagelist .success").inner_text()
    tab.screenshot("fix-01-split")
    rest = Article.objects.get(title=SUBHEAD)
    rest_url = rest.get_absolute_url()

    # The reader sees the new article under its subhead as the title, no "##".
    tab.go(rest_url)
    assert page.locator("h1").inner_text() == SUBHEAD
    tab.screenshot("fix-02-split-on-the-site")

    # Merge the two parts back from the article list.
    tab.go("/admin/articles/article/")
    for pk in (article.pk, rest.pk):
        page.locator(f"input[name=_selected_action][value='{pk}']").check()
    page.locator("select[name=action]").select_option("merge_selected")
    page.get_by_role("button", name="执行").click()
    assert f"已合并为《{HEADLINE}》" in page.locator(".messagelist").inner_text()
    tab.screenshot("fix-03-merged")
    tab.go(rest_url)
    assert page.url.endswith(article.get_absolute_url())
    assert page.locator("h1").inner_text() == HEADLINE
    assert page.locator("h3", has_text=SUBHEAD).is_visible()
    tab.screenshot("fix-04-old-address-follows")

    # Undo the merge: the split parts are back, each at its own address.
    tab.go("/admin/articles/editstep/")
    tab.screenshot("fix-05-steps")
    merge = EditStep.objects.filter(name__startswith="合并").get()
    page.locator(f"input[name=_selected_action][value='{merge.pk}']").check()
    page.locator("select[name=action]").select_option("undo_steps")
    page.get_by_role("button", name="执行").click()
    assert "已撤销" in page.locator(".messagelist").inner_text()
    tab.screenshot("fix-06-undone")
    # A reader who never followed the redirect (a browser keeps a 301 it has seen).
    reader = open_tab()
    reader.go(rest_url)
    assert reader.page.url.endswith(rest_url) and reader.page.locator("h1").inner_text() == SUBHEAD
    reader.screenshot("fix-07-split-part-back-at-its-address")
