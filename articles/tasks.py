"""Background work: importing a PDF uploaded in the admin, page by page, with its progress.

django-tasks runs these; with its database backend (the default) the task waits
in the database until ``manage.py db_worker`` on any machine takes it. Progress
is written to the PdfUpload row outside the import's transaction, so every
server's progress page sees it while the pages are read.
"""

import logging

from django_tasks import task

from .importer import EditedRecordsError, PageFacts, PageImportError
from .models import PdfUpload
from .pdfimporter import PdfRefused, import_pdf

logger = logging.getLogger(__name__)

INTERNAL_ERROR = "导入时出现内部错误，没有保存任何版面；请稍后重试，或联系管理员。"


@task()
def import_uploaded_pdf(upload_id: int) -> None:
    # Claimed in one statement: of two workers given the same upload, one imports it.
    if not PdfUpload.objects.filter(pk=upload_id, status=PdfUpload.WAITING).update(status=PdfUpload.READING):
        return
    upload = PdfUpload.objects.get(pk=upload_id)

    def show(read: int, total: int) -> None:
        status = PdfUpload.READING if read < total else PdfUpload.STORING
        PdfUpload.objects.filter(pk=upload_id).update(pages_read=read, pages_total=total, status=status)

    facts = PageFacts(upload.paper, upload.date, upload.number, upload.section)
    try:
        results = import_pdf(
            bytes(upload.data),
            source_name=upload.name,
            facts=facts,
            replace_changed=upload.replace,
            edits=upload.edits or None,
            progress=show,
        )
    except EditedRecordsError as error:
        # Nothing stored; the file is kept for the editor's choice on the progress page.
        diffs = "\n\n".join(pair.diff() for pair in error.pairs)
        PdfUpload.objects.filter(pk=upload.pk).update(status=PdfUpload.PREVIEWED, message=f"{error}\n\n{diffs}")
        return
    except (PdfRefused, PageImportError) as error:
        finish(upload, PdfUpload.FAILED, str(error))
        return
    except Exception:
        # Whatever went wrong, the editor's page must stop waiting and say so; the
        # detail goes to the log, and the task backend records the failure too.
        logger.exception("importing the uploaded PDF %s (%s) failed", upload.pk, upload.name)
        finish(upload, PdfUpload.FAILED, INTERNAL_ERROR)
        raise
    upload.pages.set([result.page for result in results])
    finish(upload, PdfUpload.DONE, f"已导入 {len(results)} 个版面。")


def finish(upload: PdfUpload, status: str, message: str) -> None:
    """Record how the import ended, and drop the file: the pages hold what it gave."""
    PdfUpload.objects.filter(pk=upload.pk).update(status=status, message=message, data=b"")
