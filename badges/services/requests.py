"""The certification queue: learners who met a class's automatic rules wait here for a
facilitator, who approves (the badge is awarded) or asks for changes (the learner is told
what to do, by email and on their badges page)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.errors import ApplicationError, PermissionDenied

from .. import emails
from ..models import AwardMethod, BadgeClass, CertificationRequest, RequestStatus
from ..selectors import can_act_for
from .awards import badge_award

MESSAGE_MAX = 5_000


@transaction.atomic
def certification_request_open(
    *, badge_class: BadgeClass, learner, resubmit: bool = True
) -> tuple[CertificationRequest, bool]:
    """Put the learner in the queue for this class, once. A request that was sent back
    returns to the queue when ``resubmit``. Returns the request and whether it changed."""
    request = CertificationRequest.objects.filter(
        badge_class=badge_class,
        learner=learner,
        status__in=[RequestStatus.PENDING, RequestStatus.CHANGES],
    ).first()
    if request is None:
        try:
            with transaction.atomic():
                return (
                    CertificationRequest.objects.create(badge_class=badge_class, learner=learner),
                    True,
                )
        except IntegrityError:  # a concurrent event opened it first
            request = CertificationRequest.objects.get(
                badge_class=badge_class,
                learner=learner,
                status__in=[RequestStatus.PENDING, RequestStatus.CHANGES],
            )
    if request.status == RequestStatus.CHANGES and resubmit:
        request.status = RequestStatus.PENDING
        request.save(update_fields=["status", "updated_at"])
        return request, True
    return request, False


def _locked_open_request(request: CertificationRequest, by) -> CertificationRequest:
    request = (
        CertificationRequest.objects.select_for_update()
        .select_related("badge_class", "learner")
        .get(pk=request.pk)
    )
    if not can_act_for(actor=by, learner=request.learner):
        raise PermissionDenied("Only the learner's facilitators can decide on this request.")
    if request.status == RequestStatus.APPROVED:
        raise ApplicationError("This request is already approved.", code="already_approved")
    return request


@transaction.atomic
def certification_approve(*, request: CertificationRequest, by) -> CertificationRequest:
    """Approve: the badge is awarded (method "approval") and the request closed."""
    request = _locked_open_request(request, by)
    award = badge_award(
        badge_class=request.badge_class,
        recipient=request.learner,
        method=AwardMethod.APPROVAL,
        awarded_by=by,
    ).award
    request.status = RequestStatus.APPROVED
    request.award = award
    request.decided_by = by
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "award", "decided_by", "decided_at", "updated_at"])
    return request


@transaction.atomic
def certification_request_changes(
    *, request: CertificationRequest, by, message: str
) -> CertificationRequest:
    """Send the request back with what the learner should do; they are emailed and see the
    message on their badges page. Their next reflection or practice puts it back in the
    queue."""
    message = (message or "").strip()
    if not message:
        raise ApplicationError(
            "Tell the learner what to do next.", code="message_required", field="message"
        )
    if len(message) > MESSAGE_MAX:
        raise ApplicationError(
            f"The message can be at most {MESSAGE_MAX:,} characters.", field="message"
        )
    request = _locked_open_request(request, by)
    request.status = RequestStatus.CHANGES
    request.message = message
    request.decided_by = by
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "message", "decided_by", "decided_at", "updated_at"])
    emails.changes_requested_on_commit(request)
    return request
