"""Readers and editors at once: gunicorn on 127.0.0.1 under a reading load while pages are imported and edited.

    .venv/bin/python bench/load.py [--seconds 60] [--concurrency 8] [--articles 1000] [--database sqlite|postgres]
    .venv/bin/python bench/load.py --quick        # a 10-second smoke run

It sets up a scratch site as `make run` does (bench/loopback.py), grows it to
--articles articles through the importer (bench/pages.py), and starts gunicorn
with gunicorn.conf.py. Readers (Python threads with http.client, --concurrency
requests in flight) then fetch a mix of the home page, sections, the archive,
editions' pages, articles (from the site's sitemap.xml), search (page and API)
and /healthz for --seconds, at most --max-requests. Meanwhile a writer process
(bench/writer.py) imports a new page file and changes an article's title every
0.5 s. Afterwards bench/writer.py verifies that every page holds what its text
parses to, that every record has its search document, and that each edit is
stored and indexed; and /healthz must answer 200.

It prints requests/s, p50/p99 latency and errors (any answer but 2xx/3xx, or a
connection error), overall and per kind of page, with the writer's figures and
the check. Exit status 1 on any error or an incomplete page. PostgreSQL:
--database postgres makes a scratch database on 127.0.0.1:5432 and drops it.
--only KIND sends readers to one kind of page, e.g. --only healthz.
"""

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loopback import (  # noqa: E402  (needs bench/ on sys.path)
    PYTHON,
    Gunicorn,
    ScratchSite,
    fetch,
    local_path,
    ms,
    progress,
    run_load,
)

QUERIES = ["电动化", "科技", "新能源 汽车", "高质量发展", '"全面电动化"', "项目 -投资", "企业"]
KINDS = ["home", "section", "page", "article", "search", "search api", "healthz"]
SECTIONS = ["/sections/articles/", "/sections/news/", "/sections/teasers/", "/sections/photos/", "/archive/"]


def reading_mix(port: int, only: str = ""):
    """choose(rng) -> (kind, path): what a reader asks for, with the site's own URLs from its sitemap."""
    started = time.monotonic()
    status, body = fetch(port, "/sitemap.xml", timeout=120)
    if status != 200:
        raise RuntimeError(f"/sitemap.xml answered {status}")
    locations = [local_path(url) for url in re.findall(r"<loc>([^<]+)</loc>", body.decode())]
    articles = [path for path in locations if "/articles/" in path]
    pages = [path for path in locations if re.fullmatch(r"/[^/]+/[^/]+/", path) and not path.startswith("/sections/")]
    seconds = time.monotonic() - started
    progress(f"Sitemap: {len(articles)} articles, {len(pages)} pages, {len(body)} bytes in {seconds:.1f} s")
    weights = [
        ("home", 15, lambda rng: "/"),
        ("section", 15, lambda rng: rng.choice(SECTIONS)),
        ("page", 10, lambda rng: rng.choice(pages)),
        ("article", 35, lambda rng: rng.choice(articles)),
        ("search", 12, lambda rng: f"/search/?q={quote(rng.choice(QUERIES))}"),
        ("search api", 8, lambda rng: f"/api/search?q={quote(rng.choice(QUERIES))}"),
        ("healthz", 5, lambda rng: "/healthz"),
    ]
    if only:
        weights = [weight for weight in weights if weight[0] == only]
    kinds = [kind for kind, _, _ in weights]
    paths = {kind: make for kind, _, make in weights}
    shares = [weight for _, weight, _ in weights]

    def choose(rng):
        kind = rng.choices(kinds, shares)[0]
        return kind, paths[kind](rng)

    return choose


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0, help="how long readers and the writer run (default 60)")
    parser.add_argument("--concurrency", type=int, default=8, help="reader requests in flight (default 8)")
    parser.add_argument("--max-requests", type=int, default=500_000, help="reader request budget")
    parser.add_argument("--articles", type=int, default=1_000, help="articles imported before the run (default 1000)")
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between the writer's imports (0.5)")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: gunicorn.conf.py's)")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database afterwards, to look into")
    parser.add_argument("--only", choices=KINDS, help="readers ask for this kind of page only")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 10 s, 200 articles")
    args = parser.parse_args()
    if args.quick:
        args.seconds, args.articles = 10.0, 200

    site = ScratchSite(args.database)
    writer = None
    try:
        site.set_up()
        progress(f"Growing the corpus to {args.articles} articles through the importer:")
        progress("  " + site.python("bench/pages.py", "--articles", str(args.articles)).strip())
        with Gunicorn(site, args.workers, name="load") as server:
            choose = reading_mix(server.port, args.only or "")
            folder = site.dir / "incoming"
            folder.mkdir()
            edits = site.dir / "edits.json"
            command = [PYTHON, "bench/writer.py", "write", "--seconds", str(args.seconds)]
            command += ["--interval", str(args.interval), "--folder", str(folder), "--edits", str(edits)]
            progress(f"Readers ({args.concurrency} in flight) and the writer, for {args.seconds:g} s:")
            command.append("--wait")
            writer = subprocess.Popen(
                command, cwd=site.root, env=site.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
            )
            if writer.stdout.readline().strip() != "ready":
                raise RuntimeError("the writer did not start")
            writer.stdin.write("go\n")
            writer.stdin.flush()
            result = run_load(
                server.port, choose, seconds=args.seconds, concurrency=args.concurrency, max_requests=args.max_requests
            )
            written = json.loads(writer.communicate(timeout=args.seconds + 120)[0])
            health_status, health = fetch(server.port, "/healthz", timeout=120)
        problems, error_lines = server.problems(), server.error_lines()
        progress("Checking every page and edit:")
        started = time.monotonic()
        verified = json.loads(site.python("bench/writer.py", "verify", "--edits", str(edits)))
        check_seconds = time.monotonic() - started
    finally:
        if writer and writer.poll() is None:
            writer.kill()
            writer.wait()
        site.close(args.keep)

    total = result.total
    print(f"gunicorn -c gunicorn.conf.py digest.wsgi on 127.0.0.1, {server.worker_count()} workers, {args.database}")
    print(f"Readers: Python http.client threads, {args.concurrency} in flight, {result.seconds:.1f} s", end="")
    print(f", load generator cpu {result.client_cpu:.2f} cores, machine load average {result.load_average:.1f}")
    print(
        f"\n{'kind':<11} {'requests':>9} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>8} {'errors':>6}  statuses"
    )
    for kind, stats in sorted(result.by_kind.items()) + [("all", total)]:
        statuses = " ".join(f"{status}:{count}" for status, count in sorted(stats.statuses.items()))
        print(
            f"{kind:<11} {stats.requests:>9} {stats.requests / result.seconds:>8.1f} {ms(stats.percentile(0.5)):>7}"
            f" {ms(stats.percentile(0.99)):>7} {ms(stats.percentile(1.0)):>8} {stats.errors():>6}  {statuses}"
        )
    for status, path, body in total.bad_answers[:5]:
        print(f"  {status} {path}: {' '.join(body.split())[:160]}")
    for message, count in total.failures.most_common(5):
        print(f"  connection error x{count}: {message}")
    if result.budget_hit:
        print("  (the request budget ended the run before the deadline)")
    print("\nWriter: " + ", ".join(f"{key} {value}" for key, value in written.items() if key != "failures"))
    for message, count in written["failures"].items():
        print(f"  writer failure x{count}: {message}")
    print("Server log: " + ", ".join(f"{name} {count}" for name, count in problems.items()))
    for line in error_lines:
        print(f"  {line[:200]}")
    print(f"/healthz after the run: {health_status} {health.decode()[:200]}")
    print(f"\nCheck ({check_seconds:.1f} s): " + ", ".join(f"{key} {value}" for key, value in verified.items()))

    verdicts = [
        (f"{total.errors()} reader errors", total.errors() == 0),
        (f"{sum(written['failures'].values())} writer failures", not written["failures"]),
        (f"{verified['incomplete page count']} incomplete pages", verified["incomplete page count"] == 0),
        (
            f"{verified['records without a document']} records without a document",
            not verified["records without a document"],
        ),
        (f"full-text index {verified['full-text index']}", verified["full-text index"] == "ok"),
        (f"{len(verified['stale edits'])} stale edits", not verified["stale edits"]),
        (f"/healthz {health_status} after the run", health_status == 200),
        (f"{written['pages created']} pages imported during the run", written["pages created"] > 0),
    ]
    print()
    for text, passed in verdicts:
        print(f"  {'PASS' if passed else 'FAIL'}  {text}")
    sys.exit(0 if all(passed for _, passed in verdicts) else 1)


if __name__ == "__main__":
    main()
