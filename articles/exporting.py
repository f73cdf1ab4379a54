"""Export the whole site as a backup folder that articles/restoring.py reads back.

A backup is a folder:

    backup.json          the site: columns, editions, the dictionary, old addresses,
                         the fix steps, and every version in the history
    pages/000042.json    one page each: its edition (self-describing: paper, date),
                         the page, and every record with its id, as stored

Every field is written as stored (a body's line breaks inside a paragraph, a
page's imported_at, editor-set links by id), except what is derived from the
rest (body_html, keywords, number_sort, checksum, the search index), which a
restore computes again. The folder is written beside the target and swapped
in whole, so a restore never reads a mix of two exports. The export reads one
consistent snapshot of the database.

Older exports, one "digest-page/1" file per page in the page-structure format,
are still read (articles/importer.py).
"""

import datetime
import json
import shutil
import tempfile
from pathlib import Path

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction

from .body import body_to_blocks
from .models import (
    Article,
    Brief,
    Column,
    DictionaryWord,
    Edition,
    EditStep,
    FormerPaperSlug,
    Page,
    Paper,
    Photo,
    RecordAddress,
)
from .parsing.structure import Article as ParsedArticle
from .parsing.structure import Brief as ParsedBrief
from .parsing.structure import PageInfo, PageStructure
from .parsing.structure import Photo as ParsedPhoto

FORMAT = "digest-page/1"  # the older one-file-per-page export
BACKUP_FORMAT = "digest-backup/1"
PAGE_FORMAT = "digest-page/2"
BACKUP_FILE = "backup.json"
PAGES_FOLDER = "pages"
# Computed from the other fields on restore, so never carried. An article's keywords
# are carried: they depend on the dictionary jieba knew when they were computed.
DERIVED = {"body_html", "number_sort", "checksum"}
HISTORY_MODELS = (Paper, Edition, Page, Column, Article, Brief, Photo)


def is_history(model) -> bool:
    """Whether model holds history versions (django-simple-history's historical models)."""
    return hasattr(model, "instance_type")


class ExportError(ValueError):
    """The export cannot be written where asked; str() says why, in Chinese."""


def row(instance, skip=()) -> dict:
    """A stored row as JSON values, by column (attname), derived fields left out (a history
    version keeps them all: it is what was stored then)."""
    values = {}
    derived = set() if is_history(type(instance)) else DERIVED
    for field in instance._meta.concrete_fields:
        if field.attname in derived or field.attname in skip:
            continue
        value = getattr(instance, field.attname)
        if hasattr(value, "name") and not isinstance(value, str):  # a FieldFile
            value = value.name or ""
        values[field.attname] = value
    return values


def history_rows(model) -> list[dict]:
    rows = []
    for version in model.history.model.objects.order_by("history_id").select_related("history_user"):
        values = row(version, skip={"history_user_id"})
        values["history_user"] = version.history_user.get_username() if version.history_user_id else ""
        rows.append(values)
    return rows


def page_backup(page: Page) -> dict:
    edition = page.edition
    return {
        "format": PAGE_FORMAT,
        # Self-describing: the paper by name and slug, whatever its id where restored.
        "paper": row(edition.paper),
        "edition": row(edition),
        "page": row(page),
        "articles": [row(a) for a in page.articles.order_by("position", "pk")],
        "briefs": [row(b) for b in page.briefs.order_by("position", "pk")],
        "photos": [row(p) for p in page.photos.order_by("position", "pk")],
    }


def site_backup() -> dict:
    return {
        "format": BACKUP_FORMAT,
        "papers": [row(p) for p in Paper.objects.order_by("pk")],
        "former_paper_slugs": [row(s) for s in FormerPaperSlug.objects.order_by("pk")],
        "columns": [row(c) for c in Column.objects.order_by("pk")],
        "editions": [row(e) for e in Edition.objects.order_by("pk")],
        "dictionary": [row(w) for w in DictionaryWord.objects.order_by("pk")],
        "addresses": [row(a) for a in RecordAddress.objects.order_by("pk")],
        "edit_steps": [row(s) for s in EditStep.objects.order_by("pk")],
        "history": {model._meta.model_name: history_rows(model) for model in HISTORY_MODELS},
    }


class _Encoder(DjangoJSONEncoder):
    """Django's JSON, but a time keeps its microseconds (Django's cuts them to milliseconds),
    so a restored history keeps its versions' exact times and order."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            return o.isoformat()
        return super().default(o)


def _write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, cls=_Encoder), encoding="utf-8")


def export_pages(folder: Path) -> list[Path]:
    """Write the backup into folder: a new one, or in place of an older export, whole.
    Returns the page files written (their paths once swapped in)."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or (any(folder.iterdir()) and not _is_export(folder))):
        raise ExportError(f"{folder}：已存在且不是 Digest 的导出，没有覆盖。请换一个文件夹。")
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.new-", dir=folder.parent))
    try:
        names = _write_backup(staging)
        _swap_in(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [folder / PAGES_FOLDER / name for name in names]


def _write_backup(staging: Path) -> list[str]:
    (staging / PAGES_FOLDER).mkdir()
    names = []
    # One snapshot for every query of the export (SQLite's read transaction is one
    # already); inside a caller's transaction, that transaction's view.
    snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic():
        if snapshot:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        for page in Page.objects.select_related("edition__paper").order_by("pk"):
            name = f"{page.pk:06d}.json"
            _write_json(staging / PAGES_FOLDER / name, page_backup(page))
            names.append(name)
        # Written last: a folder with backup.json is a finished export.
        _write_json(staging / BACKUP_FILE, site_backup())
    return names


def _is_export(folder: Path) -> bool:
    return (folder / BACKUP_FILE).is_file() or all(p.suffix == ".json" for p in folder.iterdir())


def _swap_in(staging: Path, folder: Path) -> None:
    """Put the finished export where the old one was: never a folder holding both."""
    if not folder.exists():
        staging.rename(folder)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old-", dir=folder.parent))
    old.rmdir()
    folder.rename(old)
    staging.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


# The older export, one page per file in the page-structure format ---------------


def page_export(page: Page) -> dict:
    """One page as the parser's JSON contract, plus its source and each record's place."""
    edition = page.edition
    articles = list(page.articles.select_related("column").order_by("position", "pk"))
    photos = list(page.photos.order_by("position", "pk"))
    structure = PageStructure(
        page=PageInfo(
            paper=edition.paper.name,
            date=edition.date.isoformat() if edition.date else "",
            number=page.number,
            section=page.section,
            lines=page.header.splitlines(),
        ),
        articles=[
            ParsedArticle(
                title=article.title,
                kicker=article.kicker,
                subtitle=article.subtitle,
                column=article.column.name if article.column else "",
                dateline=article.dateline,
                byline=article.byline,
                authors=list(article.authors),
                body=body_to_blocks(article.body),
                continuation=article.continuation,
                position=article.position,
            )
            for article in articles
        ],
        columns=sorted({article.column.name for article in articles if article.column}),
        briefs=[
            ParsedBrief(brief.kind, brief.text, brief.ref, position=brief.position)
            for brief in page.briefs.order_by("position", "pk")
        ],
        photos=[ParsedPhoto(photo.caption, photo.credit, position=photo.position) for photo in photos],
    )
    data = {"format": FORMAT, "source": {"name": page.source_name, "text": page.source_text}, **structure.to_dict()}
    for exported, photo in zip(data["photos"], photos, strict=True):
        exported["image"] = photo.image.name or ""
    return data


def structure_from_export(data: dict) -> PageStructure:
    """The PageStructure of an exported page (KeyError or TypeError when it is not one):
    the structure's own form, with each photo's "image" (the file's name) beside it."""
    photos = [{key: value for key, value in photo.items() if key != "image"} for photo in data["photos"]]
    return PageStructure.from_dict({**data, "photos": photos})
