"""The editors' admin: lists, search, import with preview, fixes, history, dictionary, roles and lockout."""

import pytest
from accounts import EDITOR_PASSWORD
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from paths import PAGES, SEED
from records import article
from test_pdf_import import FRONT, SECOND, pdf_of_pages
from typeset import Page as TypesetPage
from typeset import typeset

from articles.body import body_to_blocks
from articles.importer import import_file
from articles.models import Article, Brief, Column, DictionaryWord, Page, PdfUpload, Photo
from articles.roles import EDITOR_GROUP, ensure_editor_group
from articles.search import search
from articles.search.terms import words

# Session, user, the article, permissions (twice), its page, edition and paper (the raw-id label), the columns.
QUERIES_FOR_ARTICLE_FORM = 9
SAMPLE = PAGES / "sample-1.txt"


@pytest.fixture
def page(db):
    return import_file(SEED).page


@pytest.mark.parametrize("model", ["edition", "page", "article", "brief", "photo", "column", "dictionaryword"])
def test_every_list_opens_for_an_editor(editor_client, page, model):
    assert editor_client.get(reverse(f"admin:articles_{model}_changelist")).status_code == 200


def test_the_article_list_filters_by_date_page_and_column(editor_client, page):
    url = reverse("admin:articles_article_changelist")
    column = Column.objects.get()
    filters = {"page__edition__date__year": 2023, "page__number": "1", "column__id__exact": column.pk}
    response = editor_client.get(url, filters)
    assert response.status_code == 200
    assert list(response.context["cl"].queryset) == [article("培育质量卓越产业集群看“高新”")]


def test_the_admin_search_box_uses_digests_search(editor_client, page):
    url = reverse("admin:articles_article_changelist")
    # A traditional query finds simplified text: no icontains could.
    found = editor_client.get(url, {"q": "電動化"}).context["cl"].queryset
    assert list(found) == [article("国家试点公共领域车辆全面电动化")]
    briefs = editor_client.get(reverse("admin:articles_brief_changelist"), {"q": "物超人"}).context["cl"].queryset
    assert [brief.text for brief in briefs] == ["我国物联网产业进入“物超人”时代"]


def test_the_page_form_shows_its_records_inline_in_reading_order(editor_client, page):
    response = editor_client.get(reverse("admin:articles_page_change", args=[page.pk]))
    content = response.content.decode()
    content = content[content.index('id="articles-group"') :]
    titles = ["国家试点公共领域车辆全面电动化", "培育质量卓越产业集群看“高新”", "计量能力和水平纳入高企认定"]
    places = [content.index(title) for title in titles]
    assert places == sorted(places)


def test_the_body_is_edited_as_plain_text_with_its_help(editor_client, page):
    response = editor_client.get(reverse("admin:articles_article_change", args=[page.articles.first().pk]))
    content = response.content.decode()
    assert "段落之间空一行" in content and "## " in content


# Importing from the admin -------------------------------------------------------------------------


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="text/plain")


def test_an_upload_is_previewed_and_nothing_is_saved(editor_client, db):
    response = editor_client.post(
        reverse("admin:articles_page_import"), {"file": upload("p1.txt", SAMPLE.read_bytes()), "preview": "1"}
    )
    content = response.content.decode()
    assert "解析预览" in content
    assert "“沧溟-2”潜水器完成万米级海试" in content and "记者 周启航 通讯员 沈一帆" in content
    assert "<small>国产深海装备再添利器</small>" in content  # a kicker
    assert "<small>——记青岚农业大学作物分子育种创新团队</small>" in content  # a subtitle
    assert Page.objects.count() == 0


def test_confirming_the_preview_imports_the_page(editor_client, db):
    text = SAMPLE.read_text(encoding="utf-8")
    response = editor_client.post(reverse("admin:articles_page_import"), {"text": text, "confirm": "1"})
    page = Page.objects.get()
    assert response.status_code == 302 and response.url == reverse("admin:articles_page_change", args=[page.pk])
    assert page.articles.count() == 5
    assert search("周启航").count == 1


def test_the_pasted_text_takes_paper_and_date_from_the_form(editor_client, db):
    data = {"text": SEED.read_text(encoding="utf-8"), "paper": "科技日报", "date": "2023-02-11", "number": "1"}
    editor_client.post(reverse("admin:articles_page_import"), {**data, "confirm": "1"})
    page = Page.objects.get()
    assert (page.edition.paper.name, str(page.edition.date), page.number) == ("科技日报", "2023-02-11", "1")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "请上传版面文件"),
        (b"%PDF-1.7 binary", "PDF 文件已损坏或不完整"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "HTML"),
        (b"\xff\xfe\x00\x01\x02", "UTF-16"),
    ],
)
def test_a_bad_upload_shows_its_error_and_saves_nothing(editor_client, db, data, message):
    files = {"file": upload("bad.txt", data)} if data else {}
    response = editor_client.post(reverse("admin:articles_page_import"), {**files, "preview": "1"})
    assert message in response.content.decode()
    assert Page.objects.count() == 0


def test_a_changed_page_is_refused_in_the_form_without_replace(editor_client, page):
    text = SEED.read_text(encoding="utf-8").replace("洪森。", "洪森，并举行会谈。")
    data = {"text": text, "paper": "科技日报", "date": "2023-02-11", "number": "1", "confirm": "1"}
    response = editor_client.post(reverse("admin:articles_page_import"), data)
    assert "已由另一份文本导入，没有替换" in response.content.decode()
    assert not Brief.objects.filter(text__contains="举行会谈").exists()


def pdf_upload(name, data):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_a_pdf_upload_is_previewed_page_by_page_and_kept_for_the_confirm_only(editor_client, media):
    two_pages = pdf_of_pages(typeset(FRONT), typeset(SECOND))
    response = editor_client.post(
        reverse("admin:articles_page_import"), {"file": pdf_upload("edition.pdf", two_pages), "preview": "1"}
    )
    content = response.content.decode()
    assert "2 个版面" in content and "第3版" in content and "第4版" in content
    assert all(story.title in content for story in FRONT.stories)
    assert Page.objects.count() == 0
    pending = PdfUpload.objects.get()
    assert bytes(pending.data) == two_pages and f'name="pending" value="{pending.pk}"' in content


def test_confirming_a_pdf_preview_imports_its_pages_in_the_background_and_shows_how_it_went(editor_client, media):
    editor_client.post(
        reverse("admin:articles_page_import"), {"file": pdf_upload("front.pdf", typeset(FRONT)), "preview": "1"}
    )
    upload = PdfUpload.objects.get()
    # The confirm carries no file: whichever server answers it reads the upload from the database.
    response = editor_client.post(
        reverse("admin:articles_page_import"), {"pending": upload.pk, "paper": "人民日报", "confirm": "1"}
    )
    assert response.status_code == 302
    assert response.url == reverse("admin:articles_page_import_progress", args=[upload.pk])
    page = Page.objects.get()
    assert page.scan and page.pdf and page.source_name == "front.pdf"
    assert [a.title for a in page.articles.all()] == [story.title for story in FRONT.stories]
    upload.refresh_from_db()
    assert (upload.status, upload.pages_read, upload.pages_total) == (PdfUpload.DONE, 1, 1)
    assert bytes(upload.data) == b"" and list(upload.pages.all()) == [page]
    progress = editor_client.get(response.url).content.decode()
    assert "已导入" in progress and reverse("admin:articles_page_change", args=[page.pk]) in progress
    assert 'http-equiv="refresh"' not in progress


def test_a_refused_pdf_import_says_why_on_its_progress_page_and_stores_nothing(editor_client, media):
    seed = {"text": SEED.read_text(encoding="utf-8"), "paper": "科技日报", "date": "2023-02-11", "number": "1"}
    editor_client.post(reverse("admin:articles_page_import"), {**seed, "confirm": "1"})
    reprint = TypesetPage(FRONT.stories, header="科技日报 2023年2月11日 星期六 第1版 要闻")
    editor_client.post(
        reverse("admin:articles_page_import"), {"file": pdf_upload("p1.pdf", typeset(reprint)), "preview": "1"}
    )
    upload = PdfUpload.objects.get()
    editor_client.post(reverse("admin:articles_page_import"), {"pending": upload.pk, "confirm": "1"})
    upload.refresh_from_db()
    assert upload.status == PdfUpload.FAILED and "已由另一份文本导入" in upload.message
    progress = editor_client.get(reverse("admin:articles_page_import_progress", args=[upload.pk])).content.decode()
    assert upload.message in progress and "再导入一份" in progress
    assert Page.objects.count() == 1


def test_a_pdf_confirmed_with_its_file_and_no_preview_is_imported_too(editor_client, media):
    data = {"file": pdf_upload("front.pdf", typeset(FRONT)), "confirm": "1"}
    response = editor_client.post(reverse("admin:articles_page_import"), data)
    upload = PdfUpload.objects.get()
    assert response.url == reverse("admin:articles_page_import_progress", args=[upload.pk])
    assert upload.status == PdfUpload.DONE and Page.objects.count() == 1


def test_the_progress_page_reloads_itself_while_the_import_waits_for_a_worker(editor_client, db):
    upload = PdfUpload.objects.create(name="edition.pdf", status=PdfUpload.READING, pages_read=3, pages_total=20)
    progress = editor_client.get(reverse("admin:articles_page_import_progress", args=[upload.pk])).content.decode()
    assert "正在读取版面" in progress and "已读 3 / 20 页" in progress
    assert '<meta http-equiv="refresh" content="2">' in progress


def test_a_confirm_of_an_upload_already_imported_says_so_and_saves_nothing(editor_client, db):
    response = editor_client.post(reverse("admin:articles_page_import"), {"pending": 999, "confirm": "1"})
    assert "这份上传已失效" in response.content.decode()
    assert Page.objects.count() == 0


def test_a_broken_pdf_upload_is_refused_in_chinese_and_nothing_is_kept(editor_client, db):
    response = editor_client.post(
        reverse("admin:articles_page_import"), {"file": pdf_upload("cut.pdf", typeset(FRONT)[:700]), "preview": "1"}
    )
    assert "cut.pdf：PDF 文件已损坏或不完整" in response.content.decode()
    assert not PdfUpload.objects.exists() and Page.objects.count() == 0


# Fixing parse mistakes ------------------------------------------------------------------------------


def act(client, model, action, records):
    url = reverse(f"admin:articles_{model}_changelist")
    return client.post(url, {"action": action, "_selected_action": [record.pk for record in records]})


def test_the_merge_action_joins_two_articles(editor_client, page):
    first, second = article("首批自然资源节约集约示范县公布"), article("国家高新区“新春第一会”战鼓催征")
    act(editor_client, "article", "merge_selected", [first, second])
    assert not Article.objects.filter(pk=second.pk).exists()
    assert "新春第一会" in Article.objects.get(pk=first.pk).body


def test_the_swap_action_exchanges_headlines(editor_client, page):
    first, second = article("首批自然资源节约集约示范县公布"), article("计量能力和水平纳入高企认定")
    act(editor_client, "article", "swap_selected_headlines", [first, second])
    first.refresh_from_db()
    assert first.title == "计量能力和水平纳入高企认定"


def test_briefs_and_articles_convert_both_ways(editor_client, page):
    brief = Brief.objects.get(text="习近平会见柬埔寨首相洪森。")
    act(editor_client, "brief", "briefs_to_articles", [brief])
    made = Article.objects.get(body="习近平会见柬埔寨首相洪森。")
    act(editor_client, "article", "articles_to_briefs", [made])
    assert Brief.objects.filter(text="习近平会见柬埔寨首相洪森。", kind="news").exists()


@pytest.mark.parametrize("action", ["articles_to_briefs", "articles_to_teasers"])
def test_an_article_without_text_is_refused_with_a_message_and_the_others_convert(editor_client, page, action):
    empty = Article.objects.create(page=page, position=999)
    other = article("国家试点公共领域车辆全面电动化")
    response = act(editor_client, "article", action, [empty, other])
    assert response.status_code == 302
    assert Article.objects.filter(pk=empty.pk).exists() and not Article.objects.filter(pk=other.pk).exists()
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("没有文字" in message for message in shown) and any("已把 1 篇文章" in message for message in shown)


def test_the_tools_page_splits_at_a_paragraph(editor_client, page):
    source = article("国家试点公共领域车辆全面电动化")
    url = reverse("admin:articles_article_tools", args=[source.pk])
    assert "从这里拆分" in editor_client.get(url).content.decode()
    editor_client.post(url, {"split": "2"})
    source.refresh_from_db()
    assert len(body_to_blocks(source.body)) == 2
    assert Article.objects.filter(title="").count() == 1


def test_the_tools_page_moves_a_paragraph(editor_client, page):
    source, target = article("首批自然资源节约集约示范县公布"), article("计量能力和水平纳入高企认定")
    editor_client.post(
        reverse("admin:articles_article_tools", args=[source.pk]), {"move": "1", "index": "0", "target": target.pk}
    )
    target.refresh_from_db()
    assert body_to_blocks(target.body)[-1].text.startswith("2月 9日，自然资源部召开")


# Saves show at once; history ---------------------------------------------------------------------


def change_data(record):
    """The change form's own POST data for an article, as a browser would send it."""
    return {
        "kicker": record.kicker,
        "title": record.title,
        "subtitle": record.subtitle,
        "dateline": record.dateline,
        "byline": record.byline,
        "authors": "、".join(record.authors),
        "body": record.body,
        "page": record.page_id,
        "position": record.position,
        "column": record.column_id or "",
        "continuation": record.continuation,
        "continued_on": record.continued_on_id or "",
    }


def test_a_saved_headline_shows_on_the_site_and_in_search_at_once(editor_client, client, page):
    record = article("计量能力和水平纳入高企认定")
    data = {**change_data(record), "title": "企业计量能力提升有了指导意见"}
    response = editor_client.post(reverse("admin:articles_article_change", args=[record.pk]), data)
    assert response.status_code == 302
    record.refresh_from_db()
    assert "企业计量能力提升有了指导意见" in client.get(record.get_absolute_url()).content.decode()
    assert search("指导意见").hits[0].url == record.get_absolute_url()


def test_a_deleted_photo_leaves_the_site_and_search(editor_client, page):
    photo = Photo.objects.get(credit="新华社发")
    editor_client.post(reverse("admin:articles_photo_delete", args=[photo.pk]), {"post": "yes"})
    assert not Photo.objects.filter(pk=photo.pk).exists()
    assert search("海南自贸港").count == 0


def test_every_change_is_kept_with_who_and_what(editor_client, alice, page):
    record = article("计量能力和水平纳入高企认定")
    editor_client.post(
        reverse("admin:articles_article_change", args=[record.pk]), {**change_data(record), "title": "新标题"}
    )
    latest = record.history.latest()
    assert latest.history_user == alice
    [change] = latest.diff_against(latest.prev_record).changes
    assert (change.field, change.old, change.new) == ("title", "计量能力和水平纳入高企认定", "新标题")
    history = editor_client.get(reverse("admin:articles_article_history", args=[record.pk])).content.decode()
    assert "<strong>标题：</strong>" in history and "新标题" in history and "alice" in history


def test_a_change_can_be_reverted(editor_client, page):
    record = article("计量能力和水平纳入高企认定")
    editor_client.post(
        reverse("admin:articles_article_change", args=[record.pk]), {**change_data(record), "title": "错误标题"}
    )
    original = record.history.earliest()
    url = reverse("admin:articles_article_simple_history", args=[record.pk, original.history_id])
    assert editor_client.get(url).status_code == 200
    editor_client.post(url, change_data(original.instance))
    record.refresh_from_db()
    assert record.title == "计量能力和水平纳入高企认定"
    assert search('"计量能力和水平"').hits[0].url == record.get_absolute_url()


# The dictionary -------------------------------------------------------------------------------------


def test_a_dictionary_word_shows_its_segmentation_and_reindexes_only_its_records(editor_client, page):
    assert "新春第一会" not in words("国家高新区陆续召开新春第一会")
    untouched = article("计量能力和水平纳入高企认定").search_document.pk
    response = editor_client.post(
        reverse("admin:articles_dictionaryword_add"),
        {"word": "新春第一会", "example": "国家高新区陆续召开新春第一会", "_continue": "1"},
        follow=True,
    )
    content = response.content.decode()
    assert "重新索引了 1 条" in content
    assert "<dt>加词前</dt><dd>国家 / 高新区 / 陆续 / 召开 / 新春 / 第一 / 会</dd>" in content
    assert "<dt>加词后</dt><dd>国家 / 高新区 / 陆续 / 召开 / 新春第一会</dd>" in content
    assert "新春第一会" in words("国家高新区陆续召开新春第一会")
    record = article("国家高新区“新春第一会”战鼓催征")
    assert "新春第一会" in record.search_document.body_words.split()
    assert article("计量能力和水平纳入高企认定").search_document.pk == untouched
    DictionaryWord.objects.get(word="新春第一会").delete()


# Roles and logins ----------------------------------------------------------------------------------


def test_an_editor_cannot_open_users_or_groups(editor_client, page):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:articles_article_changelist")).status_code == 200


def test_the_editor_group_holds_content_permissions_only(db):
    group = ensure_editor_group()
    labels = {permission.content_type.app_label for permission in group.permissions.all()}
    assert labels == {"articles"}
    assert group.name == EDITOR_GROUP
    assert group.permissions.filter(codename="change_article").exists()


def test_repeated_failed_logins_are_locked_out_with_a_clear_message(client, alice):
    url = reverse("admin:login")
    for _ in range(5):
        client.post(url, {"username": "alice", "password": "wrong"})
    response = client.post(url, {"username": "alice", "password": EDITOR_PASSWORD})
    assert response.status_code == 429
    assert "登录已暂停" in response.content.decode()


def test_a_good_login_before_the_limit_is_let_in(client, alice):
    url = reverse("admin:login")
    client.post(url, {"username": "alice", "password": "wrong"})
    response = client.post(url, {"username": "alice", "password": EDITOR_PASSWORD, "next": "/admin/"})
    assert response.status_code == 302


# No N+1 on the forms ----------------------------------------------------------------------------------


def add_records(page, count):
    for number in range(count):
        Brief.objects.create(page=page, position=1000 + number, text=f"第{number}条补充简讯。")


def queries_to_answer(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_article_form_costs_the_same_queries_on_a_page_of_thirty_records(editor_client, page):
    url = reverse("admin:articles_article_change", args=[page.articles.first().pk])
    few = queries_to_answer(editor_client, url)
    add_records(page, 30 - page.briefs.count())
    assert queries_to_answer(editor_client, url) == few


def test_the_page_form_costs_the_same_queries_with_thirty_records(editor_client, page):
    url = reverse("admin:articles_page_change", args=[page.pk])
    few = queries_to_answer(editor_client, url)
    add_records(page, 30)
    assert queries_to_answer(editor_client, url) == few


def test_authors_are_edited_as_names_not_json(editor_client, page):
    record = article("国家试点公共领域车辆全面电动化")
    url = reverse("admin:articles_article_change", args=[record.pk])
    assert 'value="丁涛"' in editor_client.get(url).content.decode()
    editor_client.post(url, {**change_data(record), "authors": "丁涛、方山"})
    record.refresh_from_db()
    assert record.authors == ["丁涛", "方山"]


def test_the_article_form_runs_a_fixed_number_of_queries(editor_client, page, django_assert_num_queries):
    add_records(page, 30 - page.briefs.count())
    url = reverse("admin:articles_article_change", args=[page.articles.first().pk])
    editor_client.get(url)  # the session and the user, as on any admin page, once warm
    with django_assert_num_queries(QUERIES_FOR_ARTICLE_FORM):
        assert editor_client.get(url).status_code == 200


@pytest.mark.parametrize(
    "data, title",
    [(None, "登录 | Digest 编辑后台"), ({"username": "nobody", "password": "wrong"}, "错误：登录 | Digest 编辑后台")],
)
def test_the_login_page_title_is_all_chinese_even_after_a_wrong_password(client, db, data, title):
    response = client.post("/admin/login/", data) if data else client.get("/admin/login/")
    assert f"<title>{title}</title>" in response.content.decode()


def fail_five_logins(client, address):
    for _ in range(5):
        client.post(
            reverse("admin:login"), {"username": "alice", "password": "wrong"}, headers={"x-forwarded-for": address}
        )


def log_in_from(client, forwarded_for):
    login = {"username": "alice", "password": EDITOR_PASSWORD, "next": "/admin/"}
    return client.post(reverse("admin:login"), login, headers={"x-forwarded-for": forwarded_for}).status_code


def test_behind_the_proxy_a_stranger_locks_out_only_his_own_address(client, alice, settings):
    settings.AXES_CLIENT_IP_CALLABLE = "articles.clientip.forwarded_client_ip"  # as DIGEST_BEHIND_PROXY=1 sets
    fail_five_logins(client, "203.0.113.5")
    assert log_in_from(client, "203.0.113.5") == 429
    # Every request comes from the proxy's REMOTE_ADDR, yet Alice, elsewhere, still gets in.
    assert log_in_from(client, "198.51.100.7") == 302


def test_a_forged_forwarded_address_does_not_escape_the_lockout(client, alice, settings):
    settings.AXES_CLIENT_IP_CALLABLE = "articles.clientip.forwarded_client_ip"
    fail_five_logins(client, "203.0.113.5")
    # The client may send any X-Forwarded-For; the proxy appends the address it saw, and only that counts.
    assert log_in_from(client, "192.0.2.1, 203.0.113.5") == 429
    assert log_in_from(client, "garbage") == 302  # no address in the header: REMOTE_ADDR, not yet locked out
