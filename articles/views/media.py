"""/media/<name>: the files imports store (版面图, thumbnails, 本版PDF, photos), from the storage.

Served by Django through the default storage, so they answer under gunicorn with
no other server, on every machine that shares the storage. A server in front may
still serve var/media/ itself; this view is then never reached.
"""

import mimetypes

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

# Stored names never change their content (the storage gives a new file a new name),
# so browsers may keep them a long time.
MEDIA_MAX_AGE = 30 * 24 * 3600


@require_safe
def media_file(request, name):
    try:
        if not default_storage.exists(name):
            raise Http404("没有这个文件")
        file = default_storage.open(name, "rb")
    except (SuspiciousFileOperation, IsADirectoryError, ValueError):
        raise Http404("没有这个文件") from None
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(file, content_type=content_type)
    response["Cache-Control"] = f"public, max-age={MEDIA_MAX_AGE}"
    response["X-Content-Type-Options"] = "nosniff"
    if content_type == "application/pdf":
        response["Content-Disposition"] = "inline"
    return response
