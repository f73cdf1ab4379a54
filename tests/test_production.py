"""Production: settings from the environment, security headers, health, request ids, SQLite under load."""

import json
import os
import re
import secrets
import threading

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.db.backends.base.base import BaseDatabaseWrapper
from paths import SEED
from processes import manage
from servers import HOST, ask, free_port, gunicorn, run_manage

from articles.importer import import_file

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "digest.example.com",
}


def test_check_deploy_is_clean_in_production():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret():
    result = manage("check", **{**PRODUCTION, "DJANGO_SECRET_KEY": ""})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_hosts():
    result = manage("check", **{**PRODUCTION, "DJANGO_ALLOWED_HOSTS": ""})
    assert "DJANGO_ALLOWED_HOSTS must be set" in result.stderr


@pytest.mark.parametrize(
    "header, value",
    [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
        ("X-Frame-Options", "DENY"),
    ],
)
def test_every_page_sends_the_security_headers(client, db, header, value):
    assert client.get("/").headers[header] == value


def test_the_content_security_policy_allows_no_inline_script(client, db):
    policy = client.get("/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy


HTTPS_SETTINGS = ["SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_HSTS_SECONDS"]
HTTPS_SETTINGS += ["SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD"]


@pytest.fixture(scope="module")
def production_https():
    """The HTTPS settings as production loads them, read in a fresh interpreter
    (the suite itself runs with DEBUG on, where they are off)."""
    values = f"{{name: getattr(s, name) for name in {HTTPS_SETTINGS}}}"
    code = f"import json; from django.conf import settings as s; print(json.dumps({values}))"
    result = manage("shell", "--no-imports", "-c", code, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_settings_turn_https_protections_on(production_https):
    assert production_https == {
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
    }


def test_hsts_and_secure_cookies_over_https(client, settings, production_https, django_user_model):
    """With production's HTTPS settings, plain HTTP is sent to HTTPS, and over HTTPS
    browsers are told to stay on it and given cookies only for HTTPS."""
    for name, value in production_https.items():
        setattr(settings, name, value)
    assert client.get("/", secure=False).status_code == 301
    response = client.get("/", secure=True)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert client.get("/admin/login/", secure=True).cookies["csrftoken"]["secure"]
    django_user_model.objects.create_user("editor", password="a long pass phrase 42", is_staff=True)
    logged_in = client.post("/admin/login/", {"username": "editor", "password": "a long pass phrase 42"}, secure=True)
    assert logged_in.status_code == 302
    assert logged_in.cookies["sessionid"]["secure"]


def test_forms_carry_a_csrf_token(client, db):
    content = client.get("/admin/login/").content.decode()
    assert 'name="csrfmiddlewaretoken"' in content


def test_healthz_reports_the_database_and_the_search_index(client, db):
    import_file(SEED)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "records": 19, "documents": 19, "search": "ok", "cache": "ok"}


def test_healthz_answers_503_when_the_index_is_stale(client, db):
    import_file(SEED)
    from articles.models import SearchDocument

    SearchDocument.objects.filter(kind="photo").delete()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["search"].startswith("stale")


# What a failed connection can say: a host, its address and a user, for the log alone.
SECRET = 'could not connect to server "db.internal" (10.0.0.7), port 5432, as user "digest_owner"'


def refuse(*args, **kwargs):
    raise OperationalError(SECRET)


def logged_errors(caplog):
    return [str(record.exc_info[1]) for record in caplog.records if record.exc_info]


def test_healthz_hides_a_database_error_from_the_public_and_logs_it(client, db, caplog):
    with pytest.MonkeyPatch.context() as patch, caplog.at_level("ERROR"):
        patch.setattr(BaseDatabaseWrapper, "cursor", refuse)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "error", "search": "unknown"}
    assert SECRET in logged_errors(caplog)


def test_healthz_hides_a_search_index_error_from_the_public_and_logs_it(client, db, caplog):
    with pytest.MonkeyPatch.context() as patch, caplog.at_level("ERROR"):
        patch.setattr("articles.views.health.search", refuse)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "search": "error"}
    assert SECRET in logged_errors(caplog)


def test_every_response_carries_a_request_id(client, db):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert re.fullmatch(r"[0-9a-f]{32}", first.headers["X-Request-ID"])
    assert first.headers["X-Request-ID"] != second.headers["X-Request-ID"]
    given = client.get("/healthz", headers={"X-Request-ID": "proxy-given-id-123"})
    assert given.headers["X-Request-ID"] == "proxy-given-id-123"
    hostile = client.get("/healthz", headers={"X-Request-ID": "<script>"})
    assert hostile.headers["X-Request-ID"] != "<script>"


def test_an_error_is_logged_with_its_request_id(client, db, caplog, settings):
    from django.urls import path

    def broken(request):
        raise RuntimeError("boom")

    settings.ROOT_URLCONF = type("urls", (), {"urlpatterns": [path("broken", broken)]})
    client.raise_request_exception = False
    with caplog.at_level("ERROR"):
        response = client.get("/broken")
    assert response.status_code == 500
    record = next(r for r in caplog.records if r.name == "django.request")
    assert record.request_id == response.headers["X-Request-ID"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="WAL and the busy timeout are SQLite's")
def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(db):
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    assert mode == "wal"
    assert settings.DATABASES["default"]["OPTIONS"]["timeout"] >= 5


@pytest.mark.django_db(transaction=True)
def test_readers_never_see_a_half_imported_page(live_server):
    """A page is imported while another thread keeps counting records: it sees all or nothing."""
    seen, errors, done = set(), [], threading.Event()
    # One statement, so one consistent view of the database.
    counts = (
        "SELECT (SELECT COUNT(*) FROM articles_article), (SELECT COUNT(*) FROM articles_brief),"
        " (SELECT COUNT(*) FROM articles_photo)"
    )

    def read():
        from django.db import connection as thread_connection

        try:
            while not done.is_set():
                with thread_connection.cursor() as cursor:
                    cursor.execute(counts)
                    seen.add(tuple(cursor.fetchone()))
        except Exception as error:  # noqa: BLE001 - any failure fails the test below
            errors.append(error)
        finally:
            thread_connection.close()

    reader = threading.Thread(target=read)
    reader.start()
    try:
        import_file(SEED)
    finally:
        done.set()
        reader.join()
    assert not errors
    assert seen <= {(0, 0, 0), (5, 12, 2)}


def test_gunicorn_preloads_the_app_and_sizes_workers_from_the_cpus(monkeypatch):
    import runpy

    from gunicorn.config import Config

    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    monkeypatch.delenv("DIGEST_BIND", raising=False)
    config = Config()
    for name, value in runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py")).items():
        if name in config.settings:
            config.set(name, value)
    assert config.preload_app is True
    assert config.workers == os.cpu_count() * 2 + 1
    assert config.timeout == 30 and config.graceful_timeout == 30
    assert config.accesslog == "-" and config.bind == ["127.0.0.1:8000"]


def test_a_superuser_can_come_from_the_environment(db, monkeypatch):
    from django.contrib.auth.models import User
    from django.core.management import call_command

    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "root-editor")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a long pass phrase 42")
    call_command("createsuperuser", "--noinput", email="root@example.com")
    user = User.objects.get(username="root-editor")
    assert user.is_superuser and user.check_password("a long pass phrase 42")


# Real gunicorn (tests/servers.py) -------------------------------------------------------


def test_gunicorn_starts_without_the_database_and_healthz_reports_it(tmp_path, collected_static):
    log = tmp_path / "gunicorn.log"
    closed = free_port()  # nothing listens there
    database = f"postgres://digest@127.0.0.1:{closed}/digest"
    with gunicorn(log, DATABASE_URL=database, DIGEST_STATIC_ROOT=str(collected_static)) as port:
        status, _, body = ask(port, "/healthz")
    assert status == 503
    assert json.loads(body)["database"] == "error"  # the detail is in the log, not the answer
    assert "Starting without the database" in log.read_text()


def test_under_gunicorn_the_small_things_an_operator_trips_over_are_right(tmp_path, collected_static):
    database = f"sqlite:///{tmp_path / 'digest.sqlite3'}"
    run_manage("migrate", "-v0", DATABASE_URL=database)
    with gunicorn(tmp_path / "gunicorn.log", DATABASE_URL=database, DIGEST_STATIC_ROOT=str(collected_static)) as port:
        robots, favicon = ask(port, "/robots.txt"), ask(port, "/favicon.ico")
        icon = ask(port, favicon[1]["Location"])
        refused = {method: ask(port, "/", method) for method in ("OPTIONS", "TRACE", "PUT", "DELETE")}
        home = ask(port, "/", headers={"Accept-Encoding": "gzip"})
        login = ask(port, "/admin/login/", headers={"Accept-Encoding": "gzip"})
    assert robots[0] == 200 and f"Sitemap: http://{HOST}/sitemap.xml".encode() in robots[2]
    assert favicon[0] == 302 and icon[0] == 200 and icon[1]["Content-Type"] == "image/svg+xml"
    assert {method: (status, headers["Allow"]) for method, (status, headers, _) in refused.items()} == {
        method: (405, "GET, HEAD") for method in refused
    }
    assert home[0] == 200 and home[1]["Content-Encoding"] == "gzip"
    assert "登录" in login[2].decode() and "Content-Encoding" not in login[1]
