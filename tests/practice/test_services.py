"""Practice services: validation rules, the 24-hour day, the coach's local date, targets,
feedback links (one response, expiry, spam), and the practice_changed signal."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from unittest import mock

import pytest
from django.db import IntegrityError
from django.utils import timezone

from accounts.services import profile_update
from core.errors import ApplicationError, PermissionDenied
from practice import services
from practice.events import practice_changed
from practice.models import FeedbackLink, FeedbackResponse, Kind, PracticeEntry, PracticeSettings

pytestmark = pytest.mark.django_db


def test_create_stores_an_entry_with_normalised_tags(coach, log):
    entry = log(coach, focus_tags="Google  Classroom, feedback,feedback", private_notes="x")
    entry.refresh_from_db()
    assert entry.tags == ["google classroom", "feedback"]
    assert entry.minutes == 60 and entry.private_notes == "x"


@pytest.mark.parametrize("minutes", [0, -30, 1441])
def test_bad_durations_are_refused_and_nothing_is_stored(coach, log, minutes):
    with pytest.raises(ApplicationError) as error:
        log(coach, minutes=minutes)
    assert error.value.field == "minutes"
    assert PracticeEntry.objects.count() == 0


def test_more_than_24_hours_in_one_day_is_refused(coach, log):
    log(coach, minutes=600)
    log(coach, minutes=600)
    log(coach, minutes=240)  # exactly 24 h is fine
    with pytest.raises(ApplicationError) as error:
        log(coach, minutes=1)
    assert error.value.code == "day_over_24_hours"
    assert PracticeEntry.objects.count() == 3


def test_another_day_or_another_coach_does_not_count(coach, make_user, log):
    log(coach, minutes=1440)
    log(coach, minutes=1440, days_ago=1)
    log(make_user(), minutes=1440)
    assert PracticeEntry.objects.count() == 3


def test_update_checks_the_day_without_counting_itself(coach, log):
    entry = log(coach, minutes=1000)
    other = log(coach, minutes=400)
    services.practice_entry_update(entry=entry, by=coach, minutes=1040)
    with pytest.raises(ApplicationError):
        services.practice_entry_update(entry=entry, by=coach, minutes=1041)
    entry.refresh_from_db()
    assert entry.minutes == 1040
    log(coach, date=date(2020, 1, 1), minutes=1440)
    with pytest.raises(ApplicationError):  # moving an entry onto a full day
        services.practice_entry_update(entry=other, by=coach, date=date(2020, 1, 1))
    other.refresh_from_db()
    assert other.date != date(2020, 1, 1)


def test_a_date_in_the_future_is_refused(coach, log, today):
    with pytest.raises(ApplicationError) as error:
        log(coach, date=today + timedelta(days=1))
    assert error.value.code == "future_date"
    assert PracticeEntry.objects.count() == 0


def test_the_future_is_judged_in_the_coachs_time_zone(coach, log):
    # 03:00 UTC on March 10 is still March 9 in Chicago and already March 10 in Auckland.
    now = datetime(2026, 3, 10, 3, 0, tzinfo=UTC)
    profile_update(user=coach, time_zone="America/Chicago")
    with mock.patch("django.utils.timezone.now", return_value=now):
        with pytest.raises(ApplicationError):
            log(coach, date=date(2026, 3, 10))
        profile_update(user=coach, time_zone="Pacific/Auckland")
        assert log(coach, date=date(2026, 3, 10)).date == date(2026, 3, 10)


def test_time_zone_falls_back_to_the_cohort(coach, make_cohort):
    from cohorts import services as cohort_services

    cohort = make_cohort(time_zone="Pacific/Auckland")
    cohort_services.cohort_enroll(cohort=cohort, user=coach)
    now = datetime(2026, 3, 10, 13, 0, tzinfo=UTC)
    with mock.patch("django.utils.timezone.now", return_value=now):
        assert services.coach_today(coach) == date(2026, 3, 11)


def test_a_bad_time_zone_is_refused(coach):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        profile_update(user=coach, time_zone="Mars/Olympus")


def test_unknown_kind_and_grade_band_are_refused(coach, log):
    with pytest.raises(ApplicationError):
        log(coach, kind="lunch")
    with pytest.raises(ApplicationError):
        log(coach, grade_band="college")
    assert PracticeEntry.objects.count() == 0


@pytest.mark.parametrize("teachers", [-1, 501])
def test_teachers_reached_is_bounded(coach, log, teachers):
    with pytest.raises(ApplicationError) as error:
        log(coach, teachers_reached=teachers)
    assert error.value.field == "teachers_reached"
    assert PracticeEntry.objects.count() == 0


def test_too_many_or_too_long_tags_are_refused(coach, log):
    with pytest.raises(ApplicationError):
        log(coach, focus_tags=",".join(f"t{i}" for i in range(9)))
    with pytest.raises(ApplicationError):
        log(coach, focus_tags="x" * 31)


def test_only_the_coach_changes_or_deletes_an_entry(coach, make_user, log):
    entry = log(coach)
    other = make_user()
    with pytest.raises(PermissionDenied):
        services.practice_entry_update(entry=entry, by=other, minutes=10)
    with pytest.raises(PermissionDenied):
        services.practice_entry_delete(entry=entry, by=other)
    services.practice_entry_delete(entry=entry, by=coach)
    assert not PracticeEntry.objects.exists()


def test_the_database_refuses_a_zero_duration(coach, today):
    with pytest.raises(IntegrityError):
        PracticeEntry.objects.create(coach=coach, date=today, minutes=0, kind=Kind.PLANNING)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_practice_changed_is_sent_after_commit_for_each_write(coach, today):
    received = []

    def receiver(sender, user, **kwargs):
        received.append(user.pk)

    practice_changed.connect(receiver)
    try:
        entry = services.practice_entry_create(
            coach=coach, date=today, minutes=30, kind=Kind.PLANNING
        )
        services.practice_entry_update(entry=entry, by=coach, minutes=45)
        services.practice_entry_delete(entry=entry, by=coach)
        with pytest.raises(ApplicationError):
            services.practice_entry_create(coach=coach, date=today, minutes=0, kind="planning")
    finally:
        practice_changed.disconnect(receiver)
    assert received == [coach.pk, coach.pk, coach.pk]


def test_practice_changed_waits_for_the_commit(coach, today, django_capture_on_commit_callbacks):
    received = []

    def receiver(sender, user, **kwargs):
        received.append(user)

    practice_changed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.practice_entry_create(coach=coach, date=today, minutes=30, kind=Kind.PLANNING)
        assert received == [] and len(callbacks) == 1
        callbacks[0]()
        assert received == [coach]
    finally:
        practice_changed.disconnect(receiver)  # only ours: badges listens too


# --- targets ---------------------------------------------------------------------------------


def test_a_lead_sets_a_members_target(lead, coach, make_team):
    make_team(lead=lead, members=[coach])
    row = services.practice_target_set(coach=coach, hours="7.5", by=lead)
    assert row.monthly_target_hours == Decimal("7.5") and row.target_set_by == lead
    services.practice_target_set(coach=coach, hours=None, by=lead)
    assert PracticeSettings.objects.get(user=coach).monthly_target_hours is None


def test_only_a_lead_of_the_coachs_team_sets_a_target(lead, coach, make_user, make_team):
    other_lead = make_user("marcus")
    make_team(lead=other_lead, members=[make_user()])
    make_team(lead=lead, members=[coach])
    with pytest.raises(PermissionDenied):
        services.practice_target_set(coach=coach, hours=5, by=other_lead)
    with pytest.raises(PermissionDenied):
        services.practice_target_set(coach=coach, hours=5, by=coach)
    assert not PracticeSettings.objects.filter(monthly_target_hours__isnull=False).exists()


@pytest.mark.parametrize("hours", [0, -1, 201, "lots"])
def test_a_bad_target_is_refused(lead, coach, make_team, hours):
    make_team(lead=lead, members=[coach])
    with pytest.raises(ApplicationError):
        services.practice_target_set(coach=coach, hours=hours, by=lead)
    assert not PracticeSettings.objects.filter(monthly_target_hours__isnull=False).exists()


# --- feedback --------------------------------------------------------------------------------


def test_a_link_stores_only_the_hash_of_a_long_random_token(coach, log):
    link, token = services.feedback_link_create(entry=log(coach), by=coach)
    assert len(token) >= 43  # 32 random bytes, URL-safe base64
    assert token not in link.token_hash and link.token_hash == services.hash_token(token)
    assert link.expires_at > timezone.now() + timedelta(days=13)


def test_only_the_coach_makes_links_for_their_session(coach, make_user, log):
    with pytest.raises(PermissionDenied):
        services.feedback_link_create(entry=log(coach), by=make_user())
    assert not FeedbackLink.objects.exists()


def test_one_response_per_link(coach, log):
    _link, token = services.feedback_link_create(entry=log(coach), by=coach)
    services.feedback_submit(token=token, usefulness=5, confidence=4, comment="Great")
    with pytest.raises(ApplicationError) as error:
        services.feedback_submit(token=token, usefulness=1, confidence=1)
    assert error.value.code == "feedback_link_used" and error.value.status_code == 410
    assert FeedbackResponse.objects.get().usefulness == 5


def test_the_database_allows_one_response_per_link(coach, log):
    link, token = services.feedback_link_create(entry=log(coach), by=coach)
    services.feedback_submit(token=token, usefulness=5, confidence=4)
    with pytest.raises(IntegrityError):
        FeedbackResponse.objects.create(link=link, usefulness=1, confidence=1)


def test_an_expired_link_is_refused(coach, log):
    link, token = services.feedback_link_create(entry=log(coach), by=coach)
    FeedbackLink.objects.filter(pk=link.pk).update(expires_at=timezone.now())
    with pytest.raises(ApplicationError) as error:
        services.feedback_submit(token=token, usefulness=5, confidence=5)
    assert error.value.code == "feedback_link_expired" and error.value.status_code == 410
    assert not FeedbackResponse.objects.exists()


def test_a_made_up_token_is_not_found(coach, log):
    services.feedback_link_create(entry=log(coach), by=coach)
    with pytest.raises(ApplicationError) as error:
        services.feedback_submit(token="made-up-token", usefulness=5, confidence=5)
    assert error.value.status_code == 404 and error.value.code == "feedback_link_unknown"
    assert not FeedbackResponse.objects.exists()


@pytest.mark.parametrize("usefulness,confidence", [(0, 3), (6, 3), (3, None), ("x", 2)])
def test_scores_are_one_to_five(coach, log, usefulness, confidence):
    _link, token = services.feedback_link_create(entry=log(coach), by=coach)
    with pytest.raises(ApplicationError):
        services.feedback_submit(token=token, usefulness=usefulness, confidence=confidence)
    assert not FeedbackResponse.objects.exists()


def test_a_filled_honeypot_stores_nothing(coach, log):
    _link, token = services.feedback_link_create(entry=log(coach), by=coach)
    with pytest.raises(ApplicationError) as error:
        services.feedback_submit(token=token, usefulness=5, confidence=5, honeypot="http://spam")
    assert error.value.code == "spam"
    assert not FeedbackResponse.objects.exists()
    services.feedback_submit(token=token, usefulness=5, confidence=5)  # the link still works


def test_submissions_are_limited_per_ip(coach, log):
    entry = log(coach)
    tokens = [
        services.feedback_link_create(entry=entry, by=coach)[1]
        for _ in range(services.feedback.RATE_LIMIT + 1)
    ]
    for token in tokens[:-1]:
        services.feedback_submit(token=token, usefulness=4, confidence=4, ip="10.0.0.1")
    with pytest.raises(ApplicationError) as error:
        services.feedback_submit(token=tokens[-1], usefulness=4, confidence=4, ip="10.0.0.1")
    assert error.value.status_code == 429
    services.feedback_submit(token=tokens[-1], usefulness=4, confidence=4, ip="10.0.0.2")
    assert FeedbackResponse.objects.count() == services.feedback.RATE_LIMIT + 1
