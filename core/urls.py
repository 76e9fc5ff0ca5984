"""The site's public address: one source of truth for every absolute link.

Emails, calendar feeds, Open Badges documents and API ``url`` fields are read outside the
browser (a mail client, a calendar app, a verifier), so a link in them must be the public
address, not whatever host a request happened to use. That address is ``settings.SITE_URL``
(the ``SITE_URL`` environment variable; ``make run PORT=8101`` sets it to
``http://127.0.0.1:8101``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme


def site_base() -> str:
    """``scheme://host[:port]`` of the public site, without a trailing slash."""
    return settings.SITE_URL.rstrip("/")


def absolute_url(path: str = "") -> str:
    """``path`` (root-relative, e.g. ``/learn/``) on the public site; an absolute URL is
    returned unchanged."""
    if path.startswith(("http://", "https://")):
        return path
    if path and not path.startswith("/"):
        path = "/" + path
    return site_base() + path


def site_host_port() -> tuple[str, int]:
    """The public hostname and port (the scheme's default when none is given), as Wagtail's
    ``Site`` stores them."""
    parts = urlsplit(site_base())
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname or "localhost", port


def safe_next(request, candidate: str | None, default: str) -> str:
    """``candidate`` (a ``next``/``back`` value a form posted) when it points at this site,
    otherwise ``default``: the one check every redirect to a posted address goes through, so
    none is an open redirect (``//evil.example``, ``/\\evil.example``, ``https://evil…``)."""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default
