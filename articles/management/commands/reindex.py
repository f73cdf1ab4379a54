"""python manage.py reindex: rebuild the search index from the records, from scratch."""

from django.core.management.base import BaseCommand

from articles.search.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from every article, brief and photo."

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(f"indexed {count} records")
