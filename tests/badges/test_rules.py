"""Rules: each explains itself; all must hold; the approval path goes through the queue;
events (course completed, reflection written, practice changed) re-evaluate."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail

from badges import receivers, rules, selectors, services
from badges.models import BadgeAward, CertificationRequest
from core.errors import ApplicationError, PermissionDenied

from .conftest import finish_course, reflect

pytestmark = pytest.mark.django_db


def _progress(user, badge_class):
    return {r.key: r for r in selectors.badge_progress(user=user, badge_class=badge_class).rules}


def test_course_and_reflection_rules_explain_themselves(make_badge_class, learner, course, lessons):
    badge_class = make_badge_class(course=course, min_reflections=2)
    before = _progress(learner, badge_class)
    assert not before["course"].met and "Not completed" in before["course"].detail
    assert not before["reflections"].met and before["reflections"].detail == "0 of 2 written."
    assert services.badge_rules_evaluate(user=learner) == []

    finish_course(learner, lessons)
    reflect(learner, lessons, 1)
    assert services.badge_rules_evaluate(user=learner) == []
    middle = _progress(learner, badge_class)
    assert middle["course"].met and middle["reflections"].detail == "1 of 2 written."

    reflect(learner, lessons, 2)
    [award] = services.badge_rules_evaluate(user=learner)
    assert isinstance(award, BadgeAward) and award.method == "rules"
    assert services.badge_rules_evaluate(user=learner) == []  # once
    assert selectors.badge_progress(user=learner, badge_class=badge_class).held


def test_reflections_in_another_course_do_not_count(
    make_badge_class, learner, course, lessons, make_course
):
    other = make_course(slug="other-course", modules=1, lessons=1)
    badge_class = make_badge_class(course=other, min_reflections=1)
    reflect(learner, lessons, 2)  # in ``course``
    assert _progress(learner, badge_class)["reflections"].detail == "0 of 1 written."


def test_a_class_without_automatic_rules_is_never_awarded_by_them(make_badge_class, learner):
    make_badge_class()  # manual only
    make_badge_class(requires_approval=True)
    assert services.badge_rules_evaluate(user=learner) == []
    assert not BadgeAward.objects.exists() and not CertificationRequest.objects.exists()


def log_practice(user, minutes: int, days_ago: int = 0):
    from datetime import timedelta

    from django.utils import timezone

    from practice.services import practice_entry_create

    return practice_entry_create(
        coach=user,
        date=timezone.localdate() - timedelta(days=days_ago),
        minutes=minutes,
        kind="one_to_one",
    )


def test_practice_rule_reads_the_practice_log_in_its_window(make_badge_class, learner):
    badge_class = make_badge_class(min_practice_hours=Decimal("2"), practice_window_months=3)
    rule = _progress(learner, badge_class)["practice"]
    assert not rule.met and rule.detail == "0 of 2 hours logged."
    assert "in the last 3 months" in rule.label
    log_practice(learner, 90, days_ago=200)  # outside the window: does not count
    log_practice(learner, 90, days_ago=10)
    assert _progress(learner, badge_class)["practice"].detail == "1.50 of 2 hours logged."
    assert services.badge_rules_evaluate(user=learner) == []
    log_practice(learner, 30, days_ago=0)
    rule = _progress(learner, badge_class)["practice"]
    assert rule.met and rule.detail == "2 of 2 hours logged."


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_logging_practice_awards_the_badge_after_commit(make_badge_class, learner):
    """The practice log's ``practice_changed`` signal (sent after commit) re-evaluates."""
    make_badge_class(min_practice_hours=Decimal("1"), practice_window_months=6)
    log_practice(learner, 45)
    assert learner.badge_awards.count() == 0
    log_practice(learner, 15)
    [award] = learner.badge_awards.all()
    assert award.method == "rules"


def test_practice_rule_reads_hours_in_its_window(make_badge_class, learner, monkeypatch):
    calls = []

    def fake(*, user, start, end):
        calls.append((user, start, end))
        return Decimal("12.5")

    monkeypatch.setattr(rules, "practice_hours_between", fake)
    badge_class = make_badge_class(min_practice_hours=Decimal("10"), practice_window_months=6)
    rule = _progress(learner, badge_class)["practice"]
    assert rule.met and rule.detail == "12.50 of 10 hours logged."
    (user, start, end) = calls[0]
    assert user == learner and rules.add_months(end, -6) == start
    [award] = services.badge_rules_evaluate(user=learner)
    assert award.badge_class == badge_class


def test_add_months_clamps_to_the_end_of_the_month():
    from datetime import date

    assert rules.add_months(date(2026, 8, 31), -6) == date(2026, 2, 28)
    assert rules.add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert rules.add_months(date(2026, 1, 15), -13) == date(2024, 12, 15)


def test_approval_path_queue_then_approve_awards(
    make_badge_class, learner, course, lessons, facilitator, django_capture_on_commit_callbacks
):
    make_badge_class(course=course, min_reflections=1, requires_approval=True)
    finish_course(learner, lessons)
    reflect(learner, lessons, 1)
    [request] = services.badge_rules_evaluate(user=learner)
    assert isinstance(request, CertificationRequest) and request.status == "pending"
    assert services.badge_rules_evaluate(user=learner) == []  # no second request
    assert not BadgeAward.objects.exists()
    queue = selectors.certification_queue(user=facilitator)
    assert [entry.request for entry in queue] == [request]
    assert len(queue[0].reflections) == 1
    assert queue[0].practice_hours == 0 and queue[0].practice_note.startswith("0.00 hours from")

    with django_capture_on_commit_callbacks(execute=True):
        approved = services.certification_approve(request=request, by=facilitator)
    assert approved.status == "approved" and approved.award.method == "approval"
    assert approved.award.awarded_by == facilitator
    assert len(mail.outbox) == 1 and "earned" in mail.outbox[0].subject
    with pytest.raises(ApplicationError):
        services.certification_approve(request=approved, by=facilitator)
    assert selectors.certification_queue(user=facilitator) == []


def test_request_changes_tells_the_learner_and_a_reflection_resubmits(
    make_badge_class,
    learner,
    course,
    lessons,
    facilitator,
    client,
    django_capture_on_commit_callbacks,
):
    badge_class = make_badge_class(course=course, min_reflections=1, requires_approval=True)
    finish_course(learner, lessons)
    reflect(learner, lessons, 1)
    [request] = services.badge_rules_evaluate(user=learner)
    with pytest.raises(ApplicationError):
        services.certification_request_changes(request=request, by=facilitator, message=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.certification_request_changes(
            request=request, by=facilitator, message="Add a reflection on module 3."
        )
    request.refresh_from_db()
    assert request.status == "changes"
    assert len(mail.outbox) == 1 and "Add a reflection on module 3." in mail.outbox[0].body

    client.force_login(learner)
    page = client.get("/badges/").content.decode()
    assert "Add a reflection on module 3." in page and "asks for one more step" in page

    # The learner writes another reflection: the event puts the request back in the queue.
    with django_capture_on_commit_callbacks(execute=True):
        reflect(learner, lessons, 2)
    request.refresh_from_db()
    assert request.status == "pending"
    assert badge_class.requests.count() == 1


def test_a_facilitator_of_another_cohort_cannot_approve(
    make_badge_class, learner, course, lessons, make_user, make_cohort
):
    badge_class = make_badge_class(course=course, requires_approval=True)
    finish_course(learner, lessons)
    [request] = services.badge_rules_evaluate(user=learner)
    other = make_user("olga")
    make_cohort(title="Olga's cohort").facilitators.set([other])
    assert selectors.certification_queue(user=other) == []
    for actor in (other, learner):
        with pytest.raises(PermissionDenied):
            services.certification_approve(request=request, by=actor)
        with pytest.raises(PermissionDenied):
            services.certification_request_changes(request=request, by=actor, message="x")
    assert badge_class.awards.count() == 0


def test_a_revoked_badge_is_not_awarded_again_by_the_rules(
    make_badge_class, learner, course, lessons, facilitator
):
    badge_class = make_badge_class(course=course)
    finish_course(learner, lessons)
    [award] = services.badge_rules_evaluate(user=learner)
    services.badge_revoke(award=award, by=facilitator, reason="Shared account.")
    assert services.badge_rules_evaluate(user=learner) == []
    assert badge_class.awards.count() == 1


def test_events_evaluate_after_commit(
    make_badge_class, learner, course, lessons, django_capture_on_commit_callbacks
):
    make_badge_class(course=course)
    with django_capture_on_commit_callbacks(execute=True):
        finish_course(learner, lessons)  # the last lesson sends course_completed
    assert learner.badge_awards.count() == 1


def test_a_failing_evaluation_never_breaks_the_learners_write(learner, monkeypatch, caplog):
    def boom(**kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(services, "badge_rules_evaluate", boom)
    receivers.on_reflection_written(sender=None, user=learner, reflection=None)
    assert "Badge rules evaluation failed" in caplog.text


def test_evaluate_badges_command_renews_expired_awards_whose_rules_still_hold(
    make_badge_class, learner, course, lessons, make_user
):
    import io
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    badge_class = make_badge_class(course=course, expires_after_months=12)
    finish_course(learner, lessons)
    old = services.badge_award(
        badge_class=badge_class,
        recipient=learner,
        method="rules",
        issued_on=timezone.now() - timedelta(days=400),
    ).award
    lapsed = make_user("lapsed")  # expired too, but the rules no longer hold for them
    services.badge_award(
        badge_class=badge_class,
        recipient=lapsed,
        method="rules",
        issued_on=timezone.now() - timedelta(days=400),
    )
    out = io.StringIO()
    call_command("evaluate_badges", stdout=out)
    assert "Checked 2 people with an expired badge: 1 awarded again" in out.getvalue()
    current = learner.badge_awards.get(closed_at__isnull=True)
    assert current.pk != old.pk and current.status == "active"
    assert lapsed.badge_awards.get().status == "expired"
    call_command("evaluate_badges", stdout=io.StringIO())
    assert learner.badge_awards.count() == 2
