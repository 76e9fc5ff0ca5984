"""Practice pages: log, edit, delete, feedback links and the public form, team aggregates,
permissions between coaches and leads, CSV, and flat query counts at two sizes."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest

from practice import services
from practice.models import FeedbackLink, FeedbackResponse, Kind, PracticeEntry

pytestmark = pytest.mark.django_db


def _form(today, **fields):
    data = {
        "date": today.isoformat(),
        "minutes": "45",
        "kind": Kind.OFFICE_HOURS,
        "teachers_reached": "3",
        "grade_band": "3_5",
        "focus_tags": "google classroom",
        "private_notes": "Ms. Lee wants fewer platforms.",
        "lesson": "",
    }
    data.update(fields)
    return data


def test_log_page_requires_login(client):
    assert client.get("/practice/").status_code == 302


def test_coach_logs_a_session_from_the_page(client, coach, today):
    client.force_login(coach)
    response = client.post("/practice/", _form(today), follow=True)
    assert response.status_code == 200
    entry = PracticeEntry.objects.get()
    assert entry.coach == coach and entry.minutes == 45 and entry.tags == ["google classroom"]
    html = response.content.decode()
    assert "Session logged." in html and "Office hours" in html
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="hours-chart"' in html


@pytest.mark.parametrize(
    "fields,message",
    [
        ({"minutes": "0"}, "greater than or equal to 1"),
        ({"minutes": "-5"}, "greater than or equal to 1"),
        ({"kind": "lunch"}, "Select a valid choice"),
    ],
)
def test_bad_input_shows_a_form_message_and_stores_nothing(client, coach, today, fields, message):
    client.force_login(coach)
    response = client.post("/practice/", _form(today, **fields))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PracticeEntry.objects.exists()


def test_future_dates_and_full_days_show_the_service_message(client, coach, today, log):
    client.force_login(coach)
    response = client.post("/practice/", _form(today, date=(today + timedelta(days=2)).isoformat()))
    assert response.status_code == 400 and "not in the future" in response.content.decode()
    log(coach, minutes=1430)
    response = client.post("/practice/", _form(today, minutes="30"))
    assert response.status_code == 400 and "more than 24 hours" in response.content.decode()
    assert PracticeEntry.objects.count() == 1


def test_coach_edits_and_deletes_their_entry(client, coach, today, log):
    entry = log(coach)
    client.force_login(coach)
    assert client.get(f"/practice/entries/{entry.pk}/").status_code == 200
    client.post(f"/practice/entries/{entry.pk}/", _form(today, minutes="75"))
    entry.refresh_from_db()
    assert entry.minutes == 75
    client.post(f"/practice/entries/{entry.pk}/delete/")
    assert not PracticeEntry.objects.exists()


def test_coach_cannot_see_edit_or_delete_another_coachs_entry(client, coach, make_user, log, today):
    entry = log(coach, private_notes="only mine")
    intruder = make_user()
    client.force_login(intruder)
    assert client.get(f"/practice/entries/{entry.pk}/").status_code == 404
    assert client.post(f"/practice/entries/{entry.pk}/", _form(today)).status_code == 404
    assert client.post(f"/practice/entries/{entry.pk}/delete/").status_code == 404
    assert client.post(f"/practice/entries/{entry.pk}/feedback-link/").status_code == 404
    assert "only mine" not in client.get("/practice/").content.decode()
    entry.refresh_from_db()
    assert entry.minutes == 60 and not FeedbackLink.objects.exists()


def _make_link(client, entry) -> str:
    response = client.post(f"/practice/entries/{entry.pk}/feedback-link/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "qrline" in html  # the QR code, rendered server-side
    return re.search(r'value="(http://testserver/practice/f/[^"]+/)"', html).group(1)


def test_feedback_round_trip(client, coach, log):
    entry = log(coach)
    client.force_login(coach)
    url = _make_link(client, entry).replace("http://testserver", "")
    anonymous = type(client)(enforce_csrf_checks=True)
    page = anonymous.get(url)
    assert page.status_code == 200 and "How useful" in page.content.decode()
    csrf = page.cookies["csrftoken"].value
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    response = anonymous.post(
        url,
        {
            "usefulness": "5",
            "confidence": "4",
            "comment": "Clear and kind",
            "website": "",
            "csrfmiddlewaretoken": token.group(1),
        },
        HTTP_COOKIE=f"csrftoken={csrf}",
    )
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    again = anonymous.get(url)
    assert again.status_code == 410 and "already been used" in again.content.decode()
    detail = client.get(f"/practice/entries/{entry.pk}/").content.decode()
    assert "Clear and kind" in detail and "5.0 / 5" in detail


def test_feedback_form_refuses_without_csrf(client, coach, log):
    entry = log(coach)
    client.force_login(coach)
    url = _make_link(client, entry).replace("http://testserver", "")
    anonymous = type(client)(enforce_csrf_checks=True)
    response = anonymous.post(url, {"usefulness": "5", "confidence": "4"})
    assert response.status_code == 403
    assert not FeedbackResponse.objects.exists()


def test_feedback_page_for_unknown_and_expired_links(client, coach, log):
    assert client.get("/practice/f/not-a-real-token/").status_code == 404
    link, token = services.feedback_link_create(entry=log(coach), by=coach)
    link.expires_at = link.created_at
    link.save(update_fields=["expires_at"])
    response = client.get(f"/practice/f/{token}/")
    assert response.status_code == 410 and "expired" in response.content.decode()
    response = client.post(f"/practice/f/{token}/", {"usefulness": "5", "confidence": "5"})
    assert response.status_code == 410 and not FeedbackResponse.objects.exists()


def test_feedback_honeypot_and_bad_scores(client, coach, log):
    _link, token = services.feedback_link_create(entry=log(coach), by=coach)
    url = f"/practice/f/{token}/"
    spam = client.post(url, {"usefulness": "5", "confidence": "5", "website": "buy.example"})
    assert spam.status_code == 400 and "could not be accepted" in spam.content.decode()
    bad = client.post(url, {"usefulness": "9", "confidence": "5"})
    assert bad.status_code == 400
    assert not FeedbackResponse.objects.exists()


# --- team leads ------------------------------------------------------------------------------


def test_lead_sees_aggregates_but_nothing_private(client, lead, make_user, make_team, log, answer):
    maya = make_user("maya3", display_name="Maya Fisher")
    team = make_team(lead=lead, members=[maya])
    entry = log(maya, private_notes="SECRET NOTE", kind=Kind.TECH_CLUB, minutes=90)
    answer(entry, comment="SECRET COMMENT")
    answer(entry)
    client.force_login(lead)
    for url in (f"/practice/teams/{team.pk}/", "/practice/teams/"):
        html = client.get(url).content.decode()
        assert "Maya Fisher" in html or url == "/practice/teams/"
        assert "1.5" in html and "fewer than 3 responses" in html
        assert "SECRET" not in html
    body = client.get(f"/practice/teams/{team.pk}/aggregates.csv").content.decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert {r["scope"] for r in rows} == {"team", "member"}
    assert rows[5]["hours"] == "1.5" and rows[5]["feedback_responses"] == "fewer than 3"
    assert "SECRET" not in body


def test_lead_cannot_see_another_team(client, lead, make_user, make_team, log):
    other = make_team(lead=make_user("marcus"), members=[make_user()])
    make_team(lead=lead, members=[make_user()])
    client.force_login(lead)
    for url in (
        f"/practice/teams/{other.pk}/",
        f"/practice/teams/{other.pk}/aggregates.csv",
        f"/practice/teams/{other.pk}/targets/",
    ):
        assert client.get(url).status_code in (404, 405)
    assert client.post(f"/practice/teams/{other.pk}/targets/", {"member": 1}).status_code == 404


def test_a_coach_has_no_team_view(client, coach):
    client.force_login(coach)
    assert client.get("/practice/teams/").status_code == 404
    assert client.get("/practice/teams/aggregates.csv").status_code == 404


def test_lead_sets_a_target_from_the_team_page(client, lead, coach, make_user, make_team):
    team = make_team(lead=lead, members=[coach])
    outsider = make_user()
    client.force_login(lead)
    client.post(f"/practice/teams/{team.pk}/targets/", {"member": coach.pk, "hours": "8"})
    assert coach.practice_settings.monthly_target_hours == 8
    response = client.post(
        f"/practice/teams/{team.pk}/targets/", {"member": outsider.pk, "hours": "8"}, follow=True
    )
    assert "for a team member" in response.content.decode()
    assert not hasattr(type(outsider).objects.get(pk=outsider.pk), "practice_settings_cache")


def test_my_learning_shows_practice_progress(client, lead, coach, make_team, log, today):
    make_team(lead=lead, members=[coach])
    services.practice_target_set(coach=coach, hours=4, by=lead)
    log(coach, date=today.replace(day=1), minutes=60)
    client.force_login(coach)
    html = client.get("/learn/").content.decode()
    assert "1.0 of 4.0 h" in html and "25%" in html
    client.force_login(lead)
    assert (
        f"/practice/teams/{coach.team_memberships.get().team_id}/"
        in client.get("/learn/").content.decode()
    )


def test_nav_has_a_practice_link_for_signed_in_people(client, coach):
    assert 'href="/practice/"' not in client.get("/cohorts/").content.decode()
    client.force_login(coach)
    assert 'href="/practice/"' in client.get("/cohorts/").content.decode()


# --- query counts ----------------------------------------------------------------------------


def _fill_log(coach, count, today):
    rows = [
        PracticeEntry(
            coach=coach, date=today - timedelta(days=i % 300), minutes=30, kind=Kind.PLANNING
        )
        for i in range(count)
    ]
    PracticeEntry.objects.bulk_create(rows)


@pytest.mark.parametrize("entries", [3, 60])
def test_log_page_query_count_is_flat(client, coach, today, entries, django_assert_num_queries):
    _fill_log(coach, entries, today)
    client.force_login(coach)
    client.get("/practice/")
    with django_assert_num_queries(LOG_QUERIES):
        assert client.get("/practice/").status_code == 200


def _fill_team(make_team, lead, make_user, answer, members: int, per_member: int, today):
    people = [make_user() for _ in range(members)]
    team = make_team(lead=lead, members=people)
    for person in people:
        _fill_log(person, per_member, today)
        for entry in PracticeEntry.objects.filter(coach=person)[:3]:
            answer(entry)
    return team


@pytest.mark.parametrize("members,per_member", [(1, 2), (8, 40)])
def test_team_pages_and_api_query_counts_are_flat(
    client, lead, make_user, make_team, answer, today, members, per_member,
    django_assert_num_queries,
):  # fmt: skip
    team = _fill_team(make_team, lead, make_user, answer, members, per_member, today)
    client.force_login(lead)
    client.get(f"/practice/teams/{team.pk}/")
    with django_assert_num_queries(TEAM_PAGE_QUERIES):
        assert client.get(f"/practice/teams/{team.pk}/").status_code == 200
    with django_assert_num_queries(TEAM_PAGE_QUERIES):
        assert client.get("/practice/teams/").status_code == 200
    with django_assert_num_queries(TEAM_API_QUERIES):
        response = client.get(f"/api/v1/practice/teams/{team.pk}/")
    assert len(response.json()["members"]) == members


# The site and the person's permissions come from the cache.
LOG_QUERIES = 12  # the coach's zone comes from the request (one query, below)
TEAM_PAGE_QUERIES = 8  # + the zone of a person without one (district, cohort)
TEAM_API_QUERIES = 6
