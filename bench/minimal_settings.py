"""Digest's settings with one more URL, /minimal: the floor the serving benchmarks compare pages against.

Everything else (middleware, database, templates, static files) is digest.settings,
so /minimal goes through the same gunicorn, middleware and database set-up as a page.
"""

from digest.settings import *  # noqa: F403

ROOT_URLCONF = "bench.minimal_urls"
