"""Generation tokens: one cache entry that names the current version of something, so that
whatever is cached under the token is simply never read again once it changes.

The token lives in the Django cache, so every process sharing the cache (Redis in
production) sees the same one. ``renew`` replaces it at once and again after the commit, so a
request that read the old rows before the commit cannot leave its stale copy under the new
token.
"""

from __future__ import annotations

from uuid import uuid4

from django.core.cache import cache
from django.db import transaction


def current(key: str) -> str:
    generation = cache.get(key)
    if generation is None:
        cache.add(key, uuid4().hex, None)
        generation = cache.get(key) or ""
    return generation


def renew(key: str) -> None:
    cache.set(key, uuid4().hex, None)
    transaction.on_commit(lambda: cache.set(key, uuid4().hex, None))
