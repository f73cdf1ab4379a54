"""A request id on every request, its response and its log lines.

A proxy's X-Request-ID is kept when it looks like one; otherwise a new id is
made. An error in the log can then be matched to the request that caused it.
"""

import contextvars
import logging
import re
import uuid

HEADER = "X-Request-ID"
_VALID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
current = contextvars.ContextVar("request_id", default="-")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(HEADER, "")
        request.id = given if _VALID.match(given) else uuid.uuid4().hex
        token = current.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            current.reset(token)
        response[HEADER] = request.id
        return response


class RequestIdFilter(logging.Filter):
    """Give every log record the id of the request it was logged in ("-" outside one)."""

    def filter(self, record):
        record.request_id = current.get()
        return True
