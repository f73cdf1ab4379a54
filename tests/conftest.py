"""Shared fixtures for the test suite.

Test pages live in the repository (tests/paths.py says where), so the tests
never reach outside it.
"""

import datetime

import pytest
from accounts import make_editor
from browser import CHROMIUM, CHROMIUM_ARGS, DESKTOP, SCREENSHOTS, TIMEOUT_MS, Tab, require_chromium
from django.core.cache import cache, caches
from django.test import override_settings
from paths import PAGES, SAMPLES, SEED
from published import published

from articles.importer import PageFacts, import_file, import_text
from articles.models import Column, Edition, Paper, RecordAddress, SearchWord

# Real servers and the services they run on, for the tests that start gunicorn (tests/servers.py).
pytest_plugins = ["servers"]

# Only test passwords are hashed here: the real hasher spends a deliberate
# fraction of a second on each one, the fast one none.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def fast_password_hasher():
    """Every test hashes passwords with the fast hasher (production keeps Django's default)."""
    with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        yield


@pytest.fixture(autouse=True)
def page_cache(settings):
    """Rendered pages in this process's memory, empty for each test: one test's
    pages are never served to the next, whose database is different."""
    in_memory = "django.core.cache.backends.locmem.LocMemCache"
    settings.CACHES = {
        "default": {"BACKEND": in_memory, "LOCATION": "tests"},
    }
    for alias in settings.CACHES:
        caches[alias].clear()
    return cache


@pytest.fixture
def reader_queries(django_assert_num_queries):
    """django_assert_num_queries for a reader page that is not cached yet: the view's own
    queries, the one that reads the site's generation before any page is looked up, and
    the one that reads it again before the page is kept (articles/pagecache.py)."""
    return lambda count: django_assert_num_queries(count + 2)


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """Background tasks run inside the request that enqueues them, as with no worker:
    a test sees their outcome at once. tests/test_pdf_upload_worker.py runs the real queue."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def alice(db):
    return make_editor()


@pytest.fixture
def live_alice(transactional_db):
    """The same editor, for a browser's live server, which sees only committed rows."""
    return make_editor()


@pytest.fixture
def editor_client(client, alice):
    client.force_login(alice)
    return client


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """The seed and the sample pages, imported once for the module's read-only tests."""
    with django_db_blocker.unblock():
        for path in [SEED, *SAMPLES]:
            published(import_file(path))
        yield
        Edition.objects.all().delete()
        Paper.objects.all().delete()
        Column.objects.all().delete()
        SearchWord.objects.all().delete()  # the index's words, which no record owns
        RecordAddress.objects.all().delete()  # what deleting the records wrote down


@pytest.fixture
def seed_page(db):
    """The real front page of 科技日报, 11 February 2023: 5 articles, 7 news briefs, 5 teasers, 2 photos."""
    return published(import_file(SEED))


@pytest.fixture
def all_pages(seed_page):
    """The seed and the three sample pages: four editions, one of them undated (sample-2), newest first."""
    samples = [published(import_file(PAGES / f"sample-{n}.txt")) for n in (1, 2, 3)]
    return [samples[0], seed_page, samples[2], samples[1]]


@pytest.fixture
def continued_pages(db):
    """Page 1 of 云川日报, 10 February 2023 (sample-3), whose lead article goes on "（下转第3版）",
    and sample-2 as its page 3, whose second article starts "（上接第1版）"."""
    front = published(import_file(PAGES / "sample-3.txt"))
    facts = PageFacts(paper="云川日报", date=datetime.date(2023, 2, 10), number="3")
    third = published(import_file(PAGES / "sample-2.txt", facts=facts))
    return front, third


@pytest.fixture
def make_page(db):
    """A builder: import a small page of one article, as its text would arrive; returns the Page."""

    def make_page(title, paragraphs, *, paper="试验日报", date="2023年4月1日 星期六", number="1"):
        body = "\n\n".join(paragraphs)
        text = f"\n{paper}\n\n{date} 第{number}版 要闻\n\n{title}\n\n本报讯（记者 秦朗） {body}\n"
        return published(import_text(text, source_name=f"{title}.txt"))

    return make_page


@pytest.fixture
def import_sample(db):
    """A builder: import tests/fixtures/pages/<name>.txt, with the facts its header does not print."""

    def import_sample(name, *, paper="", date=None, number=""):
        return published(import_file(PAGES / f"{name}.txt", facts=PageFacts(paper=paper, date=date, number=number)))

    return import_sample


# Browser tests (tests/browser.py) ---------------------------------------------


@pytest.fixture(scope="module")
def chromium():
    """The system Chromium, started once for a test module; never a downloaded browser."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, and
    # Django refuses database queries from a thread with a running loop. The
    # tests' own queries are plain synchronous ones, so they may go ahead.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@pytest.fixture
def open_tab(chromium, live_server):
    """A builder: open_tab(width) opens a Tab on the live server, with a fresh
    profile (no cookies), in a window that many CSS pixels wide."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    contexts = []

    def open_tab(width=DESKTOP):
        context = chromium.new_context(viewport={"width": width, "height": 800}, locale="zh-CN")
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return Tab(context.new_page(), live_server.url, width)

    yield open_tab
    for context in contexts:
        context.close()
