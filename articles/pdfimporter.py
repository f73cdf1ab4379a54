"""Import a newspaper's PDF: every page in it, with its picture, boxes and photos.

The file is read whole before anything is stored, so a bad PDF changes nothing;
its pages are then stored in one transaction, so a refused page (another text
already imported for it) leaves the others unstored too.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from .importer import ImportResult, PageFacts, import_structure
from .models import Page
from .pagescans import scan_pages
from .parsing import PageStructure
from .parsing.pdf import MAX_PDF_BYTES, PdfReading, PdfRefused, Progress, read_newspaper_pdf

__all__ = ["PdfRefused", "import_pdf", "import_pdf_file"]


@dataclass
class PdfCopy:
    """A PDF page's pictures, and where each record stands, for the importer."""

    data: bytes
    reading: PdfReading
    stem: str
    boxes: dict[int, dict[str, float]] = field(default_factory=dict)
    saved: list[str] = field(default_factory=list)  # files written to storage, to take back on failure

    def __post_init__(self):
        width, height = self.reading.page_size
        for key, (x0, y0, x1, y1) in self.reading.boxes.items():
            self.boxes[key] = {
                "box_left": clamp(x0 / width),
                "box_top": clamp((height - y1) / height),
                "box_width": clamp((x1 - x0) / width),
                "box_height": clamp((y1 - y0) / height),
            }

    def attach(self, page: Page, structure: PageStructure) -> list[str]:
        photos = structure.photos
        pictures = [self.reading.pictures.get(id(photo)) for photo in photos]
        wanted = [(p.x0, p.y0, p.x1, p.y1) for p in pictures if p is not None]
        scan = scan_pages(self.data, self.reading.pdf_pages, wanted)
        page.scan.save(f"{self.stem}.jpg", ContentFile(scan.image), save=False)
        page.thumbnail.save(f"{self.stem}-small.jpg", ContentFile(scan.thumbnail), save=False)
        page.pdf.save(f"{self.stem}.pdf", ContentFile(scan.pdf), save=False)
        self.saved += [page.scan.name, page.thumbnail.name, page.pdf.name]
        crops = iter(scan.crops)
        images = []
        for k, picture in enumerate(pictures):
            if picture is None:
                images.append("")
            else:
                images.append(default_storage.save(f"photos/{self.stem}-{k + 1}.jpg", ContentFile(next(crops))))
                self.saved.append(images[-1])
        return images

    def take_back(self) -> None:
        for name in self.saved:
            default_storage.delete(name)


def clamp(share: float) -> float:
    return min(1.0, max(0.0, share))


def import_pdf(
    data: bytes,
    *,
    source_name: str = "",
    facts: PageFacts | None = None,
    replace_changed: bool = False,
    edits: str | None = None,
    progress: Progress | None = None,
    label: str = "",
) -> list[ImportResult]:
    """Store every newspaper page of a PDF's bytes, or none (PdfRefused, PageImportError).
    ``progress(read, total)`` follows the reading, which takes most of the time; the pages
    are then stored in one transaction. ``label`` names the file in messages (its path, on
    the command line), ``source_name`` in the stored pages."""
    facts = facts or PageFacts()
    name = source_name or "PDF"
    readings = read_newspaper_pdf(data, name=label or name, progress=progress)
    stem = Path(name).stem or "page"
    results = []
    copies = [PdfCopy(data, reading, f"{stem}-{k}") for k, reading in enumerate(readings, start=1)]
    try:
        with transaction.atomic():
            for reading, copy in zip(readings, copies, strict=True):
                page_name = name if len(readings) == 1 else f"{name}#{reading.pdf_pages[0]}"
                results.append(
                    import_structure(
                        reading.structure,
                        reading.text,
                        source_name=page_name,
                        facts=facts,
                        replace_changed=replace_changed,
                        edits=edits,
                        printed=copy,
                    )
                )
    except BaseException:
        # The database forgets the pages; the storage must forget their pictures too.
        for copy in copies:
            copy.take_back()
        raise
    return results


def import_pdf_file(path: Path, **options) -> list[ImportResult]:
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_PDF_BYTES + 1)
    except OSError as error:
        raise PdfRefused(f"{path}：无法读取（{error.strerror or error}）。") from None
    return import_pdf(data, source_name=path.name, label=str(path), **options)
