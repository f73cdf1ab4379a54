"""The history and delete pages speak Chinese: reasons, field names, actions, related records."""

from articles.editing import merge_articles
from articles.models import Article


def test_the_history_list_is_chinese_with_a_reason_for_every_version(editor_client, seed_page):
    article = Article.objects.get(title="国家试点公共领域车辆全面电动化")
    article.title = "新标题"
    article.save()
    content = editor_client.get(f"/admin/articles/article/{article.pk}/history/").content.decode()
    assert "None" not in content and "Changes" not in content and "CHANGES" not in content
    assert "修改原因" in content and "编辑修改" in content and "导入 " in content
    assert "<strong>标题：</strong>国家试点公共领域车辆全面电动化" in content


def test_a_fix_tool_names_itself_in_the_history(editor_client, seed_page):
    first = Article.objects.get(title="首批自然资源节约集约示范县公布")
    second = Article.objects.get(title="国家高新区“新春第一会”战鼓催征")
    merged = merge_articles(first, second)
    content = editor_client.get(f"/admin/articles/article/{merged.pk}/history/").content.decode()
    assert "合并文章《" in content


def test_the_delete_page_names_every_related_record_in_chinese(editor_client, seed_page):
    article = Article.objects.first()
    content = editor_client.get(f"/admin/articles/article/{article.pk}/delete/").content.decode()
    assert "文章关键词" in content and "搜索索引" in content
    assert "Article keyword" not in content and "Search document" not in content


def test_a_fix_is_undone_in_one_step_from_the_admin(editor_client, seed_page):
    from articles.models import EditStep

    first = Article.objects.get(title="首批自然资源节约集约示范县公布")
    second = Article.objects.get(title="国家高新区“新春第一会”战鼓催征")
    second_pk = second.pk
    merge_articles(first, second)
    step = EditStep.objects.get()
    data = {"action": "undo_steps", "_selected_action": [step.pk]}
    response = editor_client.post("/admin/articles/editstep/", data, follow=True)
    assert "已撤销" in response.content.decode()
    assert Article.objects.filter(pk=second_pk, title="国家高新区“新春第一会”战鼓催征").exists()


def test_a_body_change_shows_as_the_paragraph_that_changed(editor_client, seed_page):
    article = Article.objects.get(title="国家试点公共领域车辆全面电动化")
    paragraphs = article.body.split("\n\n")
    article.body = "\n\n".join([*paragraphs[:-1], "编辑重写的最后一段。"])
    article.save()
    content = editor_client.get(f"/admin/articles/article/{article.pk}/history/").content.decode()
    assert '<li class="added">＋ 编辑重写的最后一段。</li>' in content
    assert f'<li class="removed">－ {paragraphs[-1]}</li>' in content
    assert paragraphs[0] not in content.split('class="history-diff"')[1]
