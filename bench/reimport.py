"""How long a re-import of a changed page takes against a first import of it, in the same run.

    .venv/bin/python bench/reimport.py [--rounds 10]

In a throwaway SQLite database: the seed page is imported (timed: the baseline),
then a text with one brief changed is imported over it, alternately with the
original, each with replace (timed: the re-import). Prints the medians and
the ratio re-import / first import. A re-import changes only what the new text
changes (articles/reimporting.py), so it should cost no more than the first.
Also times exportpages and a restore of it into an empty database.
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = ROOT / "tests" / "fixtures" / "pages" / "000_836e624efba3a217.txt"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="digest-reimport-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digest.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from articles.importer import PageFacts, import_text
    from articles.models import Edition

    call_command("migrate", verbosity=0)
    text = SEED.read_text(encoding="utf-8")
    changed = text.replace("洪森。", "洪森，并举行会谈。")
    facts = PageFacts("科技日报", datetime.date(2023, 2, 11), "1")
    firsts, again = [], []
    for _ in range(args.rounds):
        Edition.objects.all().delete()
        start = time.perf_counter()
        import_text(text, source_name=SEED.name, facts=facts)
        firsts.append(time.perf_counter() - start)
        for version in (changed, text):
            start = time.perf_counter()
            import_text(version, source_name=SEED.name, facts=facts, replace_changed=True)
            again.append(time.perf_counter() - start)
    first, reimport = statistics.median(firsts), statistics.median(again)
    print(f"first import   median {first * 1000:7.1f} ms  ({len(firsts)} runs)")
    print(f"re-import      median {reimport * 1000:7.1f} ms  ({len(again)} runs)")
    print(f"ratio re-import / first import: {reimport / first:.2f}")
    with open(os.devnull, "w") as quiet:
        start = time.perf_counter()
        call_command("exportpages", str(folder / "backup"), stdout=quiet)
        exported = time.perf_counter() - start
        Edition.objects.all().delete()
        start = time.perf_counter()
        call_command("importpages", str(folder / "backup"), stdout=quiet)
        restored = time.perf_counter() - start
    print(f"exportpages of 1 page {exported * 1000:.1f} ms; restored into an empty database {restored * 1000:.1f} ms")


if __name__ == "__main__":
    main()
