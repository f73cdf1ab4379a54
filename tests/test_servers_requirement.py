"""Where PostgreSQL or Redis is missing, the real-server tests skip, unless CI requires them (tests/servers.py)."""

import pytest
import servers


def test_a_missing_service_skips_the_real_server_tests(monkeypatch):
    monkeypatch.delenv("DIGEST_REQUIRE_SERVERS", raising=False)
    with pytest.raises(pytest.skip.Exception, match="redis-server is not installed"):
        servers.require(False, "redis-server is not installed")


def test_a_missing_service_fails_them_when_servers_are_required(monkeypatch):
    monkeypatch.setenv("DIGEST_REQUIRE_SERVERS", "1")
    with pytest.raises(pytest.fail.Exception, match="DIGEST_REQUIRE_SERVERS is set"):
        servers.require(False, "redis-server is not installed")


def test_the_two_server_test_needs_a_postgres_server(monkeypatch, request):
    monkeypatch.delenv("DIGEST_POSTGRES_URL", raising=False)
    monkeypatch.delenv("DIGEST_REQUIRE_SERVERS", raising=False)
    with pytest.raises(pytest.skip.Exception, match="DIGEST_POSTGRES_URL names no PostgreSQL server"):
        next(servers.postgres_database.__wrapped__())
