import pytest
from django.core.exceptions import ImproperlyConfigured
from processes import fresh_python

from digest.settings import env_bool, env_int, env_list

NAME = "DIGEST_TEST_VALUE"


def start_django(**env):
    """Load the settings in a fresh interpreter, as gunicorn does at start-up, with only these DJANGO_ variables."""
    return fresh_python("-c", "import django; django.setup()", DJANGO_SETTINGS_MODULE="digest.settings", **env)


@pytest.mark.parametrize("value, expected", [("1", True), ("TRUE", True), ("on", True), ("0", False), ("no", False)])
def test_env_bool_reads_common_spellings(monkeypatch, value, expected):
    monkeypatch.setenv(NAME, value)
    assert env_bool(NAME, not expected) is expected


def test_env_bool_rejects_maybe(monkeypatch):
    monkeypatch.setenv(NAME, "maybe")
    with pytest.raises(ImproperlyConfigured, match="DIGEST_TEST_VALUE='maybe' is not a boolean"):
        env_bool(NAME, True)


def test_unset_and_empty_variables_give_the_default(monkeypatch):
    monkeypatch.delenv(NAME, raising=False)
    assert env_bool(NAME, True) is True
    monkeypatch.setenv(NAME, "")
    assert env_int(NAME, 7) == 7
    assert env_list(NAME, ["x"]) == ["x"]


def test_env_int_reads_an_integer(monkeypatch):
    monkeypatch.setenv(NAME, "60")
    assert env_int(NAME, 0) == 60


def test_env_int_rejects_a_non_integer(monkeypatch):
    monkeypatch.setenv(NAME, "60s")
    with pytest.raises(ImproperlyConfigured, match="is not an integer"):
        env_int(NAME, 0)


def test_env_list_splits_on_commas_and_strips(monkeypatch):
    monkeypatch.setenv(NAME, "digest.example.com, www.digest.example.com")
    assert env_list(NAME, []) == ["digest.example.com", "www.digest.example.com"]


def test_env_list_rejects_an_empty_item(monkeypatch):
    monkeypatch.setenv(NAME, "digest.example.com,,www.digest.example.com")
    with pytest.raises(ImproperlyConfigured, match="has an empty item"):
        env_list(NAME, [])


def test_development_starts_with_no_configuration():
    assert start_django().returncode == 0


def test_a_bad_debug_value_stops_start_up():
    result = start_django(DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG='maybe' is not a boolean" in result.stderr


def test_production_without_a_secret_key_stops_start_up():
    result = start_django(DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="digest.example.com")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_without_allowed_hosts_stops_start_up():
    result = start_django(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="s3cret")
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must be set" in result.stderr


def test_production_starts_with_a_secret_key_and_hosts():
    result = start_django(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="s3cret", DJANGO_ALLOWED_HOSTS="digest.example.com")
    assert result.returncode == 0, result.stderr


def settings_printed(expressions: str, **env) -> list[str]:
    """The values of settings expressions (``s`` is django.conf.settings), printed by a fresh
    project process started with only these DJANGO_/DIGEST_ variables."""
    # axes.conf fills in django-axes' settings, as the app does when it is loaded.
    code = "import django; django.setup(); import axes.conf; from django.conf import settings as s; "
    code += f"print({expressions})"
    result = fresh_python("-c", code, DJANGO_SETTINGS_MODULE="digest.settings", **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_kept_database_connections_are_checked_before_reuse():
    # Without the check, the first request on a connection a PostgreSQL restart killed answers 500.
    database = "s.DATABASES['default']['CONN_MAX_AGE'], s.DATABASES['default']['CONN_HEALTH_CHECKS']"
    assert settings_printed(database, DJANGO_CONN_MAX_AGE="60") == ["60", "True"]


def test_behind_a_proxy_failed_logins_are_counted_by_the_forwarded_address():
    proxy = "s.AXES_CLIENT_IP_CALLABLE, s.SECURE_PROXY_SSL_HEADER[0]"
    assert settings_printed(proxy, DIGEST_BEHIND_PROXY="1") == [
        "articles.clientip.forwarded_client_ip",
        "HTTP_X_FORWARDED_PROTO",
    ]


def test_the_page_cache_is_a_folder_unless_a_redis_is_named(tmp_path):
    cache = "s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION']"
    assert settings_printed(cache, DIGEST_CACHE_DIR=str(tmp_path)) == [
        "articles.filecache.PageCacheFolder",
        str(tmp_path),
    ]
    assert settings_printed(cache, DIGEST_CACHE_URL="redis://cache.internal:6379/2") == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://cache.internal:6379/2",
    ]


def test_a_cache_url_that_is_not_a_redis_stops_start_up():
    result = start_django(DIGEST_CACHE_URL="memcached://127.0.0.1:11211")
    assert result.returncode != 0
    assert "DIGEST_CACHE_URL='memcached://127.0.0.1:11211' is not a Redis URL" in result.stderr
