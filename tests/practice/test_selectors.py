"""Selectors: practice_hours window edges, monthly summary, lead aggregates with suppression
under three responses, and nothing private in what a lead gets."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from practice import selectors, services
from practice.api.serializers import TeamAggregateSerializer
from practice.models import Kind

pytestmark = pytest.mark.django_db


def test_practice_hours_counts_both_ends_of_the_window(coach, make_user, log):
    log(coach, date=date(2026, 1, 31), minutes=30)
    log(coach, date=date(2026, 2, 1), minutes=45)
    log(coach, date=date(2026, 2, 28), minutes=20)
    log(coach, date=date(2026, 3, 1), minutes=600)
    log(make_user(), date=date(2026, 2, 10), minutes=600)
    hours = selectors.practice_hours(user=coach, start=date(2026, 2, 1), end=date(2026, 2, 28))
    assert hours == Decimal("1.08") and isinstance(hours, Decimal)  # 65 min
    assert selectors.practice_hours(
        user=coach, start=date(2026, 1, 31), end=date(2026, 3, 1)
    ) == Decimal("11.58")
    assert selectors.practice_hours(
        user=coach, start=date(2026, 2, 2), end=date(2026, 2, 27)
    ) == Decimal("0.00")
    assert selectors.practice_hours(
        user=coach, start=date(2026, 2, 1), end=date(2026, 2, 1)
    ) == Decimal("0.75")


def test_month_starts_cross_the_year():
    assert selectors.month_starts(end=date(2026, 2, 14), months=3) == [
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]
    assert selectors.month_end(date(2024, 2, 1)) == date(2024, 2, 29)


def test_monthly_summary_groups_by_month_and_kind(coach, log, today, lead, make_team):
    first = today.replace(day=1)
    log(coach, date=first, minutes=60, kind=Kind.OFFICE_HOURS, teachers_reached=3)
    log(coach, date=first, minutes=30, kind=Kind.OFFICE_HOURS, teachers_reached=2)
    log(coach, date=first, minutes=90, kind=Kind.TECH_CLUB, teachers_reached=8)
    log(coach, date=first - timedelta(days=1), minutes=120, kind=Kind.PLANNING)
    make_team(lead=lead, members=[coach])
    services.practice_target_set(coach=coach, hours=6, by=lead)
    summary = selectors.monthly_summary(user=coach, months=3, today=today)
    assert [c.month for c in summary.months][-2:] == [
        (first - timedelta(days=1)).replace(day=1),
        first,
    ]
    current = summary.current
    assert current.minutes_by_kind == {"office_hours": 90, "tech_club": 90}
    assert current.hours == Decimal("3.0") and current.teachers == 13
    assert summary.months[-2].minutes_by_kind == {"planning": 120}
    assert summary.target == Decimal("6.0") and summary.percent == 50


def test_month_progress_for_my_learning(coach, log, today, lead, make_team):
    assert selectors.month_progress(user=coach) is None
    log(coach, date=today.replace(day=1), minutes=90)
    assert selectors.month_progress(user=coach)["hours"] == Decimal("1.5")
    make_team(lead=lead, members=[coach])
    services.practice_target_set(coach=coach, hours=3, by=lead)
    progress = selectors.month_progress(user=coach)
    assert progress["target"] == Decimal("3.0") and progress["percent"] == 50


def _team_with_feedback(make_team, lead, make_user, log, answer, responses: int):
    maya, diego = make_user("maya2"), make_user("diego")
    team = make_team(lead=lead, members=[maya, diego])
    entry = log(maya, minutes=90, kind=Kind.TECH_CLUB, teachers_reached=6, private_notes="SECRET")
    log(diego, minutes=30, kind=Kind.ONE_TO_ONE)
    for score in range(responses):
        answer(entry, usefulness=5 - score % 2, confidence=3, comment="PRIVATE COMMENT")
    return team, maya, diego


@pytest.mark.parametrize("responses", [0, 1, 2])
def test_feedback_is_suppressed_under_three_responses(
    lead, make_user, make_team, log, answer, responses
):
    team, maya, _diego = _team_with_feedback(make_team, lead, make_user, log, answer, responses)
    (agg,) = selectors.lead_aggregates(user=lead, team_id=team.pk)
    cell = agg.members[[r.user for r in agg.members].index(maya)].cells[-1]
    assert cell.usefulness is None and cell.confidence is None
    assert cell.suppressed is (responses > 0)
    assert cell.responses_shown == (0 if responses == 0 else None)


def test_feedback_shows_from_three_responses(lead, make_user, make_team, log, answer):
    team, maya, diego = _team_with_feedback(make_team, lead, make_user, log, answer, 3)
    (agg,) = selectors.lead_aggregates(user=lead, team_id=team.pk)
    rows = {row.user: row for row in agg.members}
    assert set(rows) == {maya, diego}  # members only, not the lead
    cell = rows[maya].cells[-1]
    assert (cell.responses_shown, cell.suppressed, cell.usefulness, cell.confidence) == (
        3,
        False,
        Decimal("4.7"),
        Decimal("3.0"),
    )
    assert cell.hours == Decimal("1.5") and cell.teachers == 6
    team_cell = agg.totals[-1]
    assert team_cell.hours == Decimal("2.0")
    assert team_cell.minutes_by_kind == {"tech_club": 90, "one_to_one": 30}
    assert team_cell.teachers == 7 and team_cell.feedback_shown


def test_lead_output_never_holds_notes_or_comments(lead, make_user, make_team, log, answer):
    team, *_ = _team_with_feedback(make_team, lead, make_user, log, answer, 4)
    aggregates = selectors.lead_aggregates(user=lead)
    dumped = repr([a.__dict__ for a in aggregates]) + repr(
        TeamAggregateSerializer(aggregates, many=True).data
    )
    assert "SECRET" not in dumped and "PRIVATE COMMENT" not in dumped


def test_a_lead_gets_nothing_of_another_team(lead, make_user, make_team, log):
    other_lead = make_user("marcus")
    other = make_team(lead=other_lead, members=[make_user()])
    make_team(lead=lead, members=[make_user()])
    assert selectors.lead_aggregates(user=lead, team_id=other.pk) == []
    assert [a.team for a in selectors.lead_aggregates(user=lead)] != [other]
    assert selectors.lead_aggregates(user=make_user()) == []


def test_the_district_view_covers_every_team_led(lead, make_user, make_team, log):
    a, b = make_user(), make_user()
    make_team(lead=lead, members=[a], name="A team")
    make_team(lead=lead, members=[b], name="B team")
    log(a, minutes=60)
    log(b, minutes=120)
    aggregates = selectors.lead_aggregates(user=lead)
    assert [(x.team.name, x.totals[-1].hours) for x in aggregates] == [
        ("A team", Decimal("1.0")),
        ("B team", Decimal("2.0")),
    ]


def test_coach_feedback_results_include_comments(coach, log, answer):
    entry = log(coach)
    answer(entry, usefulness=5, confidence=4, comment="Loved it")
    answer(entry, usefulness=3, confidence=2)
    results = selectors.feedback_results(user=coach, entry=entry)
    assert results["count"] == 2 and results["usefulness"] == 4.0
    assert [c["comment"] for c in results["comments"]] == ["Loved it"]
