"""python manage.py importpages PATH... [--paper P] [--date YYYY-MM-DD] [--page N] [--replace]

Each PATH is a page's text file, a PDF of one or more pages, an export, or a folder of them. Each page is stored in one
transaction; a bad file is reported and skipped, and the run then exits with
status 2, while the good files in the same run are still imported.
"""

from argparse import ArgumentTypeError
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from articles.importer import PageFacts, PageImportError, import_file, page_files
from articles.pagefile import PageFileError
from articles.parsing.pdf import is_pdf_file
from articles.pdfimporter import PdfRefused, import_pdf_file


def iso_date(value):
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


class Command(BaseCommand):
    help = "Import newspaper pages from text files or folders of them."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="page text files, PDFs, or folders of them")
        parser.add_argument("--paper", default="", help="the paper, for pages whose header does not print it")
        parser.add_argument("--date", type=iso_date, help="the edition's date (YYYY-MM-DD), when not printed")
        parser.add_argument("--page", default="", help="the page number, when not printed")
        parser.add_argument("--replace", action="store_true", help="replace a page already imported from another text")

    def handle(self, *args, **options):
        facts = PageFacts(paper=options["paper"], date=options["date"], number=options["page"])
        failed = 0
        for path in page_files(options["paths"]):
            try:
                if is_pdf_file(path):
                    progress = self.progress_of(path)
                    results = import_pdf_file(path, facts=facts, replace_changed=options["replace"], progress=progress)
                else:
                    results = [import_file(path, facts=facts, replace_changed=options["replace"])]
            except (PageFileError, PageImportError, PdfRefused) as error:
                failed += 1
                self.stderr.write(str(error))
                continue
            except DatabaseError as error:
                failed += 1
                self.stderr.write(f"{path}：数据库拒绝保存，未导入（{error}）。")
                continue
            for result in results:
                page = result.page
                self.stdout.write(f"{result.status}: {path} -> {page} ({page.articles.count()} articles)")
        if failed:
            raise CommandError(f"{failed} 个文件未导入。", returncode=2)

    def progress_of(self, path):
        """A PDF edition's progress, one line per page read, on stderr: stdout says what was stored."""

        def show(read: int, total: int) -> None:
            if total > 1:
                self.stderr.write(f"{path}：已读 {read}/{total} 页")

        return show
