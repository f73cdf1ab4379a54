"""The editors' admin: the paper's records, their history, and the tools that fix parse mistakes."""

import json
import re

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Count
from django.urls import path
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from ..dictionary import in_background, segmentation_before_and_after, word_added, word_removed
from ..models import Article, Brief, Column, DictionaryWord, Edition, FunctionWord, Page, Paper, Photo
from . import actions
from .importing import import_view, progress_view
from .search import DigestSearchMixin
from .tools import article_tools_view

# A record's box on its page's picture, edited as four numbers (shares of the page).
BOX_FIELDS = ["box_left", "box_top", "box_width", "box_height"]

admin.site.site_header = "Digest 报摘 · 编辑后台"
admin.site.site_title = "Digest 编辑后台"
admin.site.index_title = "报纸内容管理"


class ListFilterGuardMixin:
    """Filters no list can hold are invalid filters, as Django's admin treats any
    other: back to the list with "?e=1", never a 500. A NUL byte (?kind=%00),
    which PostgreSQL refuses in a query, and a year too large for a date
    (?date__year=99999999999), which overflows where the date hierarchy expects
    only a ValueError."""

    def get_changelist_instance(self, request):
        if any("\x00" in key + value for key, values in request.GET.lists() for value in values):
            raise IncorrectLookupParameters("a NUL byte in the query")
        try:
            return super().get_changelist_instance(request)
        except OverflowError as error:
            raise IncorrectLookupParameters(error) from error


class HistoryAdmin(ListFilterGuardMixin, SimpleHistoryAdmin):
    """Every version of a record, with what it changed field by field, and a revert button."""


# Inlines on the page form: the records in reading order. Only plain fields, so
# thirty records cost no more queries than three.


class ArticleInline(admin.StackedInline):
    model = Article
    fields = [("position", "kicker"), "title", ("dateline", "byline")]
    ordering = ["position"]
    extra = 0
    show_change_link = True


class BriefInline(admin.TabularInline):
    model = Brief
    fields = ["position", "kind", "text", "ref"]
    ordering = ["position"]
    extra = 0


class PhotoInline(admin.TabularInline):
    model = Photo
    fields = ["position", "caption", "credit", "image"]
    ordering = ["position"]
    extra = 0


@admin.register(Paper)
class PaperAdmin(HistoryAdmin):
    list_display = ["name", "slug", "edition_count"]
    search_fields = ["name", "slug"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(edition_count=Count("editions"))

    @admin.display(description="期数", ordering="edition_count")
    def edition_count(self, paper):
        return paper.edition_count


@admin.register(Edition)
class EditionAdmin(HistoryAdmin):
    list_display = ["__str__", "paper", "date", "page_count"]
    list_filter = ["paper"]
    list_select_related = ["paper"]
    date_hierarchy = "date"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(page_count=Count("pages"))

    @admin.display(description="版面数", ordering="page_count")
    def page_count(self, edition):
        return edition.page_count


@admin.register(Page)
class PageAdmin(HistoryAdmin):
    list_display = ["__str__", "edition", "number", "section", "source_name", "imported_at"]
    list_filter = ["edition__paper", "section"]
    list_select_related = ["edition__paper"]
    date_hierarchy = "edition__date"
    inlines = [ArticleInline, BriefInline, PhotoInline]
    readonly_fields = ["source_name", "imported_at"]
    fieldsets = [
        (None, {"fields": ["edition", ("number", "section"), "header"]}),
        # The printed page: PDF import fills these; an editor may upload a picture for a
        # page imported from text, and give each record its box (its 版面图 area).
        ("版面图", {"fields": ["scan", "thumbnail", "pdf"]}),
        ("原文", {"fields": ["source_name", "imported_at", "source_text"], "classes": ["collapse"]}),
    ]
    change_list_template = "admin/articles/page/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view(lambda request: import_view(request, self))
        progress = self.admin_site.admin_view(lambda request, pk: progress_view(request, self, pk))
        return [
            path("import/", view, name="articles_page_import"),
            path("import/<int:pk>/", progress, name="articles_page_import_progress"),
            *super().get_urls(),
        ]


class AuthorsField(forms.CharField):
    """The authors as editors write them, "周启航、沈一帆", not as the JSON list they are stored as."""

    def prepare_value(self, value):
        if isinstance(value, str) and value.startswith("["):
            value = json.loads(value)
        return "、".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [name for name in re.split(r"[、,，\s]+", super().to_python(value)) if name]


class ArticleForm(forms.ModelForm):
    authors = AuthorsField(label="作者", required=False, help_text="多位作者用顿号分隔，如 周启航、沈一帆")

    class Meta:
        model = Article
        fields = ["kicker", "title", "subtitle", "dateline", "byline", "authors", "body"]
        fields += ["page", "position", "column", "continuation", "continued_on", *BOX_FIELDS]


@admin.register(Article)
class ArticleAdmin(DigestSearchMixin, HistoryAdmin):
    form = ArticleForm
    search_kinds = ("article",)
    list_display = ["headline", "page", "position", "column", "byline"]
    list_filter = ["page__edition__paper", "page__number", "column"]
    list_select_related = ["page__edition__paper", "column"]
    date_hierarchy = "page__edition__date"
    raw_id_fields = ["page", "continued_on"]
    actions = [
        actions.merge_selected,
        actions.swap_selected_headlines,
        actions.articles_to_briefs,
        actions.articles_to_teasers,
    ]
    fieldsets = [
        ("标题", {"fields": ["kicker", "title", "subtitle"]}),
        ("署名", {"fields": [("dateline", "byline"), "authors"]}),
        ("正文", {"fields": ["body"]}),
        ("位置", {"fields": [("page", "position"), "column", ("continuation", "continued_on")]}),
        ("版面图上的位置", {"fields": [tuple(BOX_FIELDS)], "classes": ["collapse"]}),
    ]
    change_form_template = "admin/articles/article/change_form.html"

    @admin.display(description="标题", ordering="title")
    def headline(self, article):
        return str(article)

    def get_urls(self):
        def tools(request, object_id):
            return article_tools_view(request, object_id, self)

        view = self.admin_site.admin_view(tools)
        return [path("<int:object_id>/tools/", view, name="articles_article_tools"), *super().get_urls()]


@admin.register(Brief)
class BriefAdmin(DigestSearchMixin, HistoryAdmin):
    search_kinds = ("news", "teaser")
    list_display = ["__str__", "kind", "ref", "page", "position", "target"]
    list_filter = ["kind", "page__edition__paper", "page__number"]
    list_select_related = ["page__edition__paper", "target"]
    date_hierarchy = "page__edition__date"
    raw_id_fields = ["page", "target"]
    actions = [actions.briefs_to_articles]


@admin.register(Photo)
class PhotoAdmin(DigestSearchMixin, HistoryAdmin):
    search_kinds = ("photo",)
    list_display = ["__str__", "credit", "page", "position", "article", "has_image"]
    list_filter = ["page__edition__paper", "page__number"]
    list_select_related = ["page__edition__paper", "article"]
    date_hierarchy = "page__edition__date"
    raw_id_fields = ["page", "article"]

    @admin.display(description="有图片", boolean=True)
    def has_image(self, photo):
        return bool(photo.image)


@admin.register(Column)
class ColumnAdmin(HistoryAdmin):
    list_display = ["name", "article_count"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="文章数", ordering="article_count")
    def article_count(self, column):
        return column.article_count


@admin.register(DictionaryWord)
class DictionaryWordAdmin(ListFilterGuardMixin, admin.ModelAdmin):
    list_display = ["word", "example", "created_at", "resegmenting"]
    search_fields = ["word"]
    readonly_fields = ["segmentation"]
    fields = ["word", "example", "segmentation"]

    @admin.display(description="重新分词")
    def resegmenting(self, entry):
        return f"后台进行中，还剩 {entry.records_left} 条" if entry.records_left else "已完成"

    @admin.display(description="分词对比")
    def segmentation(self, entry):
        if not entry.pk or not entry.example:
            return "填写例句并保存后，这里会显示加词前后的分词结果。"
        before, after = segmentation_before_and_after(entry.word, entry.example)
        rows = [("加词前", " / ".join(before)), ("加词后", " / ".join(after))]
        return format_html("<dl>{}</dl>", format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows))

    def save_model(self, request, obj, form, change):
        previous = DictionaryWord.objects.filter(pk=obj.pk).values_list("word", flat=True).first()
        super().save_model(request, obj, form, change)
        if previous and previous != obj.word:
            word_removed(previous)
        count = word_added(obj.word)
        if in_background(count):
            self.message_user(
                request, f"“{obj.word}”已加入词典；包含它的 {count} 条内容正在后台重新分词，进度见词典列表。"
            )
        else:
            self.message_user(request, f"“{obj.word}”已加入词典，重新索引了 {count} 条包含它的内容。")

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        word_removed(obj.word)

    def delete_queryset(self, request, queryset):
        words = list(queryset.values_list("word", flat=True))
        super().delete_queryset(request, queryset)
        for word in words:
            word_removed(word)


@admin.register(FunctionWord)
class FunctionWordAdmin(ListFilterGuardMixin, admin.ModelAdmin):
    """Words a search need not match (的、了、和 …), beyond the built-in ones."""

    list_display = ["word", "created_at"]
    search_fields = ["word"]
