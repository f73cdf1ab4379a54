"""Give the seed's page a printed-page picture and every record on it a box, as a
PDF import would, so that bench/serve.py measures the page view with its 版面图.

    python bench/printed.py    # with DATABASE_URL etc. set, after `importpages seeds/`

Prints the page's URL.
"""

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digest.settings")

import django  # noqa: E402  (needs ROOT on sys.path)

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from PIL import Image  # noqa: E402

from articles.models import Page  # noqa: E402

# A 150 dpi picture of a broadsheet page, as articles/pagescans.py renders one.
PICTURE_SIZE = (1754, 2480)


def main() -> None:
    page = Page.objects.select_related("edition__paper").order_by("pk").first()
    buffer = io.BytesIO()
    Image.new("RGB", PICTURE_SIZE, "white").save(buffer, "PNG")
    page.scan.save("bench-scan.png", ContentFile(buffer.getvalue()))
    records = [*page.articles.all(), *page.briefs.all(), *page.photos.all()]
    height = 1 / len(records)
    for index, record in enumerate(records):
        record.box_left, record.box_top, record.box_width, record.box_height = 0.05, index * height, 0.9, height
        record.save()
    print(page.get_absolute_url())


if __name__ == "__main__":
    main()
