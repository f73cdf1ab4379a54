"""A scratch Digest served by gunicorn on 127.0.0.1, and a bounded load generator for it.

What bench/serve.py and bench/load.py share. Nothing here talks to any address
but 127.0.0.1.

- ScratchSite: a copy of the working tree under /tmp, served from there, so
  that edits made to the checkout during a run (other people work in it) change
  nothing measured, and collectstatic writes to the copy's var/; a throwaway
  database (an SQLite file in the copy's folder, or a scratch PostgreSQL database
  on 127.0.0.1 that is dropped afterwards); production settings: DJANGO_DEBUG=0,
  a generated secret, DJANGO_ALLOWED_HOSTS=127.0.0.1, DIGEST_HTTPS=0. set_up()
  does what `make run` does before serving: migrate, importpages seeds/,
  collectstatic.
- Gunicorn: gunicorn started as `make run` starts it (gunicorn.conf.py, digest.wsgi),
  bound to a free loopback port, with bench.minimal_settings so /minimal is served
  by the same processes and middleware as the pages. Ready when /healthz answers 200.
- run_load(): Python threads with http.client, a fixed concurrency, stopping at a
  deadline or a request budget, whichever comes first; each request's latency is
  recorded from sending the request to reading the whole body.
"""

import contextlib
import http.client
import multiprocessing
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = "127.0.0.1"
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"


def postgres_admin(*statements: str) -> None:
    """Run statements on the server's "postgres" database: creating and dropping scratch ones."""
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
GUNICORN = str(VENV_BIN / "gunicorn")
SERVE_SETTINGS = "bench.minimal_settings"
SNAPSHOT_SKIPS = (".git", ".venv", "var", "__pycache__", ".pytest_cache", ".ruff_cache", "node_modules")


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _git(args: list[str]) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False).stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


class ScratchSite:
    """A copy of the working tree, a throwaway database, and the environment that points the copy at it."""

    def __init__(self, database: str = "sqlite"):
        self.database = database
        self.dir = Path(tempfile.mkdtemp(prefix="digest-serving-"))
        self.root = self.dir / "digest"
        shutil.copytree(ROOT, self.root, ignore=shutil.ignore_patterns(*SNAPSHOT_SKIPS))
        self.revision = _git(["rev-parse", "--short", "HEAD"]).strip()
        self.uncommitted = len(_git(["status", "--porcelain"]).splitlines())
        self.postgres_name = ""
        if database == "sqlite":
            url = f"sqlite:///{self.dir / 'digest.sqlite3'}"
        elif database == "postgres":
            self.postgres_name = f"digest_bench_serving_{os.getpid()}"
            try:
                postgres_admin(f'CREATE DATABASE "{self.postgres_name}"')
            except Exception:
                shutil.rmtree(self.dir, ignore_errors=True)
                raise
            url = f"{POSTGRES_SERVER}/{self.postgres_name}"
        else:
            raise ValueError(f"unknown database {database!r}")
        self.env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DIGEST_"))}
        # Gunicorn's own variables would change what `make run` serves with.
        for name in ("GUNICORN_CMD_ARGS", "WEB_CONCURRENCY", "DATABASE_URL"):
            self.env.pop(name, None)
        self.env |= {
            "DATABASE_URL": url,
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": LOOPBACK,
            "DIGEST_HTTPS": "0",
            "PYTHONUNBUFFERED": "1",
        }

    def manage(self, *args: str) -> str:
        """Run manage.py with this site's environment; its output."""
        done = subprocess.run(
            [PYTHON, "manage.py", *args], cwd=self.root, env=self.env, capture_output=True, text=True, check=False
        )
        if done.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
        return done.stdout

    def python(self, *args: str) -> str:
        """Run a Python script of the copy with this site's environment; its standard output."""
        done = subprocess.run(
            [PYTHON, *args], cwd=self.root, env=self.env, stdout=subprocess.PIPE, text=True, check=False
        )
        if done.returncode:
            raise RuntimeError(f"python {' '.join(args)} failed ({done.returncode}):\n{done.stdout}")
        return done.stdout

    def set_up(self) -> None:
        """What `make run` does before it serves."""
        progress(f"Serving a copy of the working tree ({self.revision}, {self.uncommitted} uncommitted changes)")
        progress(f"  in {self.root}; scratch {self.database} database: {self.env['DATABASE_URL']}")
        self.manage("migrate", "--noinput")
        for line in self.manage("importpages", "seeds/").splitlines():
            progress(f"  {line}")
        self.manage("collectstatic", "--noinput", "-v0")

    def close(self, keep: bool = False) -> None:
        if keep:
            progress(f"Kept the scratch site: {self.dir}, {self.env['DATABASE_URL']}")
            return
        if self.postgres_name:
            postgres_admin(f'DROP DATABASE IF EXISTS "{self.postgres_name}" WITH (FORCE)')
        shutil.rmtree(self.dir, ignore_errors=True)


class Gunicorn:
    """gunicorn serving a ScratchSite on a free loopback port, as `make run` serves."""

    def __init__(self, site: ScratchSite, workers: int | None = None, name: str = "gunicorn"):
        self.site, self.workers, self.name = site, workers, name
        self.port = free_port()
        self.log_path = site.dir / f"{name}.log"
        self.process = None

    def __enter__(self):
        env = {**self.site.env, "DJANGO_SETTINGS_MODULE": SERVE_SETTINGS}
        if self.workers:
            env["WEB_CONCURRENCY"] = str(self.workers)
        command = [GUNICORN, "-c", "gunicorn.conf.py", "--bind", f"{LOOPBACK}:{self.port}", "digest.wsgi"]
        # gunicorn 27's control socket is one path per user (~/.gunicorn/gunicorn.ctl) by default:
        # a socket of our own leaves any other gunicorn on the machine alone.
        command[1:1] = ["--control-socket", str(self.site.dir / f"{self.name}.ctl")]
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(command, cwd=self.site.root, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}:\n{self.log_tail()}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                if fetch(self.port, "/healthz")[0] == 200 and self.booted() >= self.worker_count():
                    progress(f"gunicorn ({self.name}) serving on {LOOPBACK}:{self.port}, {self.worker_count()} workers")
                    return self
            time.sleep(0.2)
        self.__exit__(None, None, None)
        raise RuntimeError(f"gunicorn did not answer /healthz with 200 in 90 s:\n{self.log_tail()}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # graceful: workers finish their requests
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])

    def worker_count(self) -> int:
        """How many workers gunicorn.conf.py starts: WEB_CONCURRENCY, else two per core plus one."""
        return self.workers or multiprocessing.cpu_count() * 2 + 1

    def booted(self) -> int:
        return len(re.findall(r"Booting worker with pid", self.log_text()))

    def problems(self) -> dict:
        """What the server's log says went wrong: tracebacks, locked databases, timeouts, 5xx answers."""
        text = self.log_text()
        statuses = Counter(re.findall(r'^\S+ "[^"]*" (\d{3}) ', text, flags=re.MULTILINE))
        return {
            "tracebacks": text.count("Traceback (most recent call last)"),
            "database is locked": text.count("database is locked"),
            "worker timeouts": text.count("WORKER TIMEOUT"),
            "worker restarts": max(0, self.booted() - self.worker_count()),
            "5xx in access log": sum(count for status, count in statuses.items() if status.startswith("5")),
            "4xx in access log": sum(count for status, count in statuses.items() if status.startswith("4")),
        }

    def error_lines(self, limit: int = 5) -> list[str]:
        lines = [
            line
            for line in self.log_text().splitlines()
            if re.search(r"Error|Exception|locked|TIMEOUT", line) and "Traceback" not in line
        ]
        return lines[:limit]


def fetch(port: int, path: str, timeout: float = 30) -> tuple[int, bytes]:
    """One GET to 127.0.0.1:port; (status, body)."""
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def local_path(url: str) -> str:
    """The path and query of a URL the site printed; the host is never used."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)  # seconds, of answered requests
    statuses: Counter = field(default_factory=Counter)
    failures: Counter = field(default_factory=Counter)  # connection errors and timeouts, by message
    bad_answers: list = field(default_factory=list)  # (status, path, start of body) of the first answers not 2xx/3xx

    @property
    def requests(self) -> int:
        return len(self.latencies) + sum(self.failures.values())

    def errors(self, ok=lambda status: 200 <= status < 400) -> int:
        """Connection errors and answers ok() refuses (by default anything but 2xx and 3xx)."""
        bad = sum(count for status, count in self.statuses.items() if not ok(status))
        return bad + sum(self.failures.values())

    def percentile(self, share: float) -> float:
        """Nearest-rank percentile of the latencies, in milliseconds."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        rank = max(1, min(len(ordered), int(-(-share * len(ordered) // 1))))
        return ordered[rank - 1] * 1000


@dataclass
class LoadResult:
    seconds: float
    concurrency: int
    client_cpu: float  # the load generator's CPU seconds per wall second (1.0 is one core)
    total: Stats
    by_kind: dict[str, Stats]
    budget_hit: bool
    load_average: float = field(default_factory=lambda: os.getloadavg()[0])  # the machine's, over the last minute

    @property
    def rate(self) -> float:
        return self.total.requests / self.seconds if self.seconds else 0.0


def run_load(port, choose, *, seconds: float, concurrency: int, max_requests: int, timeout: float = 30) -> LoadResult:
    """Keep `concurrency` requests in flight against 127.0.0.1:port until `seconds` pass or
    `max_requests` are sent. choose(rng) gives each request's (kind, path)."""
    import random

    lock = threading.Lock()
    sent = [0]
    records = []  # (kind, latency or None, status or None, failure message)
    bad_answers = []
    started = time.perf_counter()
    deadline = started + seconds

    def client(number):
        rng = random.Random(number)
        connection = http.client.HTTPConnection(LOOPBACK, port, timeout=timeout)
        while time.perf_counter() < deadline:
            with lock:
                if sent[0] >= max_requests:
                    break
                sent[0] += 1
            kind, path = choose(rng)
            begin = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
                records.append((kind, time.perf_counter() - begin, response.status, ""))
                if not 200 <= response.status < 400 and len(bad_answers) < 10:
                    bad_answers.append((kind, response.status, path, body[:300].decode(errors="replace")))
                if response.will_close:  # gunicorn's sync workers close after every answer
                    connection.close()
            except (OSError, http.client.HTTPException) as error:
                records.append((kind, None, None, f"{type(error).__name__}: {error}"[:120]))
                connection.close()
        connection.close()

    cpu = time.process_time()
    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + timeout + 5)
    elapsed = time.perf_counter() - started
    cpu = (time.process_time() - cpu) / elapsed
    total, by_kind = Stats(), defaultdict(Stats)
    for kind, latency, status, failure in list(records):
        for stats in (total, by_kind[kind]):
            if status is None:
                stats.failures[failure] += 1
            else:
                stats.latencies.append(latency)
                stats.statuses[status] += 1
    for kind, status, path, body in bad_answers:
        for stats in (total, by_kind[kind]):
            stats.bad_answers.append((status, path, body))
    return LoadResult(elapsed, concurrency, cpu, total, dict(by_kind), sent[0] >= max_requests)


def ms(value: float) -> str:
    return f"{value:.1f}"
