"""Addresses that survive editing: the one home of the rule for a record's old address.

Every record's address names its kind and id ("/2023-02-11/1/articles/7/"). When
a fix or a re-import moves a record's text into another record, or deletes it,
the old kind and id are written here with where the text went. A reader who
comes back to the old address then gets 301 to the record holding the text now,
or 410 with a Chinese page linking to the edition, never a bare 404.
"""

from django.http import Http404
from django.shortcuts import redirect, render

from .models import Article, Brief, Edition, Page, Photo, RecordAddress

MODELS = {"article": Article, "brief": Brief, "photo": Photo}


def kind_of(record) -> str:
    return record.url_name


def moved(kind: str, pk: int, to) -> None:
    """The text of record (kind, pk) is now held by record ``to``."""
    _point(kind, pk, target_kind=kind_of(to), target_id=to.pk, edition_id=to.page.edition_id)


def gone(kind: str, pk: int, edition_id: int | None) -> None:
    """The text of record (kind, pk) was deleted; its address answers 410."""
    _point(kind, pk, target_kind="", target_id=None, edition_id=edition_id)


def _point(kind: str, pk: int, **target) -> None:
    RecordAddress.objects.update_or_create(kind=kind, record_id=pk, defaults=target)
    # Addresses that led to this record follow its text on, so no old address
    # needs two redirects (merge 7 into 5, then 5 into 3: 7 answers 3).
    RecordAddress.objects.filter(target_kind=kind, target_id=pk).update(**target)


def deleted(record) -> None:
    """A record was deleted: its address answers 410, unless the deleting fix then says
    where its text went (moved() overwrites this)."""
    edition_id = Page.objects.filter(pk=record.page_id).values_list("edition_id", flat=True).first()
    gone(kind_of(record), record.pk, edition_id)


def back(record) -> None:
    """The record is at its own address again (an undo wrote it back): nothing redirects it."""
    RecordAddress.objects.filter(kind=kind_of(record), record_id=record.pk).delete()


def answer_for_missing(request, kind: str, pk: int):
    """What the address of a record that is no longer there answers: 301, 410, or 404
    for an address that never existed."""
    entry = RecordAddress.objects.filter(kind=kind, record_id=pk).first()
    if entry is None:
        raise Http404("没有这条内容")
    if entry.target_id is not None:
        target = MODELS[entry.target_kind].objects.with_page().filter(pk=entry.target_id).first()
        if target is not None:
            return redirect(target, permanent=True)
    edition = Edition.objects.filter(pk=entry.edition_id).first() if entry.edition_id else None
    context = {"edition": edition, "title": "这条内容已删除"}
    return render(request, "reading/gone.html", context, status=410)
