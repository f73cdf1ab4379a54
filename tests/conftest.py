"""Shared fixtures for the test suite.

Test pages live in tests/fixtures/pages/ (copies of the shared sample pages
and their gold JSON), so the tests never reach outside the repository.
"""
