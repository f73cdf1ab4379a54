"""Import a page from the admin: upload or paste, preview what the parser read, confirm to save.

The same importer as ``manage.py importpages``; a bad file or a refused import
shows in the form and saves nothing.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from ..importer import PageFacts, PageImportError, import_text
from ..pagefile import MAX_PAGE_BYTES, PageFileError, decode_page_bytes
from ..parsing import parse_page


class ImportForm(forms.Form):
    file = forms.FileField(label="版面文件", required=False, help_text="PDF 提取出的文本（UTF-8 或 GB18030）")
    text = forms.CharField(label="或粘贴版面文本", required=False, widget=forms.Textarea(attrs={"rows": 12}))
    paper = forms.CharField(label="报纸", required=False, max_length=100, help_text="版头没有印出时填写")
    date = forms.DateField(label="日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    number = forms.CharField(label="版次", required=False, max_length=10)
    section = forms.CharField(label="版名", required=False, max_length=50)
    replace = forms.BooleanField(label="替换已导入的同一版面", required=False)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        try:
            if upload:
                # One byte past the limit is enough for decode_page_bytes to refuse the file.
                data["page_text"] = decode_page_bytes(upload.read(MAX_PAGE_BYTES + 1), name=upload.name)
                data["source_name"] = upload.name
            elif data.get("text", "").strip():
                data["page_text"] = decode_page_bytes(data["text"].encode("utf-8"), name="粘贴的文本")
                data["source_name"] = ""
            else:
                raise forms.ValidationError("请上传版面文件，或粘贴版面文本。")
        except PageFileError as error:
            raise forms.ValidationError(str(error)) from None
        return data

    def facts(self) -> PageFacts:
        data = self.cleaned_data
        return PageFacts(data["paper"], data["date"], data["number"], data["section"])


def import_view(request, model_admin):
    """GET: the form. POST: a preview of the parse; POST with confirm: the import.

    Template: admin/articles/page/import.html. Context: form, structure (the
    parsed page, to preview), records (its records in reading order), page_text.
    """
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    context = {**model_admin.admin_site.each_context(request), "opts": model_admin.model._meta, "title": "导入版面"}
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["page_text"]
        if "confirm" in request.POST:
            try:
                result = import_text(
                    text,
                    source_name=request.POST.get("source_name", ""),
                    facts=form.facts(),
                    replace_changed=form.cleaned_data["replace"],
                )
            except PageImportError as error:
                form.add_error(None, str(error))
            else:
                verb = {"created": "已导入", "unchanged": "这一版面已导入过，没有变化：", "replaced": "已替换"}
                messages.success(request, f"{verb[result.status]}{result.page}")
                return redirect("admin:articles_page_change", result.page.pk)
        structure = parse_page(text)
        records = sorted([*structure.articles, *structure.briefs, *structure.photos], key=lambda r: r.position)
        context |= {"structure": structure, "records": records, "page_text": text}
        context["source_name"] = form.cleaned_data["source_name"]
    context["form"] = form
    return render(request, "admin/articles/page/import.html", context)
