"""How long a page of one line of Han text without punctuation takes to import.

    python bench/long_runs.py [--sizes 50,200,1000]    # KB of the line

Each size is imported twice into a fresh SQLite database: the line as generated
(tests/long_runs.py: random common characters, no punctuation at all), and the
same characters with a comma after every 30, as news prose is punctuated, the
baseline. Their ratio shows what a lost punctuation costs; the seconds per MB
at each size show the time linear in the line's length (jieba alone grew with
its square: 50 KB 6.8 s, 200 KB 70 s, 1 MB over 300 s). Target: 1 MB under 10 s.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
TARGET_SECONDS = 10.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,200,1000", help="KB of the line, comma-separated")
    sizes = [int(size) for size in parser.parse_args().sizes.split(",")]
    folder = tempfile.mkdtemp(prefix="digest-long-runs-")
    os.environ.update(DJANGO_SETTINGS_MODULE="digest.settings", DATABASE_URL=f"sqlite:///{folder}/bench.sqlite3")
    os.environ["DIGEST_CACHE_DIR"] = f"{folder}/cache"
    import django

    django.setup()
    import jieba
    from django.core.management import call_command
    from long_runs import page_of_one_line, unpunctuated

    from articles.importer import import_text
    from articles.models import Edition

    call_command("migrate", verbosity=0)
    jieba.initialize()  # its one second of start-up is no part of an import

    def seconds(line, name):
        Edition.objects.all().delete()
        start = time.perf_counter()
        import_text(page_of_one_line(line), source_name=name)
        return time.perf_counter() - start

    print(f"{'size':>8} {'no punctuation':>15} {'punctuated':>11} {'ratio':>6} {'s per MB':>9}")
    worst = 0.0
    for kb in sizes:
        line = unpunctuated(kb * 1000 // 3)
        punctuated = "，".join(line[i : i + 30] for i in range(0, len(line), 30))
        bare, baseline = seconds(line, f"bare-{kb}.txt"), seconds(punctuated, f"punctuated-{kb}.txt")
        print(f"{kb:>6}KB {bare:>14.2f}s {baseline:>10.2f}s {bare / baseline:>6.2f} {bare / kb * 1000:>9.2f}")
        if kb >= 1000:
            worst = max(worst, bare)
    if worst:
        verdict = "met" if worst < TARGET_SECONDS else "MISSED"
        print(f"1 MB: {worst:.2f} s, target under {TARGET_SECONDS:.0f} s: {verdict}")
    sys.exit(1 if worst >= TARGET_SECONDS else 0)


if __name__ == "__main__":
    main()
