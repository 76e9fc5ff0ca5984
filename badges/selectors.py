"""Reads for badge pages and APIs, each applying who may see what: an earner sees their own
awards and progress; a facilitator acts for the learners of the cohorts they facilitate (staff
and superusers for everyone); the public sees an award page by its unguessable id and a
profile only when its owner opted in — never a revoked award on a profile, never an email."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from cohorts.models import Cohort, Enrollment, EnrollmentStatus, Reflection
from practice.selectors import practice_hours_of

from .models import (
    AwardStatus,
    BadgeAlignment,
    BadgeAward,
    BadgeClass,
    CertificationRequest,
    EarnerProfile,
    RequestStatus,
)
from .rules import RuleInputs, has_automatic_rules, practice_window, rule_results, rules_met

# --- rights -----------------------------------------------------------------------------------


def _is_admin(user) -> bool:
    return bool(getattr(user, "is_superuser", False) or getattr(user, "is_staff", False))


def learners_of(*, actor):
    """People a facilitator may award, revoke and approve for: active learners of the cohorts
    they facilitate (everyone, for staff). Never themselves, unless superuser."""
    User = get_user_model()
    if not getattr(actor, "is_authenticated", False):
        return User.objects.none()
    if _is_admin(actor):
        return User.objects.all()
    taught = Enrollment.objects.filter(
        user=OuterRef("pk"), status=EnrollmentStatus.ACTIVE, cohort__facilitators=actor
    )
    return User.objects.filter(Exists(taught)).exclude(pk=actor.pk)


def can_act_for(*, actor, learner) -> bool:
    if actor is None or learner is None:
        return False
    return learners_of(actor=actor).filter(pk=learner.pk).exists()


def is_badge_facilitator(*, user) -> bool:
    """Does this person see the certification queue and the award form?"""
    if not getattr(user, "is_authenticated", False):
        return False
    return _is_admin(user) or Cohort.objects.filter(facilitators=user).exists()


# --- classes ---------------------------------------------------------------------------------


def badge_class_list():
    """Active classes with their issuer, course and alignments (three queries)."""
    return (
        BadgeClass.objects.filter(is_active=True)
        .select_related("issuer", "course")
        .prefetch_related(
            Prefetch("alignments", queryset=BadgeAlignment.objects.order_by("sort_order"))
        )
        .order_by("name")
    )


# --- awards ----------------------------------------------------------------------------------


def _awards():
    return BadgeAward.objects.select_related("badge_class", "badge_class__issuer")


def awards_of(*, user):
    """A person's own awards worth showing: current ones (active or expired) and revoked
    ones; an expired award replaced by a newer one is history."""
    if not getattr(user, "is_authenticated", False):
        return BadgeAward.objects.none()
    return (
        _awards()
        .filter(recipient=user)
        .filter(Q(closed_at__isnull=True) | Q(revoked_at__isnull=False))
        .order_by("-issued_on", "-pk")
    )


def _as_uuid(value) -> uuid.UUID | None:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


def award_get_public(*, entity_id) -> BadgeAward | None:
    """Any award by its id (the public page shows revoked ones as revoked), with what the
    page needs; None for an unknown or malformed id."""
    key = _as_uuid(entity_id)
    if key is None:
        return None
    return (
        _awards()
        .select_related("recipient", "recipient__earner_profile", "badge_class__course")
        .filter(entity_id=key)
        .first()
    )


def award_get_manageable(*, user, entity_id) -> BadgeAward | None:
    """An award the person may revoke (their learners'), or None."""
    key = _as_uuid(entity_id)
    if key is None:
        return None
    return (
        _awards()
        .select_related("recipient")
        .filter(entity_id=key, recipient__in=learners_of(actor=user))
        .first()
    )


def awards_managed_by(*, user, limit: int = 50):
    """Recent current awards of the person's learners (the facilitator's award page)."""
    return (
        _awards()
        .select_related("recipient")
        .filter(recipient__in=learners_of(actor=user), closed_at__isnull=True)
        .order_by("-issued_on", "-pk")[:limit]
    )


# --- profiles ---------------------------------------------------------------------------------


def earner_profile_of(*, user) -> EarnerProfile:
    """The person's sharing choices; an unsaved all-private one until they choose."""
    profile = EarnerProfile.objects.filter(user=user).first()
    return profile or EarnerProfile(user=user, slug="", public_profile=False, show_name=False)


def public_profile(*, slug: str) -> EarnerProfile | None:
    return (
        EarnerProfile.objects.select_related("user")
        .filter(slug=slug, public_profile=True, user__is_active=True)
        .first()
    )


def public_awards(*, user):
    """Awards on a public profile: current ones (active or expired), never revoked."""
    return (
        _awards()
        .filter(recipient=user, closed_at__isnull=True, revoked_at__isnull=True)
        .order_by("-issued_on", "-pk")
    )


# --- progress ---------------------------------------------------------------------------------


@dataclass
class ClassProgress:
    badge_class: BadgeClass
    rules: list  # of rules.RuleResult
    automatic: bool
    rules_met: bool
    award: BadgeAward | None
    request: CertificationRequest | None

    @property
    def held(self) -> bool:
        return self.award is not None and self.award.status == AwardStatus.ACTIVE


def _progress(badge_classes, *, user, awards, requests) -> list[ClassProgress]:
    inputs = RuleInputs.load(user=user)
    current = {a.badge_class_id: a for a in awards if a.closed_at is None}
    rows = []
    for badge_class in badge_classes:
        results = rule_results(badge_class=badge_class, inputs=inputs)
        rows.append(
            ClassProgress(
                badge_class=badge_class,
                rules=results,
                automatic=has_automatic_rules(badge_class),
                rules_met=rules_met(results),
                award=current.get(badge_class.pk),
                request=requests.get(badge_class.pk),
            )
        )
    return rows


def _open_requests(*, user) -> dict[int, CertificationRequest]:
    return {
        request.badge_class_id: request
        for request in CertificationRequest.objects.filter(
            learner=user, status__in=[RequestStatus.PENDING, RequestStatus.CHANGES]
        ).select_related("decided_by", "badge_class")
    }


def badge_progress(*, user, badge_class: BadgeClass) -> ClassProgress:
    """Where a person stands on one class: each rule met or not, with figures."""
    awards = list(_awards().filter(recipient=user, badge_class=badge_class, closed_at__isnull=True))
    return _progress([badge_class], user=user, awards=awards, requests=_open_requests(user=user))[0]


@dataclass
class MyBadges:
    awards: list[BadgeAward]
    progress: list[ClassProgress]
    profile: EarnerProfile
    messages: list[CertificationRequest] = field(default_factory=list)


def my_badges(*, user) -> MyBadges:
    """Everything "My badges" shows, in a fixed number of queries whatever the number of
    awards and classes (practice hours aside: one call per practice window)."""
    awards = list(awards_of(user=user))
    requests = _open_requests(user=user)
    classes = BadgeClass.objects.filter(is_active=True).select_related("issuer", "course")
    progress = _progress(classes, user=user, awards=awards, requests=requests)
    changes = [r for r in requests.values() if r.status == RequestStatus.CHANGES]
    return MyBadges(
        awards=awards, progress=progress, profile=earner_profile_of(user=user), messages=changes
    )


# --- the certification queue --------------------------------------------------------------------


@dataclass
class QueueEntry:
    request: CertificationRequest
    reflections: list[Reflection]
    practice_hours: Decimal
    practice_note: str


def certification_requests_for(*, user):
    """Open requests (waiting, or sent back) of the facilitator's learners."""
    return (
        CertificationRequest.objects.filter(
            status__in=[RequestStatus.PENDING, RequestStatus.CHANGES],
            learner__in=learners_of(actor=user),
        )
        .select_related("learner", "badge_class", "badge_class__course", "decided_by")
        .order_by("status", "created_at", "pk")
    )


def certification_request_get(*, user, pk: int) -> CertificationRequest | None:
    return certification_requests_for(user=user).filter(pk=pk).first()


def pending_count(*, user) -> int:
    return certification_requests_for(user=user).filter(status=RequestStatus.PENDING).count()


def certification_queue(*, user) -> list[QueueEntry]:
    """The queue with each learner's reflections in the class's course (text) and their
    practice hours in the class's window: a fixed number of queries whatever the queue's
    length (one more per distinct practice window)."""

    requests = list(certification_requests_for(user=user))
    pairs = {(r.learner_id, r.badge_class.course_id) for r in requests}
    learner_ids = {learner for learner, _course in pairs}
    by_pair: dict[tuple[int, int | None], list[Reflection]] = defaultdict(list)
    if requests:
        reflections = (
            Reflection.objects.filter(user_id__in=learner_ids)
            .select_related("lesson")
            .order_by("created_at", "pk")
        )
        for reflection in reflections:
            by_pair[(reflection.user_id, reflection.course_id)].append(reflection)
            by_pair[(reflection.user_id, None)].append(reflection)
    today = timezone.localdate()
    windows = {request.pk: practice_window(request.badge_class, today) for request in requests}
    hours = {  # one query per distinct window (one per badge class at most)
        window: practice_hours_of(user_ids=learner_ids, start=window[0], end=window[1])
        for window in set(windows.values())
    }
    entries = []
    for request in requests:
        start, end = windows[request.pk]
        learner_hours = hours[(start, end)][request.learner_id]
        entries.append(
            QueueEntry(
                request=request,
                reflections=by_pair.get((request.learner_id, request.badge_class.course_id), []),
                practice_hours=learner_hours,
                practice_note=(
                    f"{learner_hours:.2f} hours from {start:%b %-d, %Y} to {end:%b %-d, %Y}"
                ),
            )
        )
    return entries
