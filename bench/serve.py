"""How fast gunicorn serves Digest's pages, against a minimal Django view served the same way.

    .venv/bin/python bench/serve.py [--seconds 10] [--concurrency 8] [--articles 10000] [--quick]

It sets up a scratch site as `make run` does (migrate, importpages seeds/,
collectstatic; production settings, SQLite file under /tmp) and starts gunicorn
with gunicorn.conf.py on a free 127.0.0.1 port. Then, for each URL in turn, it
keeps --concurrency requests in flight for --seconds (after a short warm-up), at
most --max-requests, and records every request's latency:

    /minimal              a view that returns "ok" (bench/minimal_urls.py), same gunicorn and middleware
    /                     the home page
    /sections/articles/   a section page (要闻)
    an article            the first article on the home page
    an edition            that article's edition (its pages and headlines)
    a calendar            that paper's 往期回顾 (its latest month)
    a printed page        the seed's page, with a picture of the printed page and a box per record (bench/printed.py)

Then it imports synthetic pages through the real importer until there are
--articles articles (bench/pages.py), restarts gunicorn and measures the same
URLs again. The load generator is Python threads with http.client
(bench/loopback.py); it shares the machine's cores with gunicorn, so its CPU
use is printed too.

Targets: the article page reaches at least 50% of /minimal's requests/s; with
10,000 articles each page's latency (p50 and p99) stays within 20% of its
latency with the seed alone. Exit status 1 when one is missed. Progress goes
to stderr, the tables to stdout. The machine is noisy: /minimal is measured
in both runs, and its own ratio shows how much.
"""

import argparse
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loopback import Gunicorn, ScratchSite, fetch, ms, progress, run_load  # noqa: E402  (needs bench/ on sys.path)

THROUGHPUT_TARGET = 0.5  # article requests/s over /minimal's
LATENCY_TARGET = 1.2  # latency with --articles over latency with the seed alone
PAGES = ["home", "section", "article", "edition", "calendar", "printed"]


def urls(port: int, printed: str) -> dict[str, str]:
    """The URLs to load: the article, its edition and its paper's calendar found on the
    home page as a reader would find them, and the page with its printed picture."""
    status, body = fetch(port, "/")
    article = re.search(rb'href="(/([^"/]+)/[^"/]+/[^"/]+/articles/\d+/)"', body)
    if status != 200 or not article:
        raise RuntimeError(f"the home page answered {status} without an article link")
    paper = article.group(2).decode()
    edition = re.search(rf'href="(/{paper}/\d{{4}}-\d{{2}}-\d{{2}}/)"'.encode(), body)
    return {
        "minimal": "/minimal",
        "home": "/",
        "section": "/sections/articles/",
        "article": article.group(1).decode(),
        "edition": edition.group(1).decode(),
        "calendar": f"/{paper}/calendar/",
        "printed": printed,
    }


def measure(server: Gunicorn, targets: dict[str, str], args) -> dict:
    results = {}
    for label, path in targets.items():
        status, body = fetch(server.port, path)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
        choose = lambda rng, path=path: ("", path)  # noqa: E731
        if args.warmup:
            run_load(server.port, choose, seconds=args.warmup, concurrency=args.concurrency, max_requests=10_000)
        result = run_load(
            server.port, choose, seconds=args.seconds, concurrency=args.concurrency, max_requests=args.max_requests
        )
        result.size = len(body)
        results[label] = result
        total = result.total
        progress(
            f"  {label:<8} {path:<36} {result.rate:8.1f} req/s  p50 {ms(total.percentile(0.5))} ms"
            f"  p99 {ms(total.percentile(0.99))} ms  errors {total.errors(lambda s: s == 200)}"
        )
    return results


def print_run(title: str, results: dict, server_problems: dict) -> None:
    minimal = results["minimal"].rate
    print(f"\n{title}")
    print(
        f"{'url':<9} {'bytes':>7} {'requests':>9} {'req/s':>8} {'of minimal':>10} {'p50 ms':>7} {'p99 ms':>7}", end=""
    )
    print(f" {'max ms':>7} {'errors':>6} {'client cpu':>10} {'load avg':>8}")
    for label, result in results.items():
        total = result.total
        print(
            f"{label:<9} {result.size:>7} {total.requests:>9} {result.rate:>8.1f} {result.rate / minimal:>10.0%}"
            f" {ms(total.percentile(0.5)):>7} {ms(total.percentile(0.99)):>7} {ms(total.percentile(1.0)):>7}"
            f" {total.errors(lambda s: s == 200):>6} {result.client_cpu:>10.2f} {result.load_average:>8.1f}"
            + ("  (request budget reached)" if result.budget_hit else "")
        )
        for status, path, body in total.bad_answers[:3]:
            print(f"  {status} {path}: {' '.join(body.split())[:160]}")
    print("server log: " + ", ".join(f"{name} {count}" for name, count in server_problems.items()))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=10.0, help="load per URL (default 10)")
    parser.add_argument("--warmup", type=float, default=2.0, help="unmeasured load per URL first (default 2)")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight (default 8)")
    parser.add_argument("--max-requests", type=int, default=200_000, help="request budget per URL")
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the grown corpus")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: gunicorn.conf.py's)")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database afterwards, to look into")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 2 s per URL, 1,000 articles")
    args = parser.parse_args()
    if args.quick:
        args.seconds, args.warmup, args.articles = 2.0, 0.5, 1_000

    site = ScratchSite(args.database)
    try:
        site.set_up()
        printed = site.python("bench/printed.py").strip()
        with Gunicorn(site, args.workers, name="seed") as server:
            targets = urls(server.port, printed)
            progress(f"Seed alone, {args.seconds:g} s per URL at concurrency {args.concurrency}:")
            seed = measure(server, targets, args)
        seed_problems, workers = server.problems(), server.worker_count()
        progress(f"Growing the corpus to {args.articles} articles through the importer:")
        grown_summary = site.python("bench/pages.py", "--articles", str(args.articles)).strip()
        progress(f"  {grown_summary}")
        with Gunicorn(site, args.workers, name="grown") as server:
            if urls(server.port, printed)["article"] != targets["article"]:
                raise RuntimeError("the home page no longer leads with the same article")
            progress(f"{args.articles} articles, the same URLs:")
            grown = measure(server, targets, args)
        grown_problems = server.problems()
    finally:
        site.close(args.keep)

    print(f"gunicorn -c gunicorn.conf.py digest.wsgi on 127.0.0.1, {workers} workers, {args.database};")
    print(f"Python http.client load generator, {args.concurrency} in flight, {args.seconds:g} s per URL.")
    print("errors: answers other than 200, and connection errors; client cpu: the load generator's, in cores;")
    print(f"load avg: the machine's 1-minute load average after the URL's run ({os.cpu_count()} cores)")
    print_run("Seed alone", seed, seed_problems)
    print_run(f"Grown: {grown_summary}", grown, grown_problems)

    print(f"\nLatency with {args.articles} articles over the seed alone (target <= {LATENCY_TARGET:.2f}):")
    print(f"{'url':<9} {'p50':>6} {'p99':>6} {'req/s':>6}")
    verdicts = []
    for label in ["minimal", *PAGES]:
        p50 = grown[label].total.percentile(0.5) / seed[label].total.percentile(0.5)
        p99 = grown[label].total.percentile(0.99) / seed[label].total.percentile(0.99)
        rate = grown[label].rate / seed[label].rate
        note = "  (control: no database work; shows the machine's noise)" if label == "minimal" else ""
        print(f"{label:<9} {p50:>6.2f} {p99:>6.2f} {rate:>6.2f}{note}")
        if label != "minimal":
            verdicts.append((f"{label} p50 latency x{p50:.2f} with {args.articles} articles", p50 <= LATENCY_TARGET))
            verdicts.append((f"{label} p99 latency x{p99:.2f} with {args.articles} articles", p99 <= LATENCY_TARGET))
    share = seed["article"].rate / seed["minimal"].rate
    grown_share = grown["article"].rate / grown["minimal"].rate
    verdicts.insert(0, (f"article throughput {share:.0%} of /minimal (seed alone)", share >= THROUGHPUT_TARGET))
    verdicts.insert(1, (f"article throughput {grown_share:.0%} of /minimal (grown)", grown_share >= THROUGHPUT_TARGET))
    errors = sum(r.total.errors(lambda s: s == 200) for run in (seed, grown) for r in run.values())
    verdicts.append((f"{errors} errors", errors == 0))

    print(f"\nTargets: throughput >= {THROUGHPUT_TARGET:.0%} of /minimal, latency ratio <= {LATENCY_TARGET:.2f}")
    for text, passed in verdicts:
        print(f"  {'PASS' if passed else 'FAIL'}  {text}")
    sys.exit(0 if all(passed for _, passed in verdicts) else 1)


if __name__ == "__main__":
    main()
