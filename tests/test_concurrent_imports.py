"""Two imports of the same files at once (two servers, or `make run` twice): both succeed, one waits."""

import threading

import pytest
from paths import SAMPLES, SEED

from articles.importer import import_file
from articles.models import Article, Page

FILES = [SEED, *SAMPLES]


@pytest.mark.django_db(transaction=True)
def test_two_imports_of_the_same_files_at_once_both_succeed():
    start, outcomes, errors = threading.Barrier(2), [], []

    def run():
        from django.db import connection as own_connection

        try:
            start.wait()
            outcomes.append([import_file(path).status for path in FILES])
        except Exception as error:  # noqa: BLE001 - any failure fails the test below
            errors.append(error)
        finally:
            own_connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert sorted(status for statuses in outcomes for status in statuses) == sorted(
        ["created"] * len(FILES) + ["unchanged"] * len(FILES)
    )
    assert Page.objects.count() == len(FILES)
    assert len(set(Article.objects.values_list("page_id", "position"))) == Article.objects.count()
