"""The page cache's folder: Django's FileBasedCache, except that a folder it cannot make is no error.

Django's file cache makes its folder as it is created, and every manage.py command
creates it (its system checks look at the cache's path). So on a full disk, or with
DIGEST_CACHE_DIR under a file, `importpages` crashed before it read a page. The cache
is a speed-up (articles/pagecache.py): without its folder, reads find nothing and
writes fail, and pagecache serves pages uncached, with a warning in the log and /healthz.
"""

import logging

from django.core.cache.backends.filebased import FileBasedCache

logger = logging.getLogger(__name__)


class PageCacheFolder(FileBasedCache):
    def _createdir(self):
        try:
            super()._createdir()
        except OSError as error:
            logger.warning("page cache: cannot make the folder %s (%s); pages are served uncached", self._dir, error)
