"""Import a page from the admin: upload or paste, preview what the parser read, confirm to save.

The same importers as ``manage.py importpages``; a bad file or a refused import
shows in the form and saves nothing. A text travels from the preview to the
confirm in the form itself; a PDF is too large for that, so the preview keeps it
as a PdfUpload row, which any server can read back at the confirm. The confirm
enqueues the PDF's import as a background task (articles.tasks), and the editor
follows its progress page, page by page, until the pages are stored.
"""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from ..importer import EditedRecordsError, PageFacts, PageImportError, import_text
from ..models import PdfUpload
from ..pagefile import MAX_PAGE_BYTES, PageFileError, decode_page_bytes
from ..parsing import parse_page
from ..parsing.pdf import MAX_PDF_BYTES, PdfRefused, looks_like_pdf, read_newspaper_pdf
from ..reimporting import KEEP, OVERWRITE
from ..tasks import import_uploaded_pdf

# An upload previewed and never confirmed, or imported, is forgotten after this long.
PENDING_LIFETIME = timedelta(days=1)
STATUS_WORDS = {"created": "已导入", "unchanged": "这一版面已导入过，没有变化：", "replaced": "已更新"}


class ImportForm(forms.Form):
    file = forms.FileField(
        label="版面文件",
        required=False,
        help_text="报纸的 PDF（可含多个版面），或从 PDF 提取出的文本（UTF-8 或 GB18030）",
    )
    # Not stripped here: the text is normalised in one place for every way a page
    # comes in (pagefile.normalise_page_text), so the admin and importpages agree.
    text = forms.CharField(
        label="或粘贴版面文本", required=False, strip=False, widget=forms.Textarea(attrs={"rows": 12})
    )
    pending = forms.IntegerField(required=False, widget=forms.HiddenInput)
    paper = forms.CharField(label="报纸", required=False, max_length=100, help_text="版头没有印出时填写")
    date = forms.DateField(label="日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    number = forms.CharField(label="版次", required=False, max_length=10)
    section = forms.CharField(label="版名", required=False, max_length=50)
    replace = forms.BooleanField(label="替换已导入的同一版面", required=False)
    # What to do with records editors changed that the new text changes: asked for
    # only after an import stopped on them (EditedRecordsError).
    edits = forms.ChoiceField(
        choices=[("", "停下列出"), (KEEP, "保留编辑的修改"), (OVERWRITE, "覆盖编辑的修改")],
        required=False,
        widget=forms.HiddenInput,
    )

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        data["pdf"] = data["page_text"] = None
        try:
            if upload:
                data["source_name"] = upload.name
                content = upload.read(max(MAX_PAGE_BYTES, MAX_PDF_BYTES) + 1)
                if looks_like_pdf(content):
                    data["pdf"] = content
                    data["readings"] = read_newspaper_pdf(content, name=upload.name)
                else:
                    data["page_text"] = decode_page_bytes(content, name=upload.name)
            elif data.get("pending"):
                pending = PdfUpload.objects.filter(pk=data["pending"], status=PdfUpload.PREVIEWED).first()
                if pending is None:
                    raise forms.ValidationError("这份上传已失效（已导入，或上传超过一天），请重新上传。")
                data["source_name"], data["pdf"] = pending.name, bytes(pending.data)
            elif data.get("text", "").strip():
                data["page_text"] = decode_page_bytes(data["text"].encode("utf-8"), name="粘贴的文本")
                data["source_name"] = ""
            else:
                raise forms.ValidationError("请上传版面文件，或粘贴版面文本。")
        except (PageFileError, PdfRefused) as error:
            raise forms.ValidationError(str(error)) from None
        return data

    def facts(self) -> PageFacts:
        data = self.cleaned_data
        return PageFacts(data["paper"], data["date"], data["number"], data["section"])


def import_view(request, model_admin):
    """GET: the form. POST: a preview of the parse; POST with confirm: the import.

    Template: admin/articles/page/import.html. Context: form, previews (one per
    newspaper page read: its structure and its records in reading order),
    page_text (a text's, to send back with the confirm), pending (a PDF's
    PdfUpload), source_name. A PDF's confirm redirects to its progress page.
    """
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    context = {**model_admin.admin_site.each_context(request), "opts": model_admin.model._meta, "title": "导入版面"}
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # The choice after an import stopped on edited records confirms it too.
        confirmed = "confirm" in request.POST or bool(data.get("edits"))
        if confirmed and data["pdf"] is not None:
            upload = enqueue_import(form)
            return redirect("admin:articles_page_import_progress", upload.pk)
        if confirmed:
            try:
                result = import_text(data["page_text"], **import_options(form, request.POST.get("source_name", "")))
            except EditedRecordsError as error:
                form.add_error(None, str(error))
                context["edited"] = [{"record": pair.stored, "diff": pair.diff()} for pair in error.pairs]
            except PageImportError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, f"{STATUS_WORDS[result.status]}{result.page}")
                return redirect("admin:articles_page_change", result.page.pk)
        context |= preview(form)
    context["form"] = form
    return render(request, "admin/articles/page/import.html", context)


def import_options(form: ImportForm, source_name: str) -> dict:
    data = form.cleaned_data
    return {
        "source_name": source_name,
        "facts": form.facts(),
        "replace_changed": data["replace"],
        "edits": data.get("edits") or None,
    }


def enqueue_import(form: ImportForm) -> PdfUpload:
    """Hand the previewed PDF, with what the form says about it, to a background worker."""
    data = form.cleaned_data
    upload = PdfUpload.objects.get(pk=kept_upload(data))
    upload.paper, upload.date, upload.number = data["paper"], data["date"], data["number"]
    upload.section, upload.replace, upload.status = data["section"], data["replace"], PdfUpload.WAITING
    upload.edits, upload.message = data.get("edits") or "", ""
    upload.save()
    import_uploaded_pdf.enqueue(upload.pk)
    return upload


def progress_view(request, model_admin, pk):
    """How far the import of an uploaded PDF is; the page reloads itself until it ends.

    Template: admin/articles/page/import_progress.html. Context: upload, percent.
    """
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    upload = get_object_or_404(PdfUpload, pk=pk)
    percent = round(100 * upload.pages_read / upload.pages_total) if upload.pages_total else 0
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": f"导入 {upload.name}",
        "upload": upload,
        "percent": percent,
        "again": reverse("admin:articles_page_import"),
    }
    return render(request, "admin/articles/page/import_progress.html", context)


def preview(form: ImportForm) -> dict:
    data = form.cleaned_data
    if data["pdf"] is None:
        structures = [parse_page(data["page_text"])]
        kept = {"page_text": data["page_text"]}
    else:
        readings = data.get("readings") or read_newspaper_pdf(data["pdf"], name=data["source_name"])
        structures = [reading.structure for reading in readings]
        kept = {"pending": kept_upload(data)}
    previews = [{"structure": s, "records": in_reading_order(s)} for s in structures]
    return {"previews": previews, "source_name": data["source_name"], **kept}


def kept_upload(data: dict) -> int:
    """The PdfUpload holding the form's PDF: the one the preview kept, or a new one for a
    PDF uploaded now. Uploads a day old that no worker still has in hand are forgotten."""
    if data.get("pending"):
        return data["pending"]
    finished = [PdfUpload.PREVIEWED, PdfUpload.DONE, PdfUpload.FAILED]
    stale = timezone.now() - PENDING_LIFETIME
    PdfUpload.objects.filter(uploaded_at__lt=stale, status__in=finished).delete()
    return PdfUpload.objects.create(name=data["source_name"], data=data["pdf"]).pk


def in_reading_order(structure) -> list:
    return sorted([*structure.articles, *structure.briefs, *structure.photos], key=lambda r: r.position)
