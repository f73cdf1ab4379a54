"""/media/<name>: the files imports store (版面图, thumbnails, 本版PDF, photos), from the storage.

Served by Django through the default storage, so they answer under gunicorn with
no other server, on every machine that shares the storage. A server in front may
still serve var/media/ itself; this view is then never reached.
"""

import mimetypes

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

# A stored name keeps its content while it exists, but a page deleted and imported again
# from a corrected PDF stores its pictures under the same names ("scans/2025/10/
# rmrb-20251020-04.jpg"): so browsers keep a file a day, then ask again with
# If-Modified-Since, which costs a 304 and no bytes while the file is unchanged.
MEDIA_MAX_AGE = 24 * 3600


@require_safe
def media_file(request, name):
    try:
        if not default_storage.exists(name):
            raise Http404("没有这个文件")
        modified = _modified_time(name)
        if modified is not None and not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), modified):
            return _cacheable(HttpResponseNotModified())
        file = default_storage.open(name, "rb")
    except (SuspiciousFileOperation, IsADirectoryError, ValueError):
        raise Http404("没有这个文件") from None
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = _cacheable(FileResponse(file, content_type=content_type))
    if modified is not None:
        response["Last-Modified"] = http_date(modified)
    response["X-Content-Type-Options"] = "nosniff"
    if content_type == "application/pdf":
        response["Content-Disposition"] = "inline"
    return response


def _cacheable(response):
    response["Cache-Control"] = f"public, max-age={MEDIA_MAX_AGE}"
    return response


def _modified_time(name):
    """When the stored file was written, in seconds, or None where the storage cannot say."""
    try:
        return default_storage.get_modified_time(name).timestamp()
    except (NotImplementedError, OSError):
        return None
