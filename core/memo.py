"""Reads that several parts of one page ask for, done once per request.

A lesson page asks "which enrollment drives this person's view of the course?" for its lock
state and again for its discussion; the header and the space page both ask which spaces the
person belongs to. ``UserTimeZoneMiddleware`` starts a memo on the request's user for GET and
HEAD requests (reads only: nothing in them changes what the memo holds), and the selectors
that run more than once per page keep their answer there. Anything else that has a user, a
WebSocket consumer holding its user for hours, a service, a test, has no memo and reads
afresh every time.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")

_ATTRIBUTE = "_praxis_request_memo"
SAFE_METHODS = ("GET", "HEAD")


def begin_request_memo(user) -> None:
    setattr(user, _ATTRIBUTE, {})


def memoized(user, key: Hashable, read: Callable[[], T]) -> T:
    """``read()``, remembered under ``key`` for the rest of the request when ``user`` has a
    request memo; simply ``read()`` otherwise."""
    memo = getattr(user, _ATTRIBUTE, None)
    if memo is None:
        return read()
    if key not in memo:
        memo[key] = read()
    return memo[key]
