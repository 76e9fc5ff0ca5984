"""Revocation in the credential itself: W3C Bitstring Status List v1.0.

Each award holds one bit (``BadgeAward.status_index``) in the site's revocation lists. Its
Open Badges 3.0 credential carries a ``BitstringStatusListEntry`` pointing at that bit; the list
is a ``BitstringStatusListCredential`` (a VC-JWT signed by the issuer's key, like the
credentials) served at ``/ob/status/revocation/<n>``. A verifier fetches it, decodes
``encodedList`` (multibase base64url, no padding, of the GZIP-compressed bitstring; bit 0 is
the left-most bit of the first byte) and reads the bit: 1 = revoked.

The bits are not stored: a list is built from the awards revoked at the time it is served, so
revoking an award (``badge_revoke``) sets its bit and nothing can drift. Every list has the
spec's minimum of 131,072 bits (16 KB), for herd privacy; an index is drawn at random, never in
order, so neighbouring bits say nothing about when an award was issued. The unique index on
``status_index`` is what keeps two awards off one bit, even when awards are made concurrently:
a draw that collides fails inside a savepoint and is drawn again.
"""

from __future__ import annotations

import base64
import gzip
import secrets

from django.db import IntegrityError, transaction
from django.urls import reverse

from badges.models import BadgeAward

from .documents import timestamp

LIST_SIZE = 131_072  # bits: the spec's minimum (16 KB before compression)
PURPOSE = "revocation"
# Lists are kept at most half full, so a random draw finds a free bit in a few tries.
_FILL = LIST_SIZE // 2
_TRIES = 32


def list_url(number: int, *, base: str) -> str:
    return base + reverse("openbadges:status-list", kwargs={"number": number})


def status_entry(award: BadgeAward, *, base: str) -> dict | None:
    """The credential's ``credentialStatus``; None for an award without an index."""
    if award.status_index is None:
        return None
    number, bit = divmod(award.status_index, LIST_SIZE)
    url = list_url(number, base=base)
    return {
        "id": f"{url}#{bit}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": PURPOSE,
        "statusListIndex": str(bit),
        "statusListCredential": url,
    }


def _draw(taken: int) -> int:
    lists = taken // _FILL + 1
    return secrets.randbelow(lists * LIST_SIZE)


def status_index_assign(*, award: BadgeAward) -> BadgeAward:
    """Give ``award`` a free bit (once; call inside the award's transaction)."""
    if award.status_index is not None:
        return award
    taken = BadgeAward.objects.filter(status_index__isnull=False).count()
    for _ in range(_TRIES):
        award.status_index = _draw(taken)
        try:
            with transaction.atomic():
                award.save(update_fields=["status_index"])
            return award
        except IntegrityError:  # that bit is someone else's (or was just taken)
            continue
    raise RuntimeError("No free status list bit found")  # pragma: no cover (vanishingly rare)


def encode_bits(indexes) -> str:
    """``encodedList`` for a list with ``indexes`` (positions within the list) set to 1."""
    bits = bytearray(LIST_SIZE // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    return "u" + base64.urlsafe_b64encode(gzip.compress(bytes(bits), mtime=0)).rstrip(b"=").decode(
        "ascii"
    )


def decode_bits(encoded: str) -> bytes:
    """The raw bitstring of an ``encodedList`` (what a verifier does)."""
    if not encoded.startswith("u"):
        raise ValueError("encodedList must be multibase base64url ('u' prefix)")
    payload = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def bit_is_set(bits: bytes, index: int) -> bool:
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def revoked_positions(number: int) -> list[int]:
    """Positions set in list ``number``: the revoked awards' bits (one query)."""
    start = number * LIST_SIZE
    indexes = BadgeAward.objects.filter(
        revoked_at__isnull=False, status_index__gte=start, status_index__lt=start + LIST_SIZE
    ).values_list("status_index", flat=True)
    return [index - start for index in indexes]


def list_exists(number: int) -> bool:
    """Lists are served from 0 up to the highest one any award uses."""
    if number == 0:
        return True
    return BadgeAward.objects.filter(status_index__gte=number * LIST_SIZE).exists()


def status_list_document(number: int, *, base: str, issuer_did: str, valid_from) -> dict:
    """The unsigned ``BitstringStatusListCredential`` for list ``number``."""
    url = list_url(number, base=base)
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did,
        "validFrom": timestamp(valid_from),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": PURPOSE,
            "encodedList": encode_bits(revoked_positions(number)),
        },
    }
