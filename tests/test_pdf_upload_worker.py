"""An uploaded PDF's import through the real queue: django-tasks' database backend and its worker."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from test_admin import pdf_upload
from test_pdf_import import FRONT
from typeset import typeset

from articles.models import Page, PdfUpload
from articles.tasks import import_uploaded_pdf

QUEUED_IN_THE_DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queue(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = QUEUED_IN_THE_DATABASE


@pytest.mark.django_db(transaction=True)
def test_a_confirmed_pdf_waits_in_the_database_until_a_worker_imports_it(queue, editor_client):
    editor_client.post(
        reverse("admin:articles_page_import"), {"file": pdf_upload("front.pdf", typeset(FRONT)), "preview": "1"}
    )
    upload = PdfUpload.objects.get()
    response = editor_client.post(reverse("admin:articles_page_import"), {"pending": upload.pk, "confirm": "1"})
    upload.refresh_from_db()
    assert upload.status == PdfUpload.WAITING and Page.objects.count() == 0
    waiting = editor_client.get(response.url).content.decode()
    assert "排队等待" in waiting and 'http-equiv="refresh"' in waiting

    call_command("db_worker", "--batch", "--no-startup-delay")

    upload.refresh_from_db()
    assert upload.status == PdfUpload.DONE
    assert [a.title for a in Page.objects.get().articles.all()] == [story.title for story in FRONT.stories]


def test_an_upload_is_imported_once_however_many_times_its_task_runs(settings, tmp_path, db):
    settings.MEDIA_ROOT = tmp_path / "media"
    upload = PdfUpload.objects.create(name="front.pdf", data=typeset(FRONT), status=PdfUpload.WAITING)
    import_uploaded_pdf.call(upload.pk)
    import_uploaded_pdf.call(upload.pk)
    upload.refresh_from_db()
    assert upload.status == PdfUpload.DONE and upload.pages.count() == 1
    assert Page.objects.count() == 1


def test_an_import_that_breaks_says_so_on_its_progress_page_and_keeps_nothing(settings, tmp_path, db, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    upload = PdfUpload.objects.create(name="front.pdf", data=typeset(FRONT), status=PdfUpload.WAITING)

    def broken(*args, **kwargs):
        raise KeyError("a bug")

    monkeypatch.setattr("articles.tasks.import_pdf", broken)
    with pytest.raises(KeyError):
        import_uploaded_pdf.call(upload.pk)
    upload.refresh_from_db()
    assert upload.status == PdfUpload.FAILED and "内部错误" in upload.message
    assert Page.objects.count() == 0
