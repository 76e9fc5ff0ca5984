"""Test settings: fast hashing, captured email, the same DATABASE_URL / REDIS_URL switches."""

import os
import tempfile

from .base import *  # noqa: F401,F403
from .env import env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", "test-only-insecure-key-praxis-0123456789abcdefghijklmnop")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="praxis-test-media-"))
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# The test client's own host, so links in emails and documents are the ones the client fetches;
# tests of the public address override it (the environment's SITE_URL is not read here).
SITE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_URL

# Tests open connections from async code in worker threads: close them after each request so
# the test database can be dropped at the end of the run.
DATABASES["default"]["CONN_MAX_AGE"] = 0
DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
# On PostgreSQL the tests use the pool as production does, but a large one unless
# DB_POOL_MAX_SIZE says otherwise: the enrollment storm holds 32 connections at once in its
# threads (waiting at a barrier), which a pool of 8 would answer with a timeout. Connections
# idle for 10 s close again (not after psycopg's 10 minutes), so parallel test processes that
# once needed many do not keep them from the server's max_connections.
_pool = DATABASES["default"].get("OPTIONS", {}).get("pool")
if _pool:
    _pool["max_idle"] = 10.0
    if env_str("DB_POOL_MAX_SIZE") is None:
        _pool["max_size"] = 40

# Indexing every page save makes course-building fixtures slow; tests that search build the
# index explicitly (``update_index``), as seed_demo does.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
}

# Parallel test processes (pytest-xdist) each get their own Redis database, so one process
# flushing its cache or channel layer never disturbs another's.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _worker.startswith("gw"):
    from urllib.parse import urlsplit, urlunsplit

    _parts = urlsplit(REDIS_URL)
    _base = int(_parts.path.strip("/") or 0)
    REDIS_URL = urlunsplit(_parts._replace(path=f"/{_base + 1 + int(_worker[2:])}"))
    CHANNEL_LAYERS["default"]["CONFIG"]["hosts"] = redis_layer_hosts(REDIS_URL)
    CACHES["default"]["LOCATION"] = REDIS_URL
