"""python manage.py importpages PATH... [--paper P] [--date YYYY-MM-DD] [--page N] [--replace]
    [--keep-edits | --overwrite-edits] [--publish]

A new edition starts as a draft, which only editors see; --publish publishes the
editions the run imported into that are still drafts (make run does, for the seeds).

A changed text for a stored page replaces it only with --replace, and then changes
only the records whose text changed. When editors changed some of those, the
run refuses the page and lists them with a diff of the editor's text against the
new parse; --keep-edits imports the rest and keeps theirs, --overwrite-edits
overwrites them (the history keeps the editor's version).

Each PATH is a page's text file, a PDF of one or more pages, an export, or a folder of them. Each page is stored in one
transaction; a bad file is reported and skipped, and the run then exits with
status 2, while the good files in the same run are still imported.
"""

from argparse import ArgumentTypeError
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from articles.backupchecks import BackupValueError
from articles.importer import ChangedPageError, EditedRecordsError, PageFacts, PageImportError, import_file, page_files
from articles.pagefile import PageFileError
from articles.parsing.pdf import is_pdf_file
from articles.pdfimporter import PdfRefused, import_pdf_file
from articles.publishing import publish_new_drafts
from articles.reimporting import KEEP, OVERWRITE
from articles.restoring import is_backup, restore_backup


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
        edits = parser.add_mutually_exclusive_group()
        edits.add_argument(
            "--keep-edits",
            action="store_const",
            dest="edits",
            const=KEEP,
            help="with --replace: keep the records editors changed, import the rest",
        )
        edits.add_argument(
            "--overwrite-edits",
            action="store_const",
            dest="edits",
            const=OVERWRITE,
            help="with --replace: overwrite the records editors changed (their version stays in the history)",
        )
        parser.add_argument(
            "--publish", action="store_true", help="publish the editions imported into now, if they are drafts"
        )

    def handle(self, *args, **options):
        facts = PageFacts(paper=options["paper"], date=options["date"], number=options["page"])
        failed = 0
        paths = [path for path in options["paths"] if not is_backup(path)]
        for folder in [path for path in options["paths"] if is_backup(path)]:
            try:
                restored = restore_backup(folder, edits=options["edits"])
            except EditedRecordsError as error:
                failed += 1
                self.stderr.write(f"{folder}：{error}")
                self.stderr.write("命令行加 --keep-edits 保留这些修改，或加 --overwrite-edits 用备份覆盖。")
                continue
            except (BackupValueError, DatabaseError) as error:
                failed += 1
                self.stderr.write(f"{folder}：备份没有恢复（{error}）。")
                continue
            self.stdout.write(f"restored: {folder} ({len(restored)} pages)")
            if options["publish"]:
                self.publish({result.page.edition for result in restored})
        for path in page_files(paths):
            try:
                if is_pdf_file(path):
                    progress = self.progress_of(path)
                    results = import_pdf_file(
                        path, facts=facts, replace_changed=options["replace"], progress=progress, edits=options["edits"]
                    )
                else:
                    replace, edits = options["replace"], options["edits"]
                    results = [import_file(path, facts=facts, replace_changed=replace, edits=edits)]
            except EditedRecordsError as error:
                failed += 1
                self.stderr.write(f"{path}：{error}")
                self.stderr.write("命令行加 --keep-edits 保留编辑的修改，或加 --overwrite-edits 覆盖。")
                for pair in error.pairs:
                    self.stderr.write(pair.diff())
                continue
            except ChangedPageError as error:
                failed += 1
                self.stderr.write(f"{error}（命令行请加 --replace）")
                continue
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
            if options["publish"]:
                self.publish({result.page.edition for result in results})
        if failed:
            raise CommandError(f"{failed} 个文件未导入。", returncode=2)

    def publish(self, editions) -> None:
        for edition in editions:
            if publish_new_drafts([edition]):
                self.stdout.write(f"已发布：{edition}")

    def progress_of(self, path):
        """A PDF edition's progress, one line per page read, on stderr: stdout says what was stored."""

        def show(read: int, total: int) -> None:
            if total > 1:
                self.stderr.write(f"{path}：已读 {read}/{total} 页")

        return show
