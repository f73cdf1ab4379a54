"""Are the collected static files there, and current? Asked once as gunicorn starts (gunicorn.conf.py).

In production (DEBUG off) WhiteNoise serves the files collectstatic wrote, under the
names its manifest gives. Without that manifest, every page that names a static
file fails as it renders: the site answered every page, its own 500 page included,
with gunicorn's bare 500, while /healthz said 200. So a start whose files were never
collected, were collected with DEBUG on (which writes no manifest), or were collected
before a file changed, stops at once with one line saying what to run.
"""

import json

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.files.storage import storages

FIX = "run `DJANGO_DEBUG=0 python manage.py collectstatic --noinput` with the production settings"


def static_files_problem() -> str | None:
    """None when every static file is collected as it is now; else what is wrong, in one line."""
    storage = storages["staticfiles"]
    if settings.DEBUG or not isinstance(storage, ManifestFilesMixin):
        return None  # files are served from their folders as they are
    root = settings.STATIC_ROOT
    manifest = root / storage.manifest_name
    try:
        collected = json.loads(manifest.read_text())["paths"]
    except (OSError, ValueError, KeyError):
        return f"Digest cannot start: the static files are not collected for production ({manifest} is missing); {FIX}"
    ignore = apps.get_app_config("staticfiles").ignore_patterns
    for finder in get_finders():
        for path, source in finder.list(ignore):
            copy = root / path
            if path not in collected or not copy.is_file():
                return f"Digest cannot start: the static file {path} is not collected; {FIX}"
            with source.open(path) as original:
                if original.read() != copy.read_bytes():
                    return f"Digest cannot start: the static file {path} changed since it was collected; {FIX}"
    return None
