"""Settings for Digest, all read from the environment.

The defaults are for development: a checkout runs with DEBUG on and SQLite in
var/. Production sets DJANGO_DEBUG=0, and must then name its secret and hosts.
An empty variable counts as unset.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

_BOOLEANS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}


def env_bool(name, default):
    value = os.environ.get(name, "")
    if not value:
        return default
    try:
        return _BOOLEANS[value.lower()]
    except KeyError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a boolean: use 1/0, true/false, yes/no, on/off") from None


def env_int(name, default):
    value = os.environ.get(name, "")
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not an integer") from None


def env_list(name, default):
    """A comma-separated list. An empty item ("a,,b") is most likely a typo, so it is an error."""
    value = os.environ.get(name, "")
    if not value:
        return default
    items = [item.strip() for item in value.split(",")]
    if "" in items:
        raise ImproperlyConfigured(f"{name}={value!r} has an empty item")
    return items


DEBUG = env_bool("DJANGO_DEBUG", True)

# Production must fail at start-up rather than sign sessions with a known key
# or answer to any Host header.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off")
    SECRET_KEY = "django-insecure-development-only"
# With DEBUG on, Django already allows localhost when this list is empty.
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off, e.g. digest.example.com")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "articles",
]

# Background work (a PDF edition's import): queued in the database, so any server
# may enqueue and a `manage.py db_worker` on any machine runs it. DIGEST_TASKS=immediate
# runs tasks inside the request instead, for a one-process site without a worker.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if os.environ.get("DIGEST_TASKS") == "immediate"
        else "django_tasks_db.DatabaseBackend"
    }
}

MIDDLEWARE = [
    "articles.requestid.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Right after SecurityMiddleware, so static files skip the rest of the stack.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses what the middleware below wrote; reader pages only, for BREACH (articles/compression.py).
    "articles.compression.ReaderGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Refuses a NUL byte in the path before a view puts it in a query, and a method a view does
    # not take with 405: before CsrfViewMiddleware, which would answer PUT or DELETE with 403.
    "articles.requestguards.RequestGuardMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Records which editor made each change in the history.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Counts failed logins first, and refuses a locked-out login before it is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one username from one address lock it out for an hour.
AXES_FAILURE_LIMIT = env_int("DIGEST_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

ROOT_URLCONF = "digest.urls"
WSGI_APPLICATION = "digest.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site",
            ],
        },
    },
]

# var/ holds everything the site writes (the SQLite database, collected static
# files); it is not in git, so a fresh checkout has to create it.
VAR_DIR = BASE_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'digest.sqlite3'}",
        # Kept for ten minutes: every reader page, cached or not, reads the site's
        # generation (articles/pagecache.py), and a new connection per request cost the
        # cached article page 40% of its throughput (bench/serve.py --quick: 35% of
        # /minimal's requests/s with a connection per request, 59% with kept ones).
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 600),
        # A kept connection may have died with a database restart: test it before
        # each request reuses it, or that request answers 500.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Readers and an import at the same time: WAL lets readers go on while a
    # page is written, IMMEDIATE takes the write lock when a transaction starts
    # (not halfway, where SQLite could only fail), and the timeout waits for it
    # instead of answering "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": env_int("DIGEST_SQLITE_TIMEOUT", 20),
        }
    )
    # The tests run on a file too: an in-memory database locks whole tables
    # and knows no WAL, so it would not behave as the site does.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The paper of a page that prints no paper's name, when the import names none
# either (importpages --paper, the admin's import form).
DIGEST_DEFAULT_PAPER = os.environ.get("DIGEST_DEFAULT_PAPER") or "本报"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Where collectstatic writes and WhiteNoise reads; every server needs its own copy, collected from the same code.
STATIC_ROOT = Path(os.environ.get("DIGEST_STATIC_ROOT") or VAR_DIR / "static")
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise looks in it at start-up, even before collectstatic
STATICFILES_DIRS = [BASE_DIR / "static"]
# What imports store: 版面图, thumbnails, 本版PDF, photos. WhiteNoise serves static
# files only; articles.views.media serves these, and a web server in front may too.
MEDIA_URL = "media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # The manifest storage (hashed, compressed, cacheable forever) can only name
    # files after collectstatic. Development and the test suite, which run with
    # DEBUG on, serve them as they are instead.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Rendered reader pages (articles/pagecache.py). Pages are kept under the site's
# generation, a row in the database that every change moves on, so no server serves
# a page a commit made stale, whatever cache it has; the timeout only bounds how
# long unvisited old pages take room. A cache that fails or is full costs speed,
# never an answer: pages are then rendered each time, and /healthz warns.
PAGE_CACHE_SECONDS = env_int("DIGEST_PAGE_CACHE_SECONDS", 24 * 3600)
PAGE_CACHE_DIR = Path(os.environ.get("DIGEST_CACHE_DIR") or VAR_DIR / "cache")
# One Redis shared by every server (redis://host:6379/0), instead of a folder per machine.
CACHE_URL = os.environ.get("DIGEST_CACHE_URL", "")
if CACHE_URL and not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(f"DIGEST_CACHE_URL={CACHE_URL!r} is not a Redis URL, e.g. redis://127.0.0.1:6379/0")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "digest",
            # A Redis that is down or stuck must cost a page a moment, not gunicorn's 30 s timeout.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }
else:
    # Files every gunicorn worker of one machine shares; each machine has its own. Django's
    # file cache, which a folder it cannot make does not stop (articles/filecache.py).
    CACHES = {
        "default": {
            "BACKEND": "articles.filecache.PageCacheFolder",
            "LOCATION": str(PAGE_CACHE_DIR),
            "OPTIONS": {"MAX_ENTRIES": env_int("DIGEST_CACHE_ENTRIES", 50_000)},
        },
    }

# Security -----------------------------------------------------------------------
# Served over HTTPS in production (DIGEST_HTTPS=0 for a plain-HTTP test server):
# redirect to it, mark cookies secure and ask browsers to remember it (HSTS).
HTTPS = env_bool("DIGEST_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# Behind a proxy that terminates TLS, it says so in this header, and names the
# client in X-Forwarded-For: django-axes must count failed logins by that
# address, not by the proxy's, or one stranger's guesses lock an editor out for all.
BEHIND_PROXY = env_bool("DIGEST_BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    AXES_CLIENT_IP_CALLABLE = "articles.clientip.forwarded_client_ip"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content Security Policy: scripts and styles from this site only, never inline,
# so text from a page that slipped through as markup still could not run.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # The one inline style of django-simple-history's admin history list.
        "style-src-attr": ["'unsafe-hashes'", "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Logging: to stderr (gunicorn's and the process manager's log), every line
# with the id of the request it belongs to.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "articles.requestid.RequestIdFilter"}},
    "formatters": {"line": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": "line"}},
    "root": {"handlers": ["stderr"], "level": os.environ.get("DIGEST_LOG_LEVEL", "WARNING" if DEBUG else "INFO")},
}
