"""The editors' dictionary in this process's jieba, kept in step with the database.

jieba holds its words in each process's memory, and a site runs many processes:
gunicorn workers on several servers, db_worker, commands. The words live in the
database (DictionaryWord), and every change to one moves the dictionary's
version (DictionaryVersion, a random value) on in the same transaction. Before a
process cuts text, for keywords, the index, a query or the admin's comparison,
it calls keep_current(): it reads the version, at most once per request, and
when it is not the one this process loaded, it reads the words and teaches jieba
the new ones and makes it forget the deleted ones. So a word saved through one
worker is used by every worker from its next request on, a deleted word is gone
in all of them, and a recycled worker starts with the words of the database.

Reader pages cut no text, so they never pay for the check. Outside a request (a
command, a background task) every call checks: callers cut once per article or
per batch of records, so that is one cheap query each.
"""

import threading
import uuid

from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .search.terms import add_words, dictionary_form, forget_word

VERSION = 1  # the primary key of the one DictionaryVersion row
_lock = threading.Lock()
_loaded = {"version": None, "words": frozenset()}  # what this process's jieba holds
_request = threading.local()


def keep_current() -> None:
    """Make this process's jieba hold the database's dictionary, if it moved since it was loaded."""
    if getattr(_request, "checked", False):
        return
    # Imported here: models.py imports keywords.py, which calls this.
    from .models import DictionaryVersion, DictionaryWord

    version = DictionaryVersion.objects.filter(pk=VERSION).values_list("value", flat=True).first()
    if version is None:  # a database whose row was lost (flushed)
        version = DictionaryVersion.objects.get_or_create(pk=VERSION, defaults={"value": uuid.uuid4().hex})[0].value
    with _lock:
        if version != _loaded["version"]:
            _load(DictionaryWord.objects.values_list("word", flat=True), version)
    if getattr(_request, "active", False):
        _request.checked = True


def _load(stored_words, version: str) -> None:
    stored = frozenset(form for form in map(dictionary_form, stored_words) if form)
    for word in _loaded["words"] - stored:
        forget_word(word)
    add_words(sorted(stored - _loaded["words"]))
    _loaded.update(version=version, words=stored)


def loaded_version() -> str | None:
    return _loaded["version"]


def reload_at_next_check() -> None:
    """This process changed jieba's words itself (dictionary.word_added): read them again
    next time, whatever the version says, in case that change is rolled back."""
    with _lock:
        _loaded["version"] = None


@receiver(request_started, dispatch_uid="wordlist-request-started")
def _request_started(**kwargs):
    _request.active, _request.checked = True, False


@receiver(request_finished, dispatch_uid="wordlist-request-finished")
def _request_finished(**kwargs):
    _request.active = _request.checked = False


def dictionary_changed(sender, raw=False, **kwargs):
    """Any save or delete of a word (the admin, a shell, a restored backup) moves the version
    on in its own transaction: every process reloads the words once it commits."""
    from .models import DictionaryVersion

    DictionaryVersion.objects.update_or_create(pk=VERSION, defaults={"value": uuid.uuid4().hex})
    _request.checked = False  # this request itself reads the new words at its next cut


def connect() -> None:
    from .models import DictionaryWord

    post_save.connect(dictionary_changed, sender=DictionaryWord, dispatch_uid="wordlist-word-saved")
    post_delete.connect(dictionary_changed, sender=DictionaryWord, dispatch_uid="wordlist-word-deleted")
