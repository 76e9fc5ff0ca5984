"""What the badges API views share: who may award, and the public address of share links."""

from __future__ import annotations

from core.errors import PermissionDenied
from core.urls import site_base

from ... import selectors


def _base(request) -> str:
    """Share links and badge documents use the public address (SITE_URL), never the
    request's host: they are copied into signatures and profiles and verified elsewhere."""
    return site_base()


def _require_facilitator(request) -> None:
    if not selectors.is_badge_facilitator(user=request.user):
        raise PermissionDenied("Only facilitators award badges.")
