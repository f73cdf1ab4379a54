from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from articles.requestguards import read_only
from articles.views.health import healthz
from articles.views.media import media_file

urlpatterns = [
    path("healthz", read_only(healthz), name="healthz"),
    path("admin/", admin.site.urls),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", read_only(media_file), name="media"),
    path("", include("articles.urls")),
]
