"""gunicorn's settings for Digest; `gunicorn digest.wsgi` reads this file from the project folder.

Each can be overridden with GUNICORN_CMD_ARGS, e.g. "--workers 2".
"""

import multiprocessing
import os

bind = os.environ.get("DIGEST_BIND", "127.0.0.1:8000")
# The usual rule for sync workers: two per core, plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Load the app once in the master, so every worker shares the memory of
# jieba's dictionary and OpenCC's tables instead of loading its own.
preload_app = True
timeout = 30
graceful_timeout = 30
keepalive = 5
# Restart workers now and then, so a slow leak can never take the site down.
max_requests = 5000
max_requests_jitter = 500
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(L)ss "%({x-request-id}o)s"'


def when_ready(server):
    """Before the fork: refuse to start without the collected static files; load jieba's
    dictionary and the words taught to it, then drop the database connection that took,
    so that no worker inherits it.

    Without the database, start all the same: /healthz can then say it is down
    (503), and each worker teaches itself the words at its first search once the
    database is back (articles.search.index.teach_stored_words).
    """
    import jieba
    from django.db import DatabaseError, connections

    from articles.search.index import teach_stored_words
    from articles.staticcheck import static_files_problem

    problem = static_files_problem()
    if problem:
        # One line on stderr and exit status 1, before any worker could answer a bare 500.
        raise SystemExit(problem)
    jieba.initialize()
    try:
        teach_stored_words()
    except DatabaseError as error:
        server.log.warning("Starting without the database, which did not answer: %s", error)
    finally:
        connections.close_all()
