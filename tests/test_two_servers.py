"""Two gunicorn servers on one PostgreSQL: what an editor changes through server A, server B
serves at once, with a cache folder each, and again with one Redis for both.

Each server runs two workers, as a small machine would. B's pages are seen (and
cached) before each change, so a fresh answer after it proves the change reached
B's cache; the dictionary word proves it reached B's workers' jieba, each of them.
"""

import json
import re
from collections import Counter

import pytest
from paths import PAGES, SEED
from servers import Editor, ask, gunicorn, run_manage

PASSWORD = "a long pass phrase 42"
WORD = "新春第一会"
# Each access-log line names the worker that answered (%(p)s), to tell B's two workers apart.
ACCESS_LOG = '%(p)s "%(r)s" %(s)s'


def shell(code, database):
    """What a few lines of Python print with the site's models, on that database."""
    return run_manage("shell", "--no-imports", "-c", code, DATABASE_URL=database).stdout.strip()


@pytest.fixture
def site(postgres_database, collected_static):
    """The seed imported into a new PostgreSQL database, and an editor who may change it."""
    database = postgres_database
    run_manage("migrate", "-v0", DATABASE_URL=database)
    run_manage("importpages", str(SEED), DATABASE_URL=database)
    run_manage(
        "createsuperuser", "--noinput", "--username", "editor", "--email", "editor@example.com",
        DATABASE_URL=database, DJANGO_SUPERUSER_PASSWORD=PASSWORD,
    )  # fmt: skip
    facts = shell(
        "import json; from articles.models import Article, Photo;"
        f" a = Article.objects.get(title__contains='{WORD}'); p = Photo.objects.first();"
        " print(json.dumps({'article': a.pk, 'article_url': a.get_absolute_url(), 'title': a.title,"
        " 'page_url': a.page.get_absolute_url(), 'photo': p.pk, 'photo_url': p.get_absolute_url()}))",
        database,
    )
    return {"database": database, "static": str(collected_static), **json.loads(facts)}


def page(port, path):
    status, _, body = ask(port, path)
    return status, body.decode()


def saves_by_worker(log):
    """How many admin saves of an article each of B's workers answered so far, by pid."""
    return Counter(re.findall(r'^<(\d+)> "POST /admin/articles/article/', log.read_text(), re.MULTILINE))


def until_every_worker_saved(editor, site, log, check, workers=2):
    """Save the article through B until each of its workers has saved it at least once more,
    checking the index after each save."""
    before = saves_by_worker(log)
    for _ in range(40):
        save_through(editor, site)
        check()
        more = saves_by_worker(log) - before
        if len(more) == workers:
            return
    pytest.fail(f"B's saves did not reach all of its {workers} workers: {dict(more)}")


def words_of(site):
    """The words the index holds for the article's body, as the worker that saved it cut them."""
    import psycopg

    with psycopg.connect(site["database"]) as connection:
        row = connection.execute(
            "SELECT body_words FROM articles_searchdocument WHERE article_id = %s", [site["article"]]
        ).fetchone()
    return row[0].split()


def assertion(holds):
    assert holds


def save_through(editor, site):
    editor.submit(f"/admin/articles/article/{site['article']}/change/", form_id="article_form")


@pytest.mark.parametrize("shared_cache", ["a folder each", "one redis"])
def test_what_server_a_changes_server_b_serves_at_once(site, tmp_path, request, shared_cache):
    common = {"DATABASE_URL": site["database"], "DIGEST_STATIC_ROOT": site["static"]}
    common["GUNICORN_CMD_ARGS"] = f"--access-logformat '{ACCESS_LOG}'"
    if shared_cache == "one redis":
        caches = {name: {"DIGEST_CACHE_URL": request.getfixturevalue("private_redis")} for name in "ab"}
    else:
        caches = {name: {"DIGEST_CACHE_DIR": str(tmp_path / f"cache-{name}")} for name in "ab"}
    log_b = tmp_path / "b.log"
    with (
        gunicorn(tmp_path / "a.log", workers=2, **common, **caches["a"]) as a,
        gunicorn(log_b, workers=2, **common, **caches["b"]) as b,
    ):
        editor_a, editor_b = Editor(a), Editor(b)
        editor_a.log_in("editor", PASSWORD)
        editor_b.log_in("editor", PASSWORD)
        seen = ["/", site["article_url"], site["page_url"], "/feeds/atom/", "/sections/articles/", "/archive/"]
        for path in seen + [site["photo_url"]]:
            assert page(b, path)[0] == 200, path  # now in B's cache

        # An edit.
        editor_a.submit(f"/admin/articles/article/{site['article']}/change/", {"title": "甲服务器改过的标题"})
        for path in (site["article_url"], site["page_url"], "/feeds/atom/", "/sections/articles/"):
            assert "甲服务器改过的标题" in page(b, path)[1], path

        # A delete.
        editor_a.submit(f"/admin/articles/photo/{site['photo']}/delete/")
        assert page(b, site["photo_url"])[0] == 410  # its text is gone (addresses.py)
        assert site["photo_url"] not in page(b, site["page_url"])[1]

        # An import.
        assert "沧溟-2" not in page(b, "/archive/")[1] + page(b, "/sections/articles/")[1]
        import_form = editor_a.form_fields("/admin/articles/page/import/")
        text = (PAGES / "sample-1.txt").read_text(encoding="utf-8")
        editor_a.post("/admin/articles/page/import/", [*import_form, ("text", text), ("confirm", "1")])
        assert "青岚科技日报" in page(b, "/archive/")[1]
        assert "沧溟-2" in page(b, "/sections/articles/")[1]

        # A publish: drafts are being added on another branch. Once they land, publish an
        # edition through A here and check that B's home, archive and feed show it.

        # A dictionary word, saved through A: every worker of B cuts with it at its next
        # request. Each save of the article through B is cut by whichever worker takes it.
        assert WORD not in words_of(site)
        editor_a.submit("/admin/articles/dictionaryword/add/", {"word": WORD, "example": ""})
        assert WORD in words_of(site)  # re-segmented by A with the word
        until_every_worker_saved(editor_b, site, log_b, lambda: assertion(WORD in words_of(site)))
        # And deleted through A: gone in every worker of B.
        listing = editor_a.get("/admin/articles/dictionaryword/")
        word_id = re.search(r"/admin/articles/dictionaryword/(\d+)/change/", listing).group(1)
        editor_a.submit(f"/admin/articles/dictionaryword/{word_id}/delete/")
        until_every_worker_saved(editor_b, site, log_b, lambda: assertion(WORD not in words_of(site)))
        status, _, body = ask(b, "/healthz")
        assert status == 200 and json.loads(body)["cache"] == "ok"
    assert " 500 " not in log_b.read_text() and " 500 " not in (tmp_path / "a.log").read_text()
