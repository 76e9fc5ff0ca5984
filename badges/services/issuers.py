"""The issuer: created with its signing key, so its DID document has a key from the start.

A verifier that resolves ``did:web`` before the first credential was ever asked for must find
the key (a keyless document would be cached by verifiers and fail every check until then).
Issuers made in the Wagtail admin get their key from the ``after_create_snippet`` hook, and
issuers that existed before this rule from the ``post_migrate`` step (``BadgesConfig``).
"""

from __future__ import annotations

from django.core.files.base import File
from django.db import transaction

from ..models import Issuer
from ..openbadges.keys import issuer_key_ensure


@transaction.atomic
def issuer_create(
    *,
    name: str,
    url: str,
    email: str,
    description: str = "",
    image_name: str = "",
    image: File | None = None,
) -> Issuer:
    """A new issuer and its active Ed25519 signing key, in one transaction."""
    issuer = Issuer(name=name, url=url, email=email, description=description)
    if image is not None:
        issuer.image.save(image_name, image, save=False)
    issuer.save()
    issuer_key_ensure(issuer=issuer)
    return issuer


@transaction.atomic
def issuer_url_set(*, issuer: Issuer, url: str) -> Issuer:
    """Point the issuer's public web site at ``url`` (the demo's issuer follows SITE_URL)."""
    if issuer.url != url:
        issuer.url = url
        issuer.save(update_fields=["url"])
    return issuer


def issuer_keys_ensure() -> int:
    """Give every issuer without an active key one; returns how many were made."""
    made = 0
    for issuer in Issuer.objects.exclude(keys__is_active=True):
        issuer_key_ensure(issuer=issuer)
        made += 1
    return made
