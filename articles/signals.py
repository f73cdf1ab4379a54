"""Keep the search index current when a record is saved one at a time (the admin).

The importer writes whole pages with bulk_create, which sends no signals, and
indexes them itself. Deleting a record deletes its document by cascade.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Article, Brief, Edition, Page, Photo
from .search.index import index_page, index_records


@receiver(post_save, sender=Article)
@receiver(post_save, sender=Brief)
@receiver(post_save, sender=Photo)
def index_saved_record(sender, instance, raw=False, **kwargs):
    if not raw:
        index_records([instance])


@receiver(post_save, sender=Page)
def index_saved_page(sender, instance, raw=False, **kwargs):
    """A page's number or edition is copied into its records' documents."""
    if not raw:
        index_page(instance)


@receiver(post_save, sender=Edition)
def index_saved_edition(sender, instance, raw=False, created=False, **kwargs):
    """An edition's date is copied into its records' documents."""
    if not raw and not created:
        for page in instance.pages.all():
            index_page(page)
