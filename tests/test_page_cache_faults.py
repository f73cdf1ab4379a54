"""A page cache that fails or is full costs speed, never an answer (articles/pagecache.py).

Each fault: reader pages still answer 200 with the right content, /healthz stays
200 and warns, the log says why, and an import goes on.
"""

import errno
import socket

import pytest
from django.core.management import call_command
from paths import PAGES, SEED

from articles.importer import import_file
from articles.models import Article

FILE_CACHE = "articles.filecache.PageCacheFolder"  # the production default
CACHE_WARNING = "warning: the page cache fails, pages are rendered uncached"


def no_room(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def full_folder(settings, tmp_path, monkeypatch):
    """A cache folder on a full disk: every new file it would write fails with ENOSPC."""
    settings.CACHES = {"default": {"BACKEND": FILE_CACHE, "LOCATION": str(tmp_path / "cache")}}
    monkeypatch.setattr("django.core.cache.backends.filebased.tempfile.mkstemp", no_room)


@pytest.fixture
def broken_folder(settings, tmp_path):
    """A cache folder that cannot be: its path runs through a plain file (as root, no
    permission bit stops a write, but this does)."""
    (tmp_path / "not-a-folder").write_text("")
    settings.CACHES = {"default": {"BACKEND": FILE_CACHE, "LOCATION": str(tmp_path / "not-a-folder" / "cache")}}


@pytest.fixture
def redis_down(settings):
    """DIGEST_CACHE_URL's Redis, with nothing listening at its address."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


FAULTS = ["full_folder", "broken_folder", "redis_down"]


@pytest.mark.parametrize("fault", FAULTS)
def test_reader_pages_are_served_uncached_when_the_cache_fails(client, seed_page, request, fault, caplog):
    story = Article.objects.filter(page=seed_page).order_by("position").first()
    request.getfixturevalue(fault)
    with caplog.at_level("WARNING", logger="articles.pagecache"):
        for _ in range(2):  # the second time finds nothing kept, and renders again
            assert story.title in client.get(story.get_absolute_url()).content.decode()
            assert client.get("/").status_code == 200
            assert client.get("/feeds/atom/").status_code == 200
            assert client.get("/sitemap.xml").status_code == 200
    assert any("page cache: could not" in record.getMessage() for record in caplog.records)
    story.title = "缓存坏了也要看到的新标题"
    story.save()
    assert story.title in client.get(story.get_absolute_url()).content.decode()


@pytest.mark.parametrize("fault", FAULTS)
def test_healthz_stays_up_and_warns_when_the_cache_fails(client, seed_page, request, fault):
    request.getfixturevalue(fault)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["cache"] == CACHE_WARNING
    assert response.json()["database"] == "ok"


def test_healthz_says_the_cache_is_ok_when_it_works(client, seed_page):
    assert client.get("/healthz").json()["cache"] == "ok"


@pytest.mark.parametrize("fault", ["full_folder", "broken_folder"])
def test_importpages_goes_on_with_a_failing_cache_folder(db, request, fault, capsys):
    request.getfixturevalue(fault)
    # With the system checks, as manage.py runs them: they create the cache, folder and all.
    call_command("importpages", str(SEED), str(PAGES / "sample-1.txt"), skip_checks=False)
    assert Article.objects.count() > 5
    import_file(PAGES / "sample-3.txt")  # and an import through the code the admin uses
