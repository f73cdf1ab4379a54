"""python manage.py exportpages DIR: every page, as JSON in the page-structure format.

A backup: `importpages DIR` into an empty database rebuilds the same site.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from articles.exporting import export_pages


class Command(BaseCommand):
    help = "Write every page into DIR as JSON, with the editors' changes, for importpages to read back."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, **options):
        written = export_pages(options["folder"])
        self.stdout.write(f"exported {len(written)} pages to {options['folder']}")
