"""Changelist actions: the parse fixes that act on the records an editor ticked."""

from django.contrib import admin, messages

from ..editing import EditError, article_to_brief, brief_to_article, merge_articles, swap_headlines, undo_step
from ..models import Brief


def _two(modeladmin, request, queryset):
    articles = list(queryset)
    if len(articles) != 2:
        modeladmin.message_user(request, "请恰好勾选两篇文章。", messages.WARNING)
        return None
    return articles


@admin.action(description="合并所选的两篇文章", permissions=["change"])
def merge_selected(modeladmin, request, queryset):
    if pair := _two(modeladmin, request, queryset):
        try:
            merged = merge_articles(*pair)
        except EditError as error:
            modeladmin.message_user(request, str(error), messages.ERROR)
        else:
            modeladmin.message_user(request, f"已合并为《{merged}》。")


@admin.action(description="交换所选两篇文章的标题", permissions=["change"])
def swap_selected_headlines(modeladmin, request, queryset):
    if pair := _two(modeladmin, request, queryset):
        try:
            swap_headlines(*pair)
        except EditError as error:
            modeladmin.message_user(request, str(error), messages.ERROR)
        else:
            modeladmin.message_user(request, "已交换标题。")


@admin.action(description="把所选文章转为简讯", permissions=["change"])
def articles_to_briefs(modeladmin, request, queryset):
    _articles_to(Brief.NEWS, "简讯", modeladmin, request, queryset)


@admin.action(description="把所选文章转为导读", permissions=["change"])
def articles_to_teasers(modeladmin, request, queryset):
    _articles_to(Brief.TEASER, "导读", modeladmin, request, queryset)


def _articles_to(kind, noun, modeladmin, request, queryset):
    done = 0
    for article in queryset:
        try:
            article_to_brief(article, kind=kind)
            done += 1
        except EditError as error:
            modeladmin.message_user(request, f"《{article}》：{error}", messages.ERROR)
    modeladmin.message_user(request, f"已把 {done} 篇文章转为{noun}。")


@admin.action(description="把所选简讯或导读转为文章", permissions=["change"])
def briefs_to_articles(modeladmin, request, queryset):
    made = [brief_to_article(brief) for brief in queryset]
    modeladmin.message_user(request, f"已转为 {len(made)} 篇文章。")


@admin.action(description="撤销所选的整理操作", permissions=["view"])
def undo_steps(modeladmin, request, queryset):
    # Newest first: a later fix may have been made on what an earlier one made.
    for step in queryset.order_by("-done_at", "-pk"):
        try:
            undo_step(step)
        except EditError as error:
            modeladmin.message_user(request, f"“{step}”：{error}", messages.ERROR)
        else:
            modeladmin.message_user(request, f"已撤销：{step}")
