"""Awarding once, the one-open-award constraint, expiry and re-earning, revocation, who may
award, and the emails (once, after commit)."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from badges import services
from badges.models import AwardMethod, BadgeAward
from cohorts import services as cohort_services
from core.errors import ApplicationError, PermissionDenied

pytestmark = pytest.mark.django_db


def test_award_once_then_the_same_award(make_badge_class, learner):
    badge_class = make_badge_class()
    first, new = services.badge_award(badge_class=badge_class, recipient=learner, method="rules")
    second, again = services.badge_award(badge_class=badge_class, recipient=learner, method="rules")
    assert first.pk == second.pk
    assert new and not again
    assert BadgeAward.objects.filter(recipient=learner).count() == 1
    assert first.status == "active"
    salt = first.recipient_salt
    expected = hashlib.sha256((learner.email.lower() + salt).encode()).hexdigest()
    assert first.recipient_hash == f"sha256${expected}"
    assert len(salt) >= 16


def test_the_database_refuses_a_second_open_award(make_badge_class, learner):
    badge_class = make_badge_class()
    award = services.badge_award(badge_class=badge_class, recipient=learner, method="rules").award
    duplicate = BadgeAward(
        badge_class=badge_class,
        recipient=learner,
        recipient_salt="x",
        recipient_hash="sha256$x",
        method=AwardMethod.RULES,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
    # A closed award does not count: history can hold many.
    award.closed_at = timezone.now()
    award.save(update_fields=["closed_at"])
    duplicate.save()
    assert BadgeAward.objects.filter(recipient=learner, closed_at__isnull=True).count() == 1


def test_expiry_counts_from_the_issue_date_and_an_expired_badge_is_earned_again(
    make_badge_class, learner
):
    badge_class = make_badge_class(expires_after_months=12)
    issued = timezone.now() - timedelta(days=400)
    old = services.badge_award(
        badge_class=badge_class, recipient=learner, method="rules", issued_on=issued
    ).award
    assert old.expires_on.date() == issued.replace(year=issued.year + 1).date()
    assert old.status == "expired"
    new = services.badge_award(badge_class=badge_class, recipient=learner, method="rules").award
    assert new.pk != old.pk and new.status == "active"
    old.refresh_from_db()
    assert old.closed_at is not None and old.status == "expired"
    assert BadgeAward.objects.filter(recipient=learner, closed_at__isnull=True).get() == new


def test_revoke_needs_a_reason_and_closes_the_award(make_badge_class, learner, facilitator):
    badge_class = make_badge_class()
    award = services.badge_award(badge_class=badge_class, recipient=learner, method="rules").award
    with pytest.raises(ApplicationError) as error:
        services.badge_revoke(award=award, by=facilitator, reason="   ")
    assert error.value.field == "reason"
    award.refresh_from_db()
    assert award.revoked_at is None
    services.badge_revoke(award=award, by=facilitator, reason="Awarded by mistake.")
    award.refresh_from_db()
    assert award.status == "revoked" and award.closed_at and award.revoked_by == facilitator
    assert award.revocation_reason == "Awarded by mistake."
    with pytest.raises(ApplicationError) as again:
        services.badge_revoke(award=award, by=facilitator, reason="Twice.")
    assert again.value.code == "already_revoked"


def test_a_manual_award_after_a_revocation_is_a_new_award(make_badge_class, learner, facilitator):
    badge_class = make_badge_class()
    award = services.badge_award(
        badge_class=badge_class, recipient=learner, method="manual", awarded_by=facilitator
    ).award
    services.badge_revoke(award=award, by=facilitator, reason="Wrong person.")
    again = services.badge_award(
        badge_class=badge_class, recipient=learner, method="manual", awarded_by=facilitator
    ).award
    assert again.pk != award.pk and again.status == "active"


def test_only_the_learners_facilitators_award_and_revoke(
    make_badge_class, learner, make_user, make_cohort, facilitator
):
    badge_class = make_badge_class()
    other = make_user("olga", role="facilitator")
    other_cohort = make_cohort(title="Another cohort")
    other_cohort.facilitators.set([other])
    coach = make_user("sam")
    for actor in (other, coach, learner):
        with pytest.raises(PermissionDenied):
            services.badge_award(
                badge_class=badge_class, recipient=learner, method="manual", awarded_by=actor
            )
    award = services.badge_award(
        badge_class=badge_class, recipient=learner, method="manual", awarded_by=facilitator
    ).award
    for actor in (other, coach, learner):
        with pytest.raises(PermissionDenied):
            services.badge_revoke(award=award, by=actor, reason="No.")
    staff = make_user("admin2", is_staff=True)
    services.badge_revoke(award=award, by=staff, reason="Staff may.")


def test_a_dropped_learner_is_no_longer_the_facilitators(
    make_badge_class, learner, facilitator, self_paced
):
    badge_class = make_badge_class()
    enrollment = learner.enrollments.get(cohort=self_paced)
    cohort_services.enrollment_drop(enrollment=enrollment, by=learner)
    with pytest.raises(PermissionDenied):
        services.badge_award(
            badge_class=badge_class, recipient=learner, method="manual", awarded_by=facilitator
        )


def test_inactive_class_and_bad_method_are_refused(make_badge_class, learner):
    with pytest.raises(ApplicationError):
        services.badge_award(
            badge_class=make_badge_class(is_active=False), recipient=learner, method="rules"
        )
    with pytest.raises(ApplicationError):
        services.badge_award(badge_class=make_badge_class(), recipient=learner, method="magic")
    assert not BadgeAward.objects.exists()


def test_award_email_is_sent_once_after_commit_with_the_sharing_links(
    make_badge_class, learner, django_capture_on_commit_callbacks
):
    badge_class = make_badge_class()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        award = services.badge_award(
            badge_class=badge_class, recipient=learner, method="rules"
        ).award
        assert mail.outbox == []  # nothing before the commit
    assert len(callbacks) == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.badge_award(badge_class=badge_class, recipient=learner, method="rules")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [learner.email]
    assert badge_class.name in message.subject
    assert f"/badges/awards/{award.entity_id}/" in message.body
    assert "linkedin.com/profile/add" in message.body
    assert f"/ob/assertions/{award.entity_id}/baked.png" in message.body
    html = message.alternatives[0][0]
    assert "<a href=" in html and str(award.entity_id) in html


def test_revoked_email_carries_the_reason(
    make_badge_class, learner, facilitator, django_capture_on_commit_callbacks
):
    award = services.badge_award(
        badge_class=make_badge_class(), recipient=learner, method="rules"
    ).award
    with django_capture_on_commit_callbacks(execute=True):
        services.badge_revoke(award=award, by=facilitator, reason="Sessions led by a colleague.")
    assert len(mail.outbox) == 1
    assert "revoked" in mail.outbox[0].subject
    assert "Sessions led by a colleague." in mail.outbox[0].body


def test_no_email_when_the_award_rolls_back(
    make_badge_class, learner, django_capture_on_commit_callbacks
):
    badge_class = make_badge_class()
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                services.badge_award(badge_class=badge_class, recipient=learner, method="rules")
                raise RuntimeError("later failure")
        except RuntimeError:
            pass
    assert mail.outbox == [] and not BadgeAward.objects.exists()
