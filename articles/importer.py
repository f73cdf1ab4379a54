"""Store a parsed page: every record of it in one transaction, or nothing.

The one importer behind ``manage.py importpages``, the admin's upload and the
tests. Importing the same text again changes nothing; a changed text for a
page already stored replaces its records only when asked to.
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

from .body import blocks_to_body
from .exporting import FORMAT, structure_from_export
from .linking import link_edition, pair_photos
from .models import Article, ArticleKeyword, Brief, Column, Edition, Page, Paper, Photo
from .pagefile import MAX_PAGE_BYTES, PageFileError, read_page_file
from .parsing import PageStructure, parse_page
from .search.index import index_page

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


def import_text(
    text: str, *, source_name: str = "", facts: PageFacts = PageFacts(), replace_changed: bool = False
) -> ImportResult:
    """Parse and store one page's text. What its header prints wins over facts."""
    return import_structure(
        parse_page(text), text, source_name=source_name, facts=facts, replace_changed=replace_changed
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
) -> ImportResult:
    """Store a page's structure, parsed from text or read from an export, in one transaction.
    ``printed`` brings what a PDF adds: the page's pictures and where each record stands."""
    checksum = hashlib.sha256(text.encode()).hexdigest()
    header = structure.page
    facts = PageFacts(header.paper, _iso_date(header.date), header.number, header.section).filled_from(facts)
    with transaction.atomic():
        existing = Page.objects.filter(checksum=checksum).first()
        if existing is not None:
            return ImportResult(existing, UNCHANGED)
        edition, _ = Edition.objects.get_or_create(paper=Paper.named(facts.paper), date=facts.date)
        page = _same_page(edition, facts.number, source_name)
        if page is not None and not replace_changed:
            raise PageImportError(
                f"{source_name or '这一版面'}：{page} 已由另一份文本导入，没有替换。"
                "要替换，请选“替换已导入的同一版面”，或在命令行加 --replace。"
            )
        status = CREATED if page is None else REPLACED
        if page is None:
            page = Page(edition=edition)
        else:
            _delete_records(page)
        page.number, page.section, page.source_name = facts.number, facts.section, source_name
        page.header, page.source_text, page.checksum = "\n".join(header.lines), text, checksum
        if printed is not None:
            images = printed.attach(page, structure)
        page.save()
        store_records(page, structure, images or [], printed.boxes if printed else {})
        pair_photos(page)
        link_edition(edition)
        index_page(page)
    return ImportResult(page, status)


def import_file(path: Path, *, facts: PageFacts = PageFacts(), replace_changed: bool = False) -> ImportResult:
    """Import one page file: a page's text, or a page exported as JSON by ``exportpages``.

    Facts the options do not give come from the folder's manifest.
    """
    if path.suffix == ".json":
        return _import_export(path, replace_changed)
    text = read_page_file(path)
    facts = facts.filled_from(load_manifest(path.parent).get(path.name, PageFacts()))
    return import_text(text, source_name=path.name, facts=facts, replace_changed=replace_changed)


def _import_export(path: Path, replace_changed: bool) -> ImportResult:
    try:
        data = json.loads(path.read_bytes()[: MAX_PAGE_BYTES * 4 + 1])
        if data.get("format") != FORMAT:
            raise PageFileError(f'{path}：这不是 Digest 导出的版面（没有 "format": "{FORMAT}"）。')
        structure = structure_from_export(data)
        text, name = str(data["source"]["text"]), str(data["source"]["name"])
        images = [str(photo.get("image", "")) for photo in data["photos"]]
    except PageFileError:
        raise
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise PageFileError(f"{path}：导出的版面文件无效（{error}）。") from None
    return import_structure(structure, text, source_name=name, replace_changed=replace_changed, images=images)


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


def _delete_records(page: Page) -> None:
    for manager in (page.articles, page.briefs, page.photos):
        manager.all().delete()


def _iso_date(value: str) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise PageImportError(f"{value!r} is not a date (YYYY-MM-DD)") from None
