"""Awarding and revoking badges.

``badge_award`` is idempotent under concurrent events: it locks the recipient's row (a
``SELECT … FOR UPDATE`` on PostgreSQL; SQLite runs write transactions one at a time), and the
partial unique index ``badges_one_open_award`` is the last word — a second insert fails inside
a savepoint and the existing award is returned.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.errors import ApplicationError, PermissionDenied

from .. import emails
from ..models import AwardMethod, BadgeAward, BadgeClass
from ..openbadges.identity import new_salt, recipient_identity
from ..openbadges.status import status_index_assign
from ..rules import add_months
from ..selectors import can_act_for

REASON_MAX = 2_000
NOTE_MAX = 5_000


def _lock_recipient(recipient) -> None:
    get_user_model().objects.select_for_update().filter(pk=recipient.pk).first()


class Awarded(NamedTuple):
    """What ``badge_award`` did. ``created`` is False when the recipient already held a
    current award (decided under the recipient's row lock, so of two racing requests exactly
    one creates)."""

    award: BadgeAward
    created: bool


@transaction.atomic
def badge_award(
    *,
    badge_class: BadgeClass,
    recipient,
    method: str,
    awarded_by=None,
    evidence_note: str = "",
    issued_on: datetime | None = None,
) -> Awarded:
    """Award ``badge_class`` to ``recipient`` once. If they hold a current award, it is
    returned unchanged (and nobody is emailed); an expired one is closed and replaced by a
    new award. A manual award needs a facilitator of one of the recipient's cohorts (or
    staff). ``issued_on`` backdates the award (imports, the demo); the expiry counts from it.
    The recipient is emailed after commit."""
    if method not in AwardMethod.values:
        raise ApplicationError("Unknown award method.", field="method")
    if method == AwardMethod.MANUAL and (
        awarded_by is None or not can_act_for(actor=awarded_by, learner=recipient)
    ):
        raise PermissionDenied("Only the learner's facilitators can award them a badge.")
    if not badge_class.is_active:
        raise ApplicationError(
            "This badge is no longer awarded.", code="badge_inactive", field="badge_class"
        )
    if not recipient.email:
        raise ApplicationError(
            "A badge needs the recipient's email address.", code="no_email", field="recipient"
        )
    evidence_note = (evidence_note or "").strip()
    if len(evidence_note) > NOTE_MAX:
        raise ApplicationError(
            f"The evidence note can be at most {NOTE_MAX:,} characters.", field="evidence_note"
        )

    _lock_recipient(recipient)
    current = BadgeAward.objects.filter(
        badge_class=badge_class, recipient=recipient, closed_at__isnull=True
    ).first()
    if current is not None and not current.is_expired:
        return Awarded(current, created=False)
    now = timezone.now()
    if current is not None:  # expired: close it, so the new award can be the open one
        current.closed_at = now
        current.save(update_fields=["closed_at"])

    issued = issued_on or now
    salt = new_salt()
    award = BadgeAward(
        badge_class=badge_class,
        recipient=recipient,
        recipient_salt=salt,
        recipient_hash=recipient_identity(recipient.email, salt),
        issued_on=issued,
        expires_on=(
            add_months(issued, badge_class.expires_after_months)
            if badge_class.expires_after_months
            else None
        ),
        method=method,
        awarded_by=awarded_by,
        evidence_note=evidence_note,
    )
    try:
        with transaction.atomic():
            award.save()
    except IntegrityError:  # a concurrent event awarded it first
        existing = BadgeAward.objects.filter(
            badge_class=badge_class, recipient=recipient, closed_at__isnull=True
        ).first()
        if existing is None:
            raise
        return Awarded(existing, created=False)
    status_index_assign(award=award)  # its bit in the revocation list (credentialStatus)
    emails.award_issued_on_commit(award)
    return Awarded(award, created=True)


@transaction.atomic
def badge_revoke(*, award: BadgeAward, by, reason: str) -> BadgeAward:
    """Revoke a current award with a reason (shown on its public page and in verification).
    The recipient is emailed after commit."""
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(
            "Say why the badge is revoked.", code="reason_required", field="reason"
        )
    if len(reason) > REASON_MAX:
        raise ApplicationError(
            f"The reason can be at most {REASON_MAX:,} characters.", field="reason"
        )
    award = (
        BadgeAward.objects.select_for_update()
        .select_related("badge_class", "recipient")
        .get(pk=award.pk)
    )
    if not can_act_for(actor=by, learner=award.recipient):
        raise PermissionDenied("Only the learner's facilitators can revoke their badge.")
    if award.revoked_at is not None:
        raise ApplicationError("This badge is already revoked.", code="already_revoked")
    if award.closed_at is not None:
        raise ApplicationError(
            "This award was replaced by a newer one: revoke that one.", code="award_closed"
        )
    now = timezone.now()
    award.revoked_at = now
    award.closed_at = now
    award.revoked_by = by
    award.revocation_reason = reason
    award.save(update_fields=["revoked_at", "closed_at", "revoked_by", "revocation_reason"])
    emails.award_revoked_on_commit(award)
    return award


@transaction.atomic
def award_evidence_publish(*, award: BadgeAward, by, public: bool) -> BadgeAward:
    """The earner chooses whether the evidence note appears on the public page."""
    if award.recipient_id != by.pk:
        raise PermissionDenied("Only the earner decides what their badge page shows.")
    award.evidence_public = bool(public)
    award.save(update_fields=["evidence_public"])
    return award
