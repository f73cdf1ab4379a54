"""Export pages as JSON in the page-structure format, editors' changes included.

``importpages`` reads these files back (articles/importer.py), so an export
is a backup: importing it into an empty database rebuilds the same site.
Uploaded photo files stay in MEDIA_ROOT; the export names them.
"""

import json
from pathlib import Path

from .body import body_to_blocks
from .models import Page
from .parsing.structure import Article, Brief, PageInfo, PageStructure, Photo

FORMAT = "digest-page/1"


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
            Article(
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
            Brief(brief.kind, brief.text, brief.ref, position=brief.position)
            for brief in page.briefs.order_by("position", "pk")
        ],
        photos=[Photo(photo.caption, photo.credit, position=photo.position) for photo in photos],
    )
    data = {"format": FORMAT, "source": {"name": page.source_name, "text": page.source_text}, **structure.to_dict()}
    for exported, photo in zip(data["photos"], photos, strict=True):
        exported["image"] = photo.image.name or ""
    return data


def export_pages(folder: Path) -> list[Path]:
    """Write every page into folder, one JSON file each, named so that name order is import order."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for page in Page.objects.select_related("edition").order_by("pk"):
        day = page.edition.date.isoformat() if page.edition.date else "undated"
        path = folder / f"{page.pk:06d}_{day}_{page.number or 'x'}.json"
        path.write_text(json.dumps(page_export(page), ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(path)
    return written


def structure_from_export(data: dict) -> PageStructure:
    """The PageStructure of an exported page (KeyError or TypeError when it is not one):
    the structure's own form, with each photo's "image" (the file's name) beside it."""
    photos = [{key: value for key, value in photo.items() if key != "image"} for photo in data["photos"]]
    return PageStructure.from_dict({**data, "photos": photos})
