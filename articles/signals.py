"""Keep derived data current when content is saved one at a time (the admin).

The search index: the importer writes whole pages with bulk_create, which
sends no signals, and indexes them itself. Deleting a record deletes its
document by cascade.

The cached reader pages (pagecache.py): any write or delete of content moves
their generation on. An import always saves its Page, so it moves it too.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Article, Brief, Column, Edition, Page, Paper, Photo
from .pagecache import content_changed
from .search.index import index_page, index_records

CONTENT = (Paper, Edition, Page, Column, Article, Brief, Photo)


def content_written(sender, **kwargs):
    # Even a raw save (loaddata) changes what readers see.
    content_changed()


for model in CONTENT:
    post_save.connect(content_written, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}")
    post_delete.connect(content_written, sender=model, dispatch_uid=f"pagecache-delete-{model.__name__}")


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


@receiver(post_save, sender=Column)
def index_renamed_column(sender, instance, raw=False, created=False, **kwargs):
    """A column's name is searched with its articles: a rename reindexes them."""
    if not raw and not created:
        index_records(instance.articles.select_related("page__edition", "column"))
