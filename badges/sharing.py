"""Links and snippets for showing a badge off: the public page, the Open Badges documents, the
"Add to LinkedIn profile" link and the email-signature snippet. Every URL is absolute, built
from a base (the request's own address on pages, ``SITE_URL`` in emails)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import format_html

from .models import BadgeAward

LINKEDIN_ADD = "https://www.linkedin.com/profile/add"
SIGNATURE_SIZE = 64


@dataclass(frozen=True)
class ShareLinks:
    public_url: str
    image_url: str
    assertion_url: str
    png_url: str
    credential_url: str
    linkedin_url: str
    signature_html: str


def _absolute(base: str, path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return base.rstrip("/") + path


def linkedin_url(award: BadgeAward, *, public_url: str) -> str:
    """LinkedIn's add-to-profile link for a certification, prefilled."""
    params = {
        "startTask": "CERTIFICATION_NAME",
        "name": award.badge_class.name,
        "organizationName": award.badge_class.issuer.name,
        "issueYear": award.issued_on.year,
        "issueMonth": award.issued_on.month,
    }
    if award.expires_on:
        params["expirationYear"] = award.expires_on.year
        params["expirationMonth"] = award.expires_on.month
    params["certUrl"] = public_url
    params["certId"] = str(award.entity_id)
    return f"{LINKEDIN_ADD}?{urlencode(params)}"


def signature_html(award: BadgeAward, *, public_url: str, image_url: str) -> str:
    """A small table that email clients render (Gmail, Outlook, Apple Mail): a fixed-size
    absolute-URL PNG with alt text and a link to the public page, inline styles only."""
    name = award.badge_class.name
    return format_html(
        '<table cellpadding="0" cellspacing="0" border="0" role="presentation" '
        'style="border-collapse:collapse"><tr>'
        '<td style="padding:0 8px 0 0;vertical-align:middle">'
        '<a href="{}"><img src="{}" width="{}" height="{}" alt="{} badge" '
        'style="display:block;border:0"></a></td>'
        '<td style="vertical-align:middle;font-family:Arial,Helvetica,sans-serif;font-size:13px">'
        '<a href="{}" style="color:#1f5f57;text-decoration:none"><strong>{}</strong></a><br>'
        '<span style="color:#4a5a66">Issued by {} · Verify</span></td></tr></table>',
        public_url,
        image_url,
        SIGNATURE_SIZE,
        SIGNATURE_SIZE,
        name,
        public_url,
        name,
        award.badge_class.issuer.name,
    )


def share_links(award: BadgeAward, *, base: str) -> ShareLinks:
    key = {"entity_id": award.entity_id}
    public_url = _absolute(base, reverse("badges:award", kwargs=key))
    png_url = _absolute(base, reverse("openbadges:assertion-png", kwargs=key))
    image_name = (award.badge_class.image.name or "").lower()
    # Link previews and emails do not show SVG: a PNG (the class image, or the baked PNG).
    image_url = (
        _absolute(base, award.badge_class.image.url) if image_name.endswith(".png") else png_url
    )
    return ShareLinks(
        public_url=public_url,
        image_url=image_url,
        assertion_url=_absolute(base, reverse("openbadges:assertion", kwargs=key)),
        png_url=png_url,
        credential_url=_absolute(base, reverse("openbadges:credential", kwargs=key)),
        linkedin_url=linkedin_url(award, public_url=public_url),
        # The signature shows the baked PNG: it stops showing (410) once the award is revoked.
        signature_html=signature_html(award, public_url=public_url, image_url=png_url),
    )
