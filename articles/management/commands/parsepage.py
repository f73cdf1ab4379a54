"""python manage.py parsepage FILE [--json]: show how the parser reads one page, or a PDF.

Without --json it prints an outline for a person checking the page: every
record in the page's reading order, with the fields that are easiest to get
wrong. With --json it prints the structure's JSON contract (PAGE_FORMAT.md).
"""

import json

from django.core.management.base import BaseCommand, CommandError

from articles.pagefile import PageFileError, read_page_file
from articles.parsing import Article, Photo, parse_page
from articles.parsing.pdf import MAX_PDF_BYTES, PdfRefused, is_pdf_file, read_newspaper_pdf

BRIEF_KINDS = {"news": "brief", "teaser": "teaser"}


class Command(BaseCommand):
    help = "Parse one page's text file and print its outline, or its structure as JSON."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the page's text file (UTF-8 or GB18030), or a PDF of one or more pages")
        parser.add_argument("--json", action="store_true", help="print the structure as JSON")

    def handle(self, *args, **options):
        try:
            structures = read_structures(options["file"])
        except (PageFileError, PdfRefused) as error:
            # Exit status 2 and one line on stderr: a wrong file is the
            # user's mistake, not a crash worth a traceback.
            raise CommandError(str(error), returncode=2) from None
        if options["json"]:
            # One page prints as one structure; a PDF of several pages as a list of them.
            data = structures[0].to_dict() if len(structures) == 1 else [s.to_dict() for s in structures]
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
        else:
            self.stdout.write("\n\n".join("\n".join(outline(structure)) for structure in structures))


def read_structures(path):
    """The structure of each page in the file at path: one for a text, one per newspaper page for a PDF."""
    if not is_pdf_file(path):
        return [parse_page(read_page_file(path))]
    with open(path, "rb") as file:
        data = file.read(MAX_PDF_BYTES + 1)
    return [reading.structure for reading in read_newspaper_pdf(data, name=str(path))]


def outline(structure):
    """The lines of a readable outline of a PageStructure."""
    lines = []
    page = structure.page
    header = [page.paper, page.date, f"page {page.number}" if page.number else "", page.section]
    if any(header) or page.lines:
        lines.append("Page: " + " · ".join(part for part in header if part))
        lines += [f"  | {line}" for line in page.lines]
        lines.append("")

    records = [*structure.articles, *structure.briefs, *structure.photos]
    for record in sorted(records, key=lambda record: record.position):
        lines += _describe(record)

    counts = [
        (len(structure.articles), "article"),
        (sum(brief.kind == "news" for brief in structure.briefs), "brief"),
        (sum(brief.kind == "teaser" for brief in structure.briefs), "teaser"),
        (len(structure.photos), "photo"),
        (len(structure.columns), "column rubric"),
    ]
    lines.append("")
    lines.append(", ".join(f"{count} {noun}{'' if count == 1 else 's'}" for count, noun in counts))
    return lines


def _describe(record):
    """One record's outline: a line with its kind and headline, then its notes."""
    where = f"line {record.position + 1:>4}"
    if isinstance(record, Article):
        kind = "article"
        headline = record.title or f"(no title) {_start(''.join(block.text for block in record.body))}"
        notes = [("column", record.column), ("dateline", record.dateline), ("byline", record.byline)]
    elif isinstance(record, Photo):
        kind = "photo"
        headline = _start(record.caption)
        notes = [("credit", record.credit)]
    else:
        kind = BRIEF_KINDS.get(record.kind, record.kind)
        headline = _start(record.text)
        notes = [("ref", record.ref)]
    lines = [f"{where}  {kind:<7}  {headline}"]
    notes = [f"{label}: {value}" for label, value in notes if value]
    if notes:
        lines.append(" " * 20 + "; ".join(notes))
    return lines


def _start(text, length=20):
    """The first characters of text, enough to find it on the page."""
    return text if len(text) <= length else text[:length] + "…"
