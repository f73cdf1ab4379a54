"""Pages and what was parsed from them: articles, briefs and photos.

An Edition is one paper on one day; a Page is one printed page of it, with the
text it was parsed from. Every record keeps ``position``, the line of the page
where it starts, so the page can be shown in its reading order.

Derived fields (``body_html``, ``keywords``) are computed when a record is
written, never in a template, and are hidden from the admin.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.urls import reverse
from simple_history.models import HistoricalRecords

from . import clock
from .body import body_to_html
from .keywords import extract_keywords
from .papers import SLUG_MAX_LENGTH, default_paper_name, pinyin_slug, validate_slug

# URL segments for an edition without a date and a page without a number:
# "/undated-3/x7/" names edition 3 and page 7 until an editor fills them in.
UNDATED_PREFIX = "undated-"
UNNUMBERED_PREFIX = "x"


def edition_segment(date, pk) -> str:
    """An edition's part of its URLs: its date, e.g. "2023-02-11", or "undated-3"."""
    return date.isoformat() if date else f"{UNDATED_PREFIX}{pk}"


def page_segment(number, pk) -> str:
    """A page's part of its URLs: its number, e.g. "1", or "x7"."""
    return number or f"{UNNUMBERED_PREFIX}{pk}"


def tracked_history(**options):
    """Keep every version of a model's rows: who changed what, and when. The
    admin's history list shows each version's changes field by field."""
    return HistoricalRecords(**options)


class Paper(models.Model):
    """A newspaper: its name as its pages print it, and the slug its addresses start with."""

    name = models.CharField("报名", max_length=100, unique=True)
    slug = models.CharField(
        "网址名",
        max_length=SLUG_MAX_LENGTH,
        unique=True,
        blank=True,
        validators=[validate_slug],
        help_text="本报网址的开头，如 /lanzhouribao/。留空则取报名的拼音",
    )

    history = tracked_history()

    class Meta:
        verbose_name = verbose_name_plural = "报纸"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.free_slug(pinyin_slug(self.name))
        before = Paper.objects.filter(pk=self.pk).values_list("slug", flat=True).first() if self.pk else None
        with transaction.atomic():
            super().save(*args, **kwargs)
            # Its addresses under the old slug keep working (views/legacy.follow_renamed_paper);
            # a slug given up and taken again leads to its new holder.
            FormerPaperSlug.objects.filter(slug=self.slug).delete()
            if before and before != self.slug:
                FormerPaperSlug.objects.update_or_create(slug=before, defaults={"paper": self})

    def get_absolute_url(self):
        return reverse("paper", args=[self.slug])

    def free_slug(self, slug: str) -> str:
        """The slug, or with a number after it when another paper has it: 两报同音 -> "x", "x-2"."""
        others = Paper.objects.exclude(pk=self.pk)
        candidate, number = slug, 1
        while others.filter(slug=candidate).exists():
            number += 1
            candidate = f"{slug[: SLUG_MAX_LENGTH - 4]}-{number}"
        return candidate

    @classmethod
    def named(cls, name: str) -> "Paper":
        """The paper of that name, made when it is new; the default paper for no name."""
        paper, _ = cls.objects.get_or_create(name=name.strip() or default_paper_name())
        return paper


class FormerPaperSlug(models.Model):
    """A slug a paper had before an editor changed it: its old addresses answer 301."""

    slug = models.CharField(max_length=SLUG_MAX_LENGTH, unique=True)
    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="former_slugs")

    class Meta:
        verbose_name = verbose_name_plural = "报纸的旧网址名"

    def __str__(self):
        return self.slug


class PublishedQuerySet(models.QuerySet):
    """Rows of editions that readers may see: one rule, written once, for editions,
    pages, records and search documents, each reaching its edition by its own path."""

    path_to_edition = ""  # "" for editions, "edition__" for pages, "page__edition__" for records

    def published(self):
        """Of editions published by now: a draft (no publish time) or an edition
        scheduled for later is not out yet."""
        return self.filter(**{f"{self.path_to_edition}published_at__lte": clock.now()})

    def readable(self, drafts: bool):
        """What a request may read: everything for an editor (drafts), the published rows for a reader."""
        return self if drafts else self.published()


class EditionQuerySet(PublishedQuerySet):
    def with_pages(self):
        """Editions a reader can open: an edition whose pages were all deleted is none."""
        return self.filter(models.Exists(Page.objects.filter(edition=models.OuterRef("pk"))))

    def newest_first(self):
        return self.order_by(*NEWEST_FIRST)

    def latest_of_each_paper(self):
        """The newest edition of every paper, the paper with the newest first."""
        newest = self.filter(paper=models.OuterRef("paper")).with_pages().order_by(*NEWEST_FIRST).values("pk")[:1]
        return self.filter(pk=models.Subquery(newest)).select_related("paper").order_by(*NEWEST_FIRST)


# Newest first, undated editions last: the order of a paper's editions.
NEWEST_FIRST = [models.F("date").desc(nulls_last=True), "pk"]


class Edition(models.Model):
    paper = models.ForeignKey(Paper, on_delete=models.PROTECT, related_name="editions", verbose_name="报纸")
    # Null when the page prints no date and none was given on import: the site
    # shows such an edition as undated until an editor sets the date.
    date = models.DateField("日期", null=True, blank=True)
    # None while the edition is a draft: readers, feeds, the sitemap and search see an
    # edition from this time on (PublishedQuerySet.published); a time to come schedules it.
    published_at = models.DateTimeField(
        "发布时间", null=True, blank=True, help_text="留空为草稿，读者看不到；填将来的时间则到时发布"
    )

    objects = EditionQuerySet.as_manager()

    history = tracked_history()

    class Meta:
        verbose_name = verbose_name_plural = "期次"
        ordering = NEWEST_FIRST
        constraints = [models.UniqueConstraint(fields=["paper", "date"], name="one_edition_per_paper_and_day")]
        indexes = [models.Index(fields=["published_at"], name="articles_edition_published")]

    def __str__(self):
        return f"{self.paper.name} {self.date or '未注明日期'}"

    def get_absolute_url(self):
        return reverse("edition", args=self.url_args)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None and self.published_at <= clock.now()

    @property
    def publish_state(self) -> str:
        """ "草稿", "定时发布" or "已发布", as the admin and the draft banner say it."""
        if self.published_at is None:
            return "草稿"
        return "已发布" if self.is_published else "定时发布"

    @property
    def url_segment(self):
        return edition_segment(self.date, self.pk)

    @property
    def url_args(self):
        """The paper and date segments that start every URL of the edition. They need
        the paper: select_related("paper") (or "page__edition__paper") when listing."""
        return [self.paper.slug, self.url_segment]

    def neighbours(self) -> dict:
        """The paper's editions before and after this one ("previous", "next"), or None:
        a day without an edition is skipped. An undated edition has none."""
        if self.date is None:
            return {"previous": None, "next": None}
        editions = Edition.objects.filter(paper_id=self.paper_id).with_pages().select_related("paper")
        return {
            "previous": editions.filter(date__lt=self.date).order_by("-date").first(),
            "next": editions.filter(date__gt=self.date).order_by("date").first(),
        }


class PageQuerySet(PublishedQuerySet):
    path_to_edition = "edition__"

    def in_order(self):
        return self.order_by("number_sort", "number", "pk")


class Page(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="pages", verbose_name="期次")
    number = models.CharField("版次", max_length=10, blank=True, help_text="版面号，如 1 或 A3")
    # The number's digits, so that page 10 sorts after page 9.
    number_sort = models.PositiveIntegerField(default=0, editable=False)
    section = models.CharField("版名", max_length=50, blank=True)
    header = models.TextField("版头", blank=True, help_text="报头、页眉和页脚的原文，每行一条")
    source_name = models.CharField("来源文件", max_length=255, blank=True)
    source_text = models.TextField("原文")
    checksum = models.CharField("校验和", max_length=64, unique=True, editable=False)
    imported_at = models.DateTimeField("导入时间", auto_now_add=True)
    # A page imported from a PDF keeps the printed page: its picture, a thumbnail for
    # the page strip, and the PDF of this page alone for readers to download.
    scan = models.ImageField("版面图", upload_to="scans/%Y/%m/", blank=True)
    thumbnail = models.ImageField("缩略图", upload_to="scans/%Y/%m/", blank=True)
    pdf = models.FileField("本版PDF", upload_to="pdf/%Y/%m/", blank=True)

    objects = PageQuerySet.as_manager()

    history = tracked_history()

    class Meta:
        verbose_name = verbose_name_plural = "版面"
        # By the edition's id, not the edition: ordering by a relation joins it to every query.
        ordering = ["edition_id", "number_sort", "number", "pk"]

    def __str__(self):
        return f"{self.edition} 第{self.number or '?'}版"

    def save(self, *args, **kwargs):
        digits = "".join(char for char in self.number if char.isdigit())
        self.number_sort = int(digits) if digits else 0
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("page", args=self.url_args)

    @property
    def url_segment(self):
        return page_segment(self.number, self.pk)

    @property
    def url_args(self):
        """The date and page segments that start the URL of the page and of every record on it.

        They need the edition and paper: select_related("page__edition__paper") when listing records."""
        return [*self.edition.url_args, self.url_segment]


class Column(models.Model):
    """A column rubric (栏目) printed over articles, such as "奋进新征程 基层新气象"."""

    name = models.CharField("栏目", max_length=200, unique=True)

    history = tracked_history()

    class Meta:
        verbose_name = verbose_name_plural = "栏目"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("column", args=[self.pk])


class RecordQuerySet(PublishedQuerySet):
    path_to_edition = "page__edition__"

    def in_reading_order(self):
        # pk last: teasers printed in one row start on the same line.
        return self.order_by("page__edition__date", "page__number_sort", "page__pk", "position", "pk")

    def newest_first(self):
        return self.order_by(
            models.F("page__edition__date").desc(nulls_last=True), "page__number_sort", "page__pk", "position", "pk"
        )

    def with_page(self):
        # A page's source text is long and no list shows it.
        return self.select_related("page__edition__paper").defer("page__source_text")


class ArticleQuerySet(RecordQuerySet):
    def stories(self):
        """Each story once: an article's second part, printed on another page ("上接第1版")
        and joined to its first, is read as part of the first, so lists leave it out."""
        return self.filter(continued_from__isnull=True)


# How many related articles an article lists.
RELATED_COUNT = 5

# A record's box is given in shares of the page: 0 is the left or top edge, 1 the other.
SHARE_OF_PAGE = [MinValueValidator(0.0), MaxValueValidator(1.0)]


class Record(models.Model):
    """What every record of a page has: its page and its place on it."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, verbose_name="版面")
    position = models.PositiveIntegerField("位置", default=0, help_text="在版面原文中的行号，决定阅读顺序")
    # Where the record is printed on the page's picture, as shares of its width and
    # height from the top left corner: the clickable area of the 版面图.
    box_left = models.FloatField(
        validators=SHARE_OF_PAGE, verbose_name="左", null=True, blank=True, help_text="距版面左边，占版宽的比例（0–1）"
    )
    box_top = models.FloatField(
        validators=SHARE_OF_PAGE, verbose_name="上", null=True, blank=True, help_text="距版面上边，占版高的比例（0–1）"
    )
    box_width = models.FloatField(
        validators=SHARE_OF_PAGE, verbose_name="宽", null=True, blank=True, help_text="占版宽的比例（0–1）"
    )
    box_height = models.FloatField(
        validators=SHARE_OF_PAGE, verbose_name="高", null=True, blank=True, help_text="占版高的比例（0–1）"
    )

    objects = RecordQuerySet.as_manager()
    url_name = ""  # the view each kind of record is read on (articles/urls.py)

    class Meta:
        abstract = True
        # By the page's id, not the page: ordering by a relation joins the page and its
        # edition to every query. Lists that must read in the paper's order say so
        # (RecordQuerySet.in_reading_order, newest_first).
        ordering = ["page_id", "position", "pk"]

    def get_absolute_url(self):
        return reverse(self.url_name, args=[*self.page.url_args, self.pk])


class Article(Record):
    url_name = "article"
    kicker = models.TextField("引题", blank=True)
    title = models.TextField("标题", blank=True)
    subtitle = models.TextField("副题", blank=True)
    column = models.ForeignKey(
        Column, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles", verbose_name="栏目"
    )
    dateline = models.CharField("电头", max_length=100, blank=True, help_text="如 本报讯、新华社北京2月10日电")
    byline = models.CharField("署名", max_length=200, blank=True)
    authors = models.JSONField("作者", default=list, blank=True)
    body = models.TextField(
        "正文",
        blank=True,
        help_text="段落之间空一行。小标题单独成段，以“## ”开头，例如：## 强信心：多起来、大起来、强起来",
    )
    continuation = models.CharField("转版说明", max_length=100, blank=True, help_text="如（下转第3版）")
    # The other part of an article printed over two pages ("下转第3版" / "上接第1版").
    continued_on = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="continued_from", verbose_name="续文"
    )
    body_html = models.TextField(editable=False, default="")
    keywords = models.JSONField(editable=False, default=list)

    objects = ArticleQuerySet.as_manager()

    history = tracked_history(excluded_fields=["body_html", "keywords"])

    class Meta(Record.Meta):
        verbose_name = verbose_name_plural = "文章"
        default_related_name = "articles"

    def __str__(self):
        return self.title or self.body[:20] or "（无标题）"

    def save(self, *args, **kwargs):
        self.refresh_derived()
        super().save(*args, **kwargs)
        self.keyword_links.all().delete()
        ArticleKeyword.objects.bulk_create(self.keyword_rows())

    def refresh_derived(self):
        self.body_html = body_to_html(self.body)
        self.keywords = extract_keywords(f"{self.kicker} {self.title} {self.subtitle}", self.body)

    def keyword_rows(self):
        return [ArticleKeyword(article=self, word=word) for word in self.keywords]

    def unlinked_notes(self) -> tuple[str, str]:
        """A continuation note whose other part is not linked yet stays text: "（上接第1版）"
        above the body, "（下转第3版）" below. (before, after), either empty."""
        linked = self.continued_on_id is not None or hasattr(self, "continued_from")
        note = "" if linked else self.continuation
        return (note, "") if "接" in note else ("", note)

    def related(self) -> list["Article"]:
        """The paper's stories sharing most keywords with this one, each with .shared, newest
        first among equals; never a part of this story, nor another paper's story.

        Ranked on the keyword rows alone, then loaded: grouping whole articles (and
        their pages) by keyword would grow with the corpus."""
        own_parts = [pk for pk in (self.pk, self.continued_on_id) if pk]
        ranked = (
            ArticleKeyword.objects.filter(
                word__in=self.keywords,
                article__continued_from__isnull=True,
                article__page__edition__paper_id=self.page.edition.paper_id,
            )
            .exclude(article_id__in=own_parts)
            .values("article_id")
            .annotate(shared=models.Count("id"))
            .order_by("-shared", models.F("article__page__edition__date").desc(nulls_last=True), "article_id")[
                :RELATED_COUNT
            ]
        )
        shared = {row["article_id"]: row["shared"] for row in ranked}
        related = Article.objects.with_page().in_bulk(list(shared))
        for pk, count in shared.items():
            related[pk].shared = count
        return [related[pk] for pk in shared]


class ArticleKeyword(models.Model):
    """One of an article's keywords, as a row: related articles are those sharing most."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="keyword_links")
    word = models.CharField(max_length=50, db_index=True)

    class Meta:
        verbose_name = verbose_name_plural = "文章关键词"
        constraints = [models.UniqueConstraint(fields=["article", "word"], name="one_row_per_article_keyword")]

    def __str__(self):
        return self.word


class Brief(Record):
    url_name = "brief"
    NEWS = "news"
    TEASER = "teaser"
    KINDS = [(NEWS, "简讯"), (TEASER, "导读")]

    kind = models.CharField("类型", max_length=10, choices=KINDS, default=NEWS)
    text = models.TextField("内容")
    ref = models.CharField("见报版次", max_length=50, blank=True, help_text="导读所指的版面，如 2版")
    # The article a teaser points to, once the page that holds it is imported.
    target = models.ForeignKey(
        Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="teasers", verbose_name="导读文章"
    )

    history = tracked_history()

    class Meta(Record.Meta):
        verbose_name = verbose_name_plural = "简讯与导读"
        default_related_name = "briefs"

    def __str__(self):
        return self.text[:30]


class Photo(Record):
    url_name = "photo"
    caption = models.TextField("图片说明", blank=True)
    credit = models.CharField("摄影", max_length=200, blank=True)
    image = models.ImageField("图片", upload_to="photos/%Y/%m/", blank=True)
    # The story the photo illustrates, on the same page: paired on import by the words
    # caption and story share (articles/photostories.py); editors may change it.
    article = models.ForeignKey(
        Article,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="story_photos",
        verbose_name="所属文章",
        help_text="图片配发的文章，须在同一版面；文章页在正文前显示这幅图片",
    )

    history = tracked_history()

    class Meta(Record.Meta):
        verbose_name = verbose_name_plural = "图片"
        default_related_name = "photos"

    def __str__(self):
        return self.caption[:30] or self.credit

    def clean(self):
        if self.article_id and self.page_id and self.article.page_id != self.page_id:
            raise ValidationError({"article": "只能配发给同一版面上的文章。"})


class RecordAddress(models.Model):
    """An address a record once had, "/2023-02-11/1/articles/7/", and where its text is now.

    A merge, a split, a conversion between article and brief or a re-import moves
    text from one record to another or deletes it; the old address must keep
    answering (articles/addresses.py): 301 to the record now holding its text, or
    410 when the text is gone. Kept in the database, so that every server answers
    alike and an export carries it.
    """

    KINDS = [("article", "文章"), ("brief", "简讯与导读"), ("photo", "图片")]

    kind = models.CharField("类型", max_length=10, choices=KINDS)
    record_id = models.PositiveIntegerField("原编号")
    target_kind = models.CharField("现类型", max_length=10, choices=KINDS, blank=True)
    target_id = models.PositiveIntegerField("现编号", null=True, blank=True)
    # With no target the text was deleted; the 410 page links to this edition while it
    # exists. A plain number, not a key: deleting a whole edition writes these rows for
    # its records while the edition itself is being deleted.
    edition_id = models.PositiveIntegerField("期次编号", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "旧地址"
        constraints = [models.UniqueConstraint(fields=["kind", "record_id"], name="one_address_per_old_record")]

    def __str__(self):
        where = f"{self.target_kind} {self.target_id}" if self.target_id else "已删除"
        return f"{self.kind} {self.record_id} → {where}"


class EditStep(models.Model):
    """One fix an editor made with a tool (merge, split, conversion), undoable as one step.

    ``before`` holds every record the fix changed or deleted, as it was; ``created``
    the records it made. Undoing deletes those and writes the old ones back, with
    their ids, so their addresses are theirs again (articles/editing.py).
    """

    name = models.CharField("操作", max_length=200)
    done_at = models.DateTimeField("时间", auto_now_add=True)
    before = models.JSONField("操作前", default=list, blank=True)
    created = models.JSONField("新建的记录", default=list, blank=True)
    undone_at = models.DateTimeField("撤销时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "整理操作"
        ordering = ["-done_at", "-pk"]

    def __str__(self):
        return self.name


class SearchDocument(models.Model):
    """One record as the search index sees it: derived data, written with the record
    in the same transaction, and rebuilt by ``manage.py reindex``.

    The full-text index itself is backend specific (articles/search/backends.py):
    an FTS5 table kept in step by triggers on SQLite, a tsvector column with a GIN
    index on PostgreSQL. Both are created by migration 0002.
    """

    ARTICLE, NEWS, TEASER, PHOTO = "article", "news", "teaser", "photo"
    KINDS = [(ARTICLE, "文章"), (NEWS, "简讯"), (TEASER, "导读"), (PHOTO, "图片")]

    kind = models.CharField(max_length=10, choices=KINDS)
    article = models.OneToOneField(Article, on_delete=models.CASCADE, null=True, related_name="search_document")
    brief = models.OneToOneField(Brief, on_delete=models.CASCADE, null=True, related_name="search_document")
    photo = models.OneToOneField(Photo, on_delete=models.CASCADE, null=True, related_name="search_document")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="search_documents")
    date = models.DateField(null=True)
    page_number = models.CharField(max_length=10, blank=True)
    column = models.ForeignKey(Column, on_delete=models.SET_NULL, null=True, related_name="+")
    position = models.PositiveIntegerField(default=0)
    title = models.TextField()  # what a hit shows as its title
    text = models.TextField()  # what a hit's snippet is cut from
    title_words = models.TextField()
    title_grams = models.TextField()
    body_words = models.TextField()
    body_grams = models.TextField()

    class Meta:
        verbose_name = verbose_name_plural = "搜索索引"
        indexes = [models.Index(fields=["date"]), models.Index(fields=["kind", "date"])]

    def __str__(self):
        return f"{self.kind}: {self.title[:30]}"

    @property
    def record(self):
        return self.article or self.brief or self.photo


class DictionaryWord(models.Model):
    """A word jieba should keep whole, such as a name or a term: "李争粉", "物超人"."""

    word = models.CharField("词语", max_length=30, unique=True)
    example = models.TextField("例句", blank=True, help_text="保存后在下方对比加词前后的分词结果")
    created_at = models.DateTimeField("添加时间", auto_now_add=True)
    # How many records holding the word a background task has still to re-segment (dictionary.py).
    records_left = models.PositiveIntegerField("待重新分词", default=0, editable=False)

    class Meta:
        verbose_name = verbose_name_plural = "分词词典"
        ordering = ["word"]

    def __str__(self):
        return self.word


class FunctionWord(models.Model):
    """A word a search need not match, such as 的 or 了, beyond the built-in ones
    (articles/search/functionwords.py): a hit holding it ranks higher."""

    word = models.CharField("虚词", max_length=10, unique=True)
    created_at = models.DateTimeField("添加时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "搜索虚词"
        ordering = ["word"]

    def __str__(self):
        return self.word


class SearchWord(models.Model):
    """A word of the search index (jieba's, of Han characters, two or more), with its
    pinyin: what pinyin queries, "您是不是要找" and the search box's suggestions draw
    on (articles/search/vocabulary.py). Derived data: indexing adds words, and
    ``manage.py reindex`` fills it for a site indexed before it existed."""

    word = models.CharField(max_length=64, unique=True)
    pinyin = models.CharField(max_length=400, db_index=True)  # "lanzhou"
    initials = models.CharField(max_length=64, db_index=True)  # "lz"

    def __str__(self):
        return self.word


class PdfUpload(models.Model):
    """A PDF uploaded in the admin, from its preview to the background import of its pages.

    It lives in the database, not in one server's memory or disk: whichever server
    answers the confirm enqueues the import of exactly the file that was previewed,
    a worker on any machine runs it (articles.tasks), and every server shows its
    progress. Once the import ends, the file's bytes are dropped; the row stays to
    report what happened.
    """

    PREVIEWED, WAITING, READING, STORING, DONE, FAILED = "previewed", "waiting", "reading", "storing", "done", "failed"
    STATUSES = [
        (PREVIEWED, "待确认"),
        (WAITING, "排队等待"),
        (READING, "正在读取版面"),
        (STORING, "正在保存"),
        (DONE, "已导入"),
        (FAILED, "导入失败"),
    ]

    name = models.CharField("文件名", max_length=255)
    data = models.BinaryField("PDF", blank=True)
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)
    status = models.CharField("状态", max_length=10, choices=STATUSES, default=PREVIEWED)
    pages_read = models.PositiveIntegerField("已读页数", default=0)
    pages_total = models.PositiveIntegerField("总页数", default=0)
    message = models.TextField("说明", blank=True)
    pages = models.ManyToManyField(Page, verbose_name="导入的版面", blank=True)
    # What the editor filled in on the form, for pages whose header does not print it.
    paper = models.CharField("报纸", max_length=100, blank=True)
    date = models.DateField("日期", null=True, blank=True)
    number = models.CharField("版次", max_length=10, blank=True)
    section = models.CharField("版名", max_length=50, blank=True)
    replace = models.BooleanField("替换已导入的同一版面", default=False)
    # What the editor chose for records editors changed that the PDF would change:
    # "" (stop and ask), "keep" or "overwrite" (articles/reimporting.py).
    edits = models.CharField("编辑改过的内容", max_length=10, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "上传的 PDF"

    def __str__(self):
        return self.name

    @property
    def finished(self) -> bool:
        return self.status in (self.DONE, self.FAILED)

    @property
    def awaits_choice(self) -> bool:
        """Back to the editor: the import stopped on records editors changed (the message lists them)."""
        return self.status == self.PREVIEWED and bool(self.message)


class SiteGeneration(models.Model):
    """The site's generation: one row, which every change readers can see moves on in its
    own transaction (pagecache.content_changed). Cached pages are kept under the generation
    they were rendered in, so every server, whatever its cache, stops serving a page the
    moment the change that made it stale commits."""

    value = models.CharField(max_length=32)

    class Meta:
        verbose_name = verbose_name_plural = "站点版本"

    def __str__(self):
        return self.value


class DictionaryVersion(models.Model):
    """The version of the editors' dictionary: one row, moved on in the transaction of every
    change to a DictionaryWord (articles/wordlist.py). Each process's jieba holds the words
    in its own memory, so each compares this with the version it loaded, and reloads the
    words when they differ, before it next cuts text: every worker on every server cuts alike."""

    value = models.CharField(max_length=32)

    class Meta:
        verbose_name = verbose_name_plural = "词典版本"

    def __str__(self):
        return self.value
