"""Store a parsed page: every record of it in one transaction, or nothing.

The one importer behind ``manage.py importpages``, the admin's upload and the
tests. Importing the same text again changes nothing (the text is fingerprinted
as pagefile.normalise_page_text leaves it, whichever way it came in); a changed
text for a page already stored is applied only when asked to, and then changes
only the records whose text changed, never silently one an editor changed
(articles/reimporting.py). Imports into one edition take turns on its row.
"""

import datetime
import hashlib
import json
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from . import reimporting
from .backupchecks import BackupValueError, fits, no_nul, safe_media_name
from .body import blocks_to_body
from .exporting import FORMAT, structure_from_export
from .linking import link_edition, pair_photos
from .models import Article, ArticleKeyword, Brief, Column, Edition, Page, Paper, Photo
from .pagefile import MAX_PAGE_BYTES, PageFileError, normalise_page_text, read_page_file
from .parsing import PageStructure, parse_page
from .parsing.structure import PARAGRAPH, SUBHEAD
from .reimporting import record_label
from .search.index import index_page
from .signals import indexing_deferred

MANIFEST_NAME = "manifest.toml"


class PageImportError(ValueError):
    """The page cannot be stored as asked. str() is a one-line message for a person."""


@dataclass(frozen=True)
class PageFacts:
    """What a page's header may not print: from the importer's options or a manifest."""

    paper: str = ""
    date: datetime.date | None = None
    number: str = ""
    section: str = ""

    def filled_from(self, other: "PageFacts") -> "PageFacts":
        """These facts, with the gaps filled from other."""
        return PageFacts(
            paper=self.paper or other.paper,
            date=self.date or other.date,
            number=self.number or other.number,
            section=self.section or other.section,
        )


@dataclass
class ImportResult:
    page: Page
    status: str  # CREATED, UNCHANGED or REPLACED


CREATED, UNCHANGED, REPLACED = "created", "unchanged", "replaced"


class ChangedPageError(PageImportError):
    """A page already stored came in with another text, and replacing was not asked for."""


class EditedRecordsError(PageImportError):
    """The new text would change records that editors changed: nothing was stored.

    ``pairs`` holds each edited record with its version in the new parse; the
    editor chooses to keep the edits (KEEP) or to overwrite them (OVERWRITE)."""

    def __init__(self, page: Page, pairs: list):
        self.page, self.pairs = page, pairs
        listed = "；".join(record_label(pair.stored) for pair in pairs)
        super().__init__(
            f"{page} 有 {len(pairs)} 条内容经编辑修改过，新的文本会改动它们，所以没有导入：{listed}。"
            "请选择保留编辑的修改（新文本只更新没人改过的内容），或用新文本覆盖这些修改（可在历史记录中恢复）。"
        )


def page_checksum(text: str) -> str:
    """The identity of a page's text: the same file is the same page, whichever way it came in."""
    return hashlib.sha256(normalise_page_text(text).encode()).hexdigest()


def import_text(
    text: str,
    *,
    source_name: str = "",
    facts: PageFacts = PageFacts(),
    replace_changed: bool = False,
    edits: str | None = None,
) -> ImportResult:
    """Parse and store one page's text. What its header prints wins over facts."""
    return import_structure(
        parse_page(text), text, source_name=source_name, facts=facts, replace_changed=replace_changed, edits=edits
    )


def import_structure(
    structure: PageStructure,
    text: str,
    *,
    source_name: str = "",
    facts: PageFacts = PageFacts(),
    replace_changed: bool = False,
    images: list[str] | None = None,
    printed: "PrintedCopy | None" = None,
    edits: str | None = None,
) -> ImportResult:
    """Store a page's structure, parsed from text or read from an export, in one transaction.
    ``printed`` brings what a PDF adds: the page's pictures and where each record stands.
    ``edits`` says what to do with records editors changed that the new text changes:
    None refuses (EditedRecordsError), KEEP keeps them, OVERWRITE overwrites them."""
    checksum = page_checksum(text)
    header = structure.page
    facts = PageFacts(header.paper, _iso_date(header.date), header.number, header.section).filled_from(facts)
    with transaction.atomic(), indexing_deferred():
        edition, _ = Edition.objects.get_or_create(paper=Paper.named(facts.paper), date=facts.date)
        # Imports into one edition take turns: a second import of the same file
        # waits here for the first to commit, then finds its page unchanged
        # (PostgreSQL; SQLite lets one writer in at a time anyway).
        Edition.objects.select_for_update().filter(pk=edition.pk).first()
        existing = Page.objects.filter(checksum=checksum).first()
        if existing is not None:
            return ImportResult(existing, UNCHANGED)
        page = _same_page(edition, facts.number, source_name)
        if page is not None and not (replace_changed or edits):
            raise ChangedPageError(
                f"{source_name or '这一版面'}：{page} 已由另一份文本导入，没有替换。"
                "要替换，请选择“替换已导入的同一版面”。"
            )
        status = CREATED if page is None else REPLACED
        if page is None:
            page = Page(edition=edition)
        page.number, page.section, page.source_name = facts.number, facts.section, source_name
        page.header, page.source_text, page.checksum = "\n".join(header.lines), text, checksum
        if printed is not None:
            images = printed.attach(page, structure)
        boxes = printed.boxes if printed else {}
        images = images or [""] * len(structure.photos)
        if status == REPLACED:
            changes = reimporting.plan(page, structure)
            if changes.edited and edits is None:
                raise EditedRecordsError(page, changes.edited)
            page.save()
            dropped = reimporting.write(changes, edits, f"重新导入 {source_name or '版面'}", boxes)
            fresh = reimporting.new_records(changes)
            image_of = {id(photo): image for photo, image in zip(structure.photos, images, strict=True)}
            structure = _only(structure, fresh)
            images = [image_of[id(photo)] for photo in structure.photos]
        else:
            page.save()
            dropped = []
        store_records(page, structure, images, boxes)
        reimporting.follow_dropped(page, dropped)
        pair_photos(page)
        link_edition(edition)
        # Indexed once, after the records are written, and in the same transaction:
        # the saves above were told not to index (signals.indexing_deferred).
        index_page(page)
    return ImportResult(page, status)


def _only(structure: PageStructure, records: list) -> PageStructure:
    """The structure with only these of its records."""
    keep = {id(record) for record in records}
    return PageStructure(
        page=structure.page,
        articles=[r for r in structure.articles if id(r) in keep],
        columns=structure.columns,
        briefs=[r for r in structure.briefs if id(r) in keep],
        photos=[r for r in structure.photos if id(r) in keep],
    )


def import_file(
    path: Path, *, facts: PageFacts = PageFacts(), replace_changed: bool = False, edits: str | None = None
) -> ImportResult:
    """Import one page file: a page's text, or a page exported as JSON by ``exportpages``.

    Facts the options do not give come from the folder's manifest.
    """
    if path.suffix == ".json":
        return _import_export(path, replace_changed)
    text = read_page_file(path)
    facts = facts.filled_from(load_manifest(path.parent).get(path.name, PageFacts()))
    return import_text(text, source_name=path.name, facts=facts, replace_changed=replace_changed, edits=edits)


def _import_export(path: Path, replace_changed: bool) -> ImportResult:
    try:
        data = json.loads(path.read_bytes()[: MAX_PAGE_BYTES * 4 + 1])
        if data.get("format") != FORMAT:
            raise PageFileError(f'{path}：这不是 Digest 导出的版面（没有 "format": "{FORMAT}"）。')
        no_nul(data, path.name)
        structure = structure_from_export(data)
        text, name = str(data["source"]["text"]), str(data["source"]["name"])
        images = [safe_media_name(photo.get("image", ""), f"{path.name} 的图片") for photo in data["photos"]]
        check_structure(structure, path.name)
    except BackupValueError as error:
        raise PageFileError(str(error)) from None
    except PageFileError:
        raise
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise PageFileError(f"{path}：导出的版面文件无效（{error}）。") from None
    return import_structure(structure, text, source_name=name, replace_changed=replace_changed, images=images)


def check_structure(structure: PageStructure, where: str) -> None:
    """An exported structure's kinds are known ones and its values fit their columns."""
    info = structure.page
    fits(Edition, {"paper": info.paper}, f"{where} 的期次")
    fits(Page, {"number": info.number, "section": info.section}, f"{where} 的版面")
    for name in structure.columns:
        fits(Column, {"name": name}, f"{where} 的栏目")
    for i, article in enumerate(structure.articles, 1):
        label = f"{where} 的文章第 {i} 条"
        if any(block.kind not in (PARAGRAPH, SUBHEAD) for block in article.body):
            raise BackupValueError(f"{label}：正文段落的类型只能是 {PARAGRAPH} 或 {SUBHEAD}，拒绝导入。")
        values = {"dateline": article.dateline, "byline": article.byline, "continuation": article.continuation}
        fits(Article, values, label)
    for i, brief in enumerate(structure.briefs, 1):
        if brief.kind not in (Brief.NEWS, Brief.TEASER):
            raise BackupValueError(f"{where} 的简讯第 {i} 条：类型“{brief.kind}”未知，拒绝导入。")
        fits(Brief, {"ref": brief.ref}, f"{where} 的简讯第 {i} 条")
    for i, photo in enumerate(structure.photos, 1):
        fits(Photo, {"credit": photo.credit}, f"{where} 的图片第 {i} 条")


def page_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Each path that is a file, and the .txt, .pdf and .json files in each path that is a folder, in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                child
                for child in path.iterdir()
                if child.suffix.lower() in (".txt", ".pdf", ".json") and child.is_file()
            )
        else:
            yield path


def load_manifest(folder: Path) -> dict[str, PageFacts]:
    """The facts a folder's manifest.toml gives for each of its files, by file name."""
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return {}
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8"))
        return {
            name: PageFacts(
                paper=str(entry.get("paper", "")),
                date=_iso_date(str(entry.get("date", ""))),
                number=str(entry.get("page", "")),
                section=str(entry.get("section", "")),
            )
            for name, entry in entries.items()
        }
    except (tomllib.TOMLDecodeError, AttributeError, PageImportError, UnicodeDecodeError) as error:
        raise PageFileError(f"{path}：manifest.toml 无效（{error}）。") from None


class PrintedCopy(Protocol):
    """What a PDF adds to a page's structure (articles.pdfimporter)."""

    boxes: dict[int, dict[str, float]]  # id(parsed record) -> its box_* fields

    def attach(self, page: Page, structure: PageStructure) -> list[str]:
        """Save the page's pictures on it, and return the stored image of each photo."""


def store_records(page: Page, structure: PageStructure, images: list[str], boxes: dict | None = None) -> None:
    """Write a parsed structure's records under page, which has none yet; images names
    the uploaded file of each photo, when the structure comes from an export or a PDF,
    and boxes where each record is printed, by id() of the parsed record."""
    boxes = boxes or {}
    columns = {name: Column.objects.get_or_create(name=name)[0] for name in structure.columns}
    articles = []
    for parsed in structure.articles:
        article = Article(
            page=page,
            position=parsed.position,
            kicker=parsed.kicker,
            title=parsed.title,
            subtitle=parsed.subtitle,
            column=columns.get(parsed.column) if parsed.column else None,
            dateline=parsed.dateline,
            byline=parsed.byline,
            authors=parsed.authors,
            body=blocks_to_body(parsed.body),
            continuation=parsed.continuation,
            **boxes.get(id(parsed), {}),
        )
        article.refresh_derived()
        articles.append(article)
    # With history, so that an editor can see (and revert to) what the parser made.
    reason = f"导入 {page.source_name or '版面'}"
    articles = bulk_create_with_history(articles, Article, default_change_reason=reason)
    ArticleKeyword.objects.bulk_create([row for article in articles for row in article.keyword_rows()])
    briefs = [
        Brief(
            page=page,
            position=brief.position,
            kind=brief.kind,
            text=brief.text,
            ref=brief.ref,
            **boxes.get(id(brief), {}),
        )
        for brief in structure.briefs
    ]
    bulk_create_with_history(briefs, Brief, default_change_reason=reason)
    photos = [
        Photo(
            page=page,
            position=photo.position,
            caption=photo.caption,
            credit=photo.credit,
            image=image,
            **boxes.get(id(photo), {}),
        )
        for photo, image in zip(structure.photos, images or [""] * len(structure.photos), strict=True)
    ]
    bulk_create_with_history(photos, Photo, default_change_reason=reason)


def _same_page(edition: Edition, number: str, source_name: str) -> Page | None:
    """The stored page this text is a new version of: same edition and page number,
    or, for a page with no number, same edition and file name."""
    if number:
        return edition.pages.filter(number=number).first()
    if source_name:
        return edition.pages.filter(number="", source_name=source_name).first()
    return None


def _iso_date(value: str) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise PageImportError(f"“{value}”不是日期（应为 年-月-日，如 2023-02-11）。") from None
