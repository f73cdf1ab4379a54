"""What imports store is served at /media/ with cache headers a browser can revalidate (articles/views/media.py)."""

import os

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage


@pytest.fixture
def stored(settings, tmp_path, db):
    settings.MEDIA_ROOT = tmp_path
    return default_storage.save("scans/2025/10/page-04.jpg", ContentFile(b"\xff\xd8 a picture"))


def test_a_stored_file_is_kept_a_day_and_says_when_it_was_written(client, stored):
    response = client.get(f"/media/{stored}")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "public, max-age=86400"
    assert response["Last-Modified"].endswith(" GMT")


def test_an_unchanged_file_answers_304_with_no_body(client, stored):
    modified = client.get(f"/media/{stored}")["Last-Modified"]
    again = client.get(f"/media/{stored}", headers={"If-Modified-Since": modified})
    assert again.status_code == 304 and again.content == b""
    assert again["Cache-Control"] == "public, max-age=86400"


def test_a_file_written_again_under_its_name_is_sent_again(client, stored, settings):
    modified = client.get(f"/media/{stored}")["Last-Modified"]
    path = settings.MEDIA_ROOT / stored
    path.write_bytes(b"\xff\xd8 the corrected picture")
    later = path.stat().st_mtime + 60
    os.utime(path, (later, later))
    response = client.get(f"/media/{stored}", headers={"If-Modified-Since": modified})
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\xff\xd8 the corrected picture"
