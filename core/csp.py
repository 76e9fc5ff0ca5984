"""The Content-Security-Policy: one strict policy for every page, and the few addresses that
need another, each named here with its reason and nowhere else.

django-csp (4.x) writes the header. ``PathPolicyMiddleware`` picks the policy by path, so a
new page is strict without anyone thinking about it; a view that needs something else says
so with django-csp's ``csp_replace`` decorator and a policy from this module.
"""

from __future__ import annotations

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

# Every page of the site: our own scripts, styles, images, fonts and sockets; no inline
# script or style, no plugins, no framing, no <base> tricks, forms post only to us.
# ``connect-src 'self'`` covers the discussion's WebSocket (ws:/wss: on the same host).
SITE = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    # data: for the images that browsers and our CSS draw inline (SVG icons in CSS).
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "media-src": [SELF],
    "frame-src": [SELF],
    "object-src": [NONE],
    "frame-ancestors": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
}

# The Wagtail admin (8.0) still writes inline <script> blocks and style attributes in some
# of its own templates (the page editor's panels, the image chooser's focal point, the
# preview panel) and frames its own preview. It stays on our origin: nothing from another
# host, no plugins, and nobody else may frame it.
ADMIN = {
    **SITE,
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-ancestors": [SELF],
}

# The API's HTML pages: drf-spectacular's Swagger UI (/api/v1/docs/, one inline <style>
# block; its script is a file, SpectacularSwaggerSplitView; its assets from
# drf-spectacular-sidecar) and DRF's browsable API (style attributes in its templates).
# Scripts stay 'self' only. JSON answers under /api/ carry this policy too, harmlessly.
API_PAGES = {**SITE, "style-src": [SELF, UNSAFE_INLINE]}

# The email-signature preview on My badges (badges.views.signature_preview): the snippet is
# email-client markup (inline styles are all an email client reads), shown in a sandboxed
# <iframe> of our own page; no script at all. Used with csp_replace on that view.
EMAIL_PREVIEW = {
    "script-src": [NONE],
    "style-src": [SELF, UNSAFE_INLINE],
    "frame-ancestors": [SELF],
}

# The 500 page is one self-contained document (it must render when nothing else does): its
# one <style> block is inline. Used with csp_replace on core.views.server_error.
ERROR_PAGE = {"style-src": [UNSAFE_INLINE]}

# Path prefixes that take another policy than SITE, longest first.
BY_PATH = (
    ("/admin/", ADMIN),
    ("/api/", API_PAGES),
)


def policy_for(path: str) -> dict:
    for prefix, policy in BY_PATH:
        if path.startswith(prefix):
            return policy
    return SITE


class PathPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policy chosen by path (``BY_PATH``) unless the view
    set its own."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            parts.config = policy_for(request.path_info)
        return parts
