"""Re-importing a page in the admin: the editor sees the edited records with a diff, and chooses."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from paths import SEED

from articles.importer import import_file
from articles.models import Article, Brief, Page

TITLE = "计量能力和水平纳入高企认定"
FORM = {"paper": "科技日报", "date": "2023-02-11", "number": "1", "replace": "on"}


@pytest.fixture
def edited(db):
    import_file(SEED)
    article = Article.objects.get(title=TITLE)
    article.title = "编辑改过的标题"
    article.save()
    return article


def changed_text():
    text = SEED.read_text(encoding="utf-8")
    return text.replace(TITLE, "计量能力与水平纳入高企认定").replace("洪森。", "洪森，并举行会谈。")


def test_the_import_stops_and_shows_the_edited_records_with_a_diff_in_chinese(editor_client, edited):
    data = {**FORM, "text": changed_text(), "confirm": "1"}
    response = editor_client.post(reverse("admin:articles_page_import"), data)
    content = response.content.decode()
    assert "经编辑修改过" in content and "编辑改过的标题" in content
    assert "-标题：编辑改过的标题" in content and "+标题：计量能力与水平纳入高企认定" in content
    assert "保留编辑的修改" in content and "覆盖这些修改" in content
    assert "--" + "replace" not in content and "--overwrite" not in content
    assert Article.objects.get(pk=edited.pk).title == "编辑改过的标题"
    assert not Brief.objects.filter(text__contains="举行会谈").exists()


def test_keep_imports_the_rest_and_keeps_the_edit(editor_client, edited):
    data = {**FORM, "text": changed_text(), "edits": "keep"}
    response = editor_client.post(reverse("admin:articles_page_import"), data)
    assert response.status_code == 302
    assert Article.objects.get(pk=edited.pk).title == "编辑改过的标题"
    assert Brief.objects.filter(text__contains="举行会谈").exists()


def test_overwrite_writes_the_new_parse_and_keeps_the_edit_in_the_history(editor_client, edited):
    data = {**FORM, "text": changed_text(), "edits": "overwrite"}
    assert editor_client.post(reverse("admin:articles_page_import"), data).status_code == 302
    article = Article.objects.get(pk=edited.pk)
    assert article.title == "计量能力与水平纳入高企认定"
    assert article.history.filter(title="编辑改过的标题").exists()


def test_a_file_uploaded_in_the_admin_is_the_same_page_for_importpages_after(editor_client, db, capsys):
    """The seed uploaded in the admin, then `make run`'s importpages of the same file: unchanged."""
    upload = SimpleUploadedFile(SEED.name, SEED.read_bytes(), content_type="text/plain")
    preview = editor_client.post(reverse("admin:articles_page_import"), {**FORM, "file": upload, "preview": "1"})
    text = preview.context["page_text"]
    data = {**FORM, "text": text.strip(), "source_name": SEED.name, "confirm": "1"}
    del data["replace"]
    editor_client.post(reverse("admin:articles_page_import"), data)
    assert Page.objects.count() == 1
    call_command("importpages", str(SEED))
    assert "unchanged" in capsys.readouterr().out


def test_a_pdf_re_import_over_edited_records_waits_for_the_editors_choice(editor_client, settings, tmp_path):
    from dataclasses import replace as changed

    from test_pdf_import import FRONT
    from typeset import Page as TypesetPage
    from typeset import typeset

    from articles.models import PdfUpload

    settings.MEDIA_ROOT = tmp_path / "media"
    url = reverse("admin:articles_page_import")

    def upload_pdf(page, **data):
        pdf = SimpleUploadedFile("front.pdf", typeset(page), content_type="application/pdf")
        editor_client.post(url, {"file": pdf, "preview": "1"})
        upload = PdfUpload.objects.latest("pk")
        editor_client.post(url, {"pending": upload.pk, "confirm": "1", **data})
        upload.refresh_from_db()
        return upload

    upload_pdf(FRONT)
    first = Article.objects.get(title=FRONT.stories[0].title)
    first.title = "编辑改过的标题"
    first.save()
    story = FRONT.stories[0]
    reprint = TypesetPage([changed(story, title=story.title + "（新版）"), *FRONT.stories[1:]], header=FRONT.header)
    upload = upload_pdf(reprint, replace="on")
    assert upload.awaits_choice and "经编辑修改过" in upload.message and bytes(upload.data)
    progress = editor_client.get(reverse("admin:articles_page_import_progress", args=[upload.pk])).content.decode()
    assert "保留编辑的修改" in progress and 'http-equiv="refresh"' not in progress
    assert Article.objects.get(pk=first.pk).title == "编辑改过的标题"
    editor_client.post(url, {"pending": upload.pk, "replace": "on", "edits": "overwrite"})
    upload.refresh_from_db()
    assert upload.status == PdfUpload.DONE
    assert Article.objects.get(pk=first.pk).title == story.title + "（新版）"
