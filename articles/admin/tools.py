"""A page tool for one article: split it at a paragraph, or move a paragraph to another article."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from ..body import body_to_blocks
from ..editing import EditError, move_paragraph, split_article
from ..models import Article


class MoveForm(forms.Form):
    index = forms.IntegerField(min_value=0)
    target = forms.ModelChoiceField(queryset=Article.objects.none(), label="移到")
    to_start = forms.BooleanField(required=False, label="放在开头")

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, **kwargs)
        # The other articles of the same page: where a misplaced paragraph belongs.
        self.fields["target"].queryset = article.page.articles.exclude(pk=article.pk).order_by("position")


def article_tools_view(request, object_id, model_admin):
    """Template: admin/articles/article/tools.html. Context: article, blocks (index, block), move_form."""
    article = get_object_or_404(Article.objects.select_related("page__edition__paper"), pk=object_id)
    if not model_admin.has_change_permission(request, article):
        raise PermissionDenied
    move_form = MoveForm(request.POST if "move" in request.POST else None, article=article)
    try:
        if request.method == "POST" and "split" in request.POST:
            new = split_article(article, int(request.POST["split"]))
            messages.success(request, f"已拆分；后半部分成为新文章（编号 {new.pk}），请补上标题。")
            return redirect("admin:articles_article_tools", article.pk)
        if request.method == "POST" and "move" in request.POST and move_form.is_valid():
            data = move_form.cleaned_data
            move_paragraph(article, data["index"], data["target"], data["to_start"])
            messages.success(request, f"已把这一段移到《{data['target']}》。")
            return redirect("admin:articles_article_tools", article.pk)
    except (EditError, ValueError) as error:
        messages.error(request, str(error))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Article._meta,
        "title": f"整理文章：{article}",
        "article": article,
        "blocks": list(enumerate(body_to_blocks(article.body))),
        "move_form": move_form,
    }
    return render(request, "admin/articles/article/tools.html", context)
