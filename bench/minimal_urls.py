"""Digest's URLs, with /minimal in front: a view that does no work, answering "ok"."""

from django.http import HttpResponse
from django.urls import path

from digest.urls import urlpatterns as digest_urlpatterns


def minimal(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("minimal", minimal, name="minimal"), *digest_urlpatterns]
