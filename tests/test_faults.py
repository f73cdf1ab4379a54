"""Production under gunicorn, at its edges: static files missing or stale, a cache folder
broken or full, the database down at start-up and restarted under kept connections.

Each fault gives one clear message, and no 5xx beyond the outage itself.
"""

import json
import shutil
import subprocess
import time
import urllib.parse

import pytest
from paths import PAGES, SEED
from servers import ask, gunicorn, run_manage, start_gunicorn

CACHE_WARNING = "warning: the page cache fails, pages are rendered uncached"


# Static files ------------------------------------------------------------------------------


def test_a_production_start_without_collected_static_files_stops_with_one_line(tmp_path):
    result = start_gunicorn(tmp_path / "log", DIGEST_STATIC_ROOT=str(tmp_path / "never-collected"))
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Digest cannot start: the static files are not collected for production")
    assert "collectstatic" in last
    assert "Traceback" not in result.stderr


def test_static_files_collected_with_debug_on_are_refused_too(tmp_path):
    folder = tmp_path / "static"
    run_manage("collectstatic", "--noinput", "-v0", DJANGO_DEBUG="1", DIGEST_STATIC_ROOT=str(folder))
    result = start_gunicorn(tmp_path / "log", DIGEST_STATIC_ROOT=str(folder))
    assert result.returncode != 0
    assert "the static files are not collected for production" in result.stderr.strip().splitlines()[-1]


def test_a_static_file_changed_since_it_was_collected_stops_the_start(tmp_path, collected_static):
    folder = tmp_path / "static"
    shutil.copytree(collected_static, folder)
    # As if css/site.css was edited, and deployed, after collectstatic ran.
    (folder / "css" / "site.css").write_text("/* the old stylesheet */")
    result = start_gunicorn(tmp_path / "log", DIGEST_STATIC_ROOT=str(folder))
    assert result.returncode != 0
    assert "the static file css/site.css changed since it was collected" in result.stderr.strip().splitlines()[-1]


# The cache folder --------------------------------------------------------------------------


@pytest.fixture
def seeded_sqlite(tmp_path):
    database = f"sqlite:///{tmp_path / 'digest.sqlite3'}"
    run_manage("migrate", "-v0", DATABASE_URL=database)
    run_manage("importpages", str(SEED), DATABASE_URL=database)
    return database


@pytest.fixture
def full_disk(tmp_path):
    """A cache folder on a file system with no room left: a tiny tmpfs, filled up. Needs root."""
    mount_point = tmp_path / "full"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)], capture_output=True)
    if mounted.returncode != 0:  # not root: tests/test_page_cache_faults.py fakes the full disk in-process
        pytest.skip(f"cannot mount a tmpfs to fill up ({mounted.stderr.decode().strip()})")
    try:
        (mount_point / "cache").mkdir()
        try:
            with open(mount_point / "filler", "wb", buffering=0) as filler:
                while True:
                    filler.write(b"\0" * 4096)
        except OSError:
            pass  # full
        yield mount_point / "cache"
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


@pytest.fixture
def broken_folder(tmp_path):
    (tmp_path / "a-file").write_text("")
    return tmp_path / "a-file" / "cache"


@pytest.mark.parametrize("fault", ["full_disk", "broken_folder"])
def test_a_full_or_broken_cache_folder_serves_pages_uncached_and_healthz_warns(
    tmp_path, seeded_sqlite, collected_static, request, fault
):
    folder = request.getfixturevalue(fault)
    environment = {"DATABASE_URL": seeded_sqlite, "DIGEST_STATIC_ROOT": str(collected_static)}
    environment["DIGEST_CACHE_DIR"] = str(folder)
    log = tmp_path / "gunicorn.log"
    with gunicorn(log, **environment) as port:
        statuses = [ask(port, path)[0] for path in ("/", "/", "/feeds/atom/", "/sitemap.xml", "/archive/") * 2]
        status, _, body = ask(port, "/healthz")
    assert statuses == [200] * len(statuses)
    assert status == 200 and json.loads(body)["cache"] == CACHE_WARNING
    assert "page cache: could not keep" in log.read_text()
    # An import goes on too, and says nothing of the cache.
    imported = run_manage(
        "importpages", str(PAGES / "sample-1.txt"), DATABASE_URL=seeded_sqlite, DIGEST_CACHE_DIR=str(folder)
    )
    assert "Traceback" not in imported.stderr


# The database ------------------------------------------------------------------------------


def statuses(port, paths, times=1):
    return [ask(port, path)[0] for _ in range(times) for path in paths]


def test_the_database_down_at_start_up_then_back_then_restarted(tmp_path, collected_static, private_postgres):
    """gunicorn starts while PostgreSQL is down and says so at /healthz; once the database is
    back every page answers; a restart of PostgreSQL under kept connections (CONN_MAX_AGE)
    costs no request a 500 once it is up again."""
    database = private_postgres.url
    run_manage("migrate", "-v0", DATABASE_URL=database)
    run_manage("importpages", str(SEED), DATABASE_URL=database)
    private_postgres.stop()
    environment = {"DATABASE_URL": database, "DIGEST_STATIC_ROOT": str(collected_static)}
    environment |= {"DJANGO_CONN_MAX_AGE": "600", "DIGEST_CACHE_DIR": str(tmp_path / "cache")}
    log = tmp_path / "gunicorn.log"
    query = urllib.parse.quote("电动化")
    pages = ["/", "/archive/", f"/search/?q={query}", f"/api/search?q={query}", "/healthz"]
    with gunicorn(log, workers=2, **environment) as port:
        status, _, body = ask(port, "/healthz")
        assert status == 503 and json.loads(body) == {"database": "error", "search": "unknown"}
        assert "Starting without the database" in log.read_text()

        private_postgres.start()
        assert statuses(port, pages, times=4) == [200] * len(pages) * 4  # each worker keeps a connection now

        private_postgres.stop()
        assert ask(port, "/healthz")[0] == 503  # the outage itself
        private_postgres.start()
        time.sleep(0.5)
        assert statuses(port, pages, times=4) == [200] * len(pages) * 4
