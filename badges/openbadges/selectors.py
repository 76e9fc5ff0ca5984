"""Reads for the public Open Badges documents, each one query (alignments: one more).

Every award is readable by its id, revoked or not: the views decide what a revoked one shows.
"""

from __future__ import annotations

from badges.models import BadgeAward, BadgeClass, Issuer, IssuerKey


def issuer_get(*, entity_id) -> Issuer | None:
    return Issuer.objects.filter(entity_id=entity_id).first()


def badge_class_get(*, entity_id, with_alignments: bool = False) -> BadgeClass | None:
    queryset = BadgeClass.objects.select_related("issuer")
    if with_alignments:
        queryset = queryset.prefetch_related("alignments")
    return queryset.filter(entity_id=entity_id).first()


def award_get(*, entity_id, with_alignments: bool = False) -> BadgeAward | None:
    queryset = BadgeAward.objects.select_related("badge_class__issuer")
    if with_alignments:
        queryset = queryset.prefetch_related("badge_class__alignments")
    return queryset.filter(entity_id=entity_id).first()


def issuer_keys_published() -> list[IssuerKey]:
    """Every issuer key, active or retired: credentials signed by a retired key still verify."""
    return list(IssuerKey.objects.order_by("created_at", "pk"))


def status_list_signer() -> Issuer | None:
    """The issuer whose key signs the site's status lists: the oldest one."""
    return Issuer.objects.order_by("created_at", "pk").first()
