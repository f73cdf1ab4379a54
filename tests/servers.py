"""Real servers for the tests: gunicorn in production mode, and the services it runs on.

gunicorn is started as an operator starts it (`gunicorn digest.wsgi`, this
project's gunicorn.conf.py), with production settings and plain HTTP. The
services are the test's own: a PostgreSQL database made on DIGEST_POSTGRES_URL's
server and dropped afterwards, a private redis-server on a free port, or a
private PostgreSQL cluster in a temporary folder for the tests that stop and
restart it. The machine's shared PostgreSQL and Redis are never stopped.

Without PostgreSQL or redis-server these tests skip, saying why, unless
DIGEST_REQUIRE_SERVERS=1 (set by .ci/run) makes that a failure, as
DIGEST_REQUIRE_BROWSER does for the browser tests.
"""

import glob
import html.parser
import http.client
import http.cookiejar
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from paths import ROOT
from processes import manage

from digest.settings import env_bool

GUNICORN = Path(sys.executable).parent / "gunicorn"
HOST = "digest.example.com"
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    # 127.0.0.1 too: the editor's requests below name the address they connect to.
    "DJANGO_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
    "DIGEST_HTTPS": "0",
}


def require(available: bool, reason: str) -> None:
    if available:
        return
    if env_bool("DIGEST_REQUIRE_SERVERS", False):
        pytest.fail(f"{reason}, and DIGEST_REQUIRE_SERVERS is set")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ask(port, path, method="GET", headers=None):
    """One request to gunicorn, as a proxy would send it: (status, headers, body), redirects not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, headers={"Host": HOST, **(headers or {})})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def run_manage(*args, **env):
    """manage.py in a fresh interpreter with the production settings and these variables; it must succeed."""
    result = manage(*args, **{**PRODUCTION, **env})
    assert result.returncode == 0, result.stderr
    return result


@contextmanager
def gunicorn(log, workers=1, **env):
    """gunicorn in production mode on a free port; yields the port once it answers."""
    port = free_port()
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DIGEST_", "GUNICORN_"))}
    environment = {**clean, **PRODUCTION, "DIGEST_BIND": f"127.0.0.1:{port}", **env}
    with open(log, "w") as output:
        server = subprocess.Popen(
            [str(GUNICORN), "digest.wsgi", "--workers", str(workers)],
            cwd=ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for(port, server, log)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_for(port, server, log, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn stopped at start-up:\n{Path(log).read_text()}")
        try:
            ask(port, "/robots.txt")
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"gunicorn did not answer in {seconds} s:\n{Path(log).read_text()}")


def start_gunicorn(log, **env):
    """gunicorn as an operator starts it, to its end (for a start that must fail): the finished process."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DIGEST_", "GUNICORN_"))}
    environment = {**clean, **PRODUCTION, "DIGEST_BIND": f"127.0.0.1:{free_port()}", **env}
    command = [str(GUNICORN), "digest.wsgi", "--workers", "1"]
    return subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """The static files collected once for production, as `make run` and a deploy do: DIGEST_STATIC_ROOT."""
    folder = tmp_path_factory.mktemp("static")
    run_manage("collectstatic", "--noinput", "-v0", DIGEST_STATIC_ROOT=str(folder))
    return folder


# PostgreSQL ------------------------------------------------------------------------------


@pytest.fixture
def postgres_database():
    """A new, empty database on DIGEST_POSTGRES_URL's server, dropped afterwards: its URL."""
    server = os.environ.get("DIGEST_POSTGRES_URL", "")
    require(server.startswith("postgres"), "DIGEST_POSTGRES_URL names no PostgreSQL server for two servers to share")
    import psycopg

    name = f"digest_servers_{os.getpid()}_{secrets.token_hex(3)}"
    parts = urllib.parse.urlsplit(server)
    # Made and dropped from the server's own maintenance database: the URL's may not exist yet.
    maintenance = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
    with psycopg.connect(maintenance, autocommit=True) as admin:
        # Only this test's own database's connections (gunicorn's kept ones, if any are left).
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def postgres_tools():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


class PrivateCluster:
    """A PostgreSQL cluster of the test's own, on a free port, in a temporary folder: it may be
    stopped and started at will, where the machine's shared one must never be."""

    def __init__(self, tools: Path):
        self.tools, self.port = tools, free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="digest-pg-"))
        self.data = self.folder / "data"
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/digest"
        # initdb refuses to run as root: the cluster then belongs to the postgres user.
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            shutil.chown(self.folder, self.user)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")

    def _run(self, tool, *args):
        command = [str(self.tools / tool), *args]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w", "start")

    def stop(self):
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def create_database(self):
        import psycopg

        with psycopg.connect(f"postgres://postgres@127.0.0.1:{self.port}/postgres", autocommit=True) as admin:
            admin.execute("CREATE DATABASE digest")

    def remove(self):
        command = [str(self.tools / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def private_postgres():
    tools = postgres_tools()
    require(tools is not None, "PostgreSQL's initdb is not installed (apt-get install postgresql)")
    cluster = PrivateCluster(tools)
    try:
        cluster.start()
        cluster.create_database()
        yield cluster
    finally:
        cluster.remove()


# Redis -----------------------------------------------------------------------------------


@pytest.fixture
def private_redis():
    """A redis-server of the test's own on a free port, keeping nothing on disk: its URL."""
    binary = shutil.which("redis-server")
    require(binary is not None, "redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=30)


# An editor in the admin, over HTTP -----------------------------------------------------------


class _FormReader(html.parser.HTMLParser):
    """The fields of a page's form with the given id (or its first POST form), as the browser would send them."""

    def __init__(self, form_id=None):
        super().__init__()
        self.form_id, self.inside, self.done = form_id, False, False
        self.fields, self._textarea, self._select = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done and not self.inside:
            if self.form_id:
                self.inside = attrs.get("id") == self.form_id
            else:  # the first form that posts, but the admin header's log-out button
                self.inside = attrs.get("method", "").lower() == "post" and attrs.get("id") != "logout-form"
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "file", "image"):
                self.fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = [name, None]
        elif tag == "option" and self._select is not None and ("selected" in attrs or self._select[1] is None):
            self._select[1] = attrs.get("value", "")

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            if self._select[1] is not None:
                self.fields.append(tuple(self._select))
            self._select = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True


class Editor:
    """An editor's browser, as far as the admin needs one: cookies, forms, CSRF tokens."""

    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path) -> str:
        with self.opener.open(self.base + path, timeout=60) as response:
            return response.read().decode()

    def post(self, path, fields) -> str:
        data = urllib.parse.urlencode(fields).encode()
        with self.opener.open(urllib.request.Request(self.base + path, data=data), timeout=120) as response:
            return response.read().decode()

    def form_fields(self, path, form_id=None) -> list[tuple[str, str]]:
        reader = _FormReader(form_id)
        reader.feed(self.get(path))
        return reader.fields

    def submit(self, path, changes=None, form_id=None) -> str:
        """Open the page, fill its form in with these changes, and send it."""
        changes = changes or {}
        fields = [(name, value) for name, value in self.form_fields(path, form_id) if name not in changes]
        return self.post(path, fields + list(changes.items()))

    def log_in(self, username, password):
        page = self.submit("/admin/login/?next=/admin/", {"username": username, "password": password})
        assert "登出" in page or "注销" in page or "log out" in page.lower(), page[:500]
