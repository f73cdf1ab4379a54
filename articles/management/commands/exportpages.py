"""python manage.py exportpages DIR: the whole site as a backup folder (articles/exporting.py).

`importpages DIR` restores it: into an empty database, the same site; onto one
that holds the pages, the backup's state, after the edited-records check.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.exporting import ExportError, export_pages


class Command(BaseCommand):
    help = "Write the whole site into DIR as a backup, for importpages to restore."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, **options):
        try:
            written = export_pages(options["folder"])
        except (ExportError, OSError) as error:
            raise CommandError(f"没有导出：{error}", returncode=2) from None
        self.stdout.write(f"exported {len(written)} pages to {options['folder']}")
