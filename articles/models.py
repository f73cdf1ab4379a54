"""Pages and what was parsed from them: articles, briefs and photos.

An Edition is one paper on one day; a Page is one printed page of it, with the
text it was parsed from. Every record keeps ``position``, the line of the page
where it starts, so the page can be shown in its reading order.

Derived fields (``body_html``, ``keywords``) are computed when a record is
written, never in a template, and are hidden from the admin.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .body import body_to_html
from .keywords import extract_keywords

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


class Edition(models.Model):
    paper = models.CharField("报纸", max_length=100, blank=True)
    # Null when the page prints no date and none was given on import: the site
    # shows such an edition as undated until an editor sets the date.
    date = models.DateField("日期", null=True, blank=True)

    history = tracked_history()

    class Meta:
        verbose_name = verbose_name_plural = "期次"
        ordering = [models.F("date").desc(nulls_last=True), "paper"]
        constraints = [models.UniqueConstraint(fields=["paper", "date"], name="one_edition_per_paper_and_day")]

    def __str__(self):
        return f"{self.paper or '未署名报纸'} {self.date or '未注明日期'}"

    def get_absolute_url(self):
        return reverse("edition", args=[self.url_segment])

    @property
    def url_segment(self):
        return edition_segment(self.date, self.pk)


class PageQuerySet(models.QuerySet):
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
        ordering = ["edition", "number_sort", "number", "pk"]

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

        They need the edition: select_related("page__edition") when listing records."""
        return [self.edition.url_segment, self.url_segment]


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


class RecordQuerySet(models.QuerySet):
    def in_reading_order(self):
        # pk last: teasers printed in one row start on the same line.
        return self.order_by("page__edition__date", "page__number_sort", "page__pk", "position", "pk")

    def newest_first(self):
        return self.order_by(
            models.F("page__edition__date").desc(nulls_last=True), "page__number_sort", "page__pk", "position", "pk"
        )

    def with_page(self):
        # A page's source text is long and no list shows it.
        return self.select_related("page__edition").defer("page__source_text")


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
        ordering = ["page", "position", "pk"]

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


class ArticleKeyword(models.Model):
    """One of an article's keywords, as a row: related articles are those sharing most."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="keyword_links")
    word = models.CharField(max_length=50, db_index=True)

    class Meta:
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

    history = tracked_history()

    class Meta(Record.Meta):
        verbose_name = verbose_name_plural = "图片"
        default_related_name = "photos"

    def __str__(self):
        return self.caption[:30] or self.credit


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

    class Meta:
        verbose_name = verbose_name_plural = "上传的 PDF"

    def __str__(self):
        return self.name

    @property
    def finished(self) -> bool:
        return self.status in (self.DONE, self.FAILED)


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
