"""Honest seats: a full team invites nobody, a lead asks for seats, a facilitator grants them
within the cohort's capacity (or declines), and an invitee who signed up without a seat is
told so and enrolled once a seat is granted."""

from __future__ import annotations

import re

import pytest
from rest_framework.test import APIClient

from accounts.services import user_grant_admin
from cohorts import selectors, services
from cohorts.models import Enrollment, EnrollmentStatus, Invitation, SeatRequest
from cohorts.services.cohorts import cohort_check_capacity
from core.errors import ApplicationError, PermissionDenied


@pytest.fixture
def lead(make_user):
    return make_user("lena")


@pytest.fixture
def team(cohort, facilitator, lead):
    org = services.organization_create(name="Riverside Unified")
    return services.team_create(
        organization=org, cohort=cohort, name="Riverside", seats=2, leads=[lead], by=facilitator
    )


@pytest.fixture
def full_team(team, make_user, lead):
    for name in ("ana", "bo"):
        services.cohort_enroll(cohort=team.cohort, user=make_user(name), team=team, by=lead)
    return team


def _emailed(mailoutbox, address):
    return [m for m in mailoutbox if address in m.to]


# Inviting


def test_a_full_team_invites_nobody(full_team, lead):
    with pytest.raises(ApplicationError) as error:
        services.team_invite(team=full_team, email="cy@example.org", by=lead)
    assert error.value.code == "team_full"
    assert "No seat is left" in error.value.message
    assert not Invitation.objects.exists()


def test_a_team_invitation_email_does_not_promise_enrollment(
    team, lead, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.team_invite(team=team, email="cy@example.org", by=lead)
    [message] = mailoutbox
    assert "enrolled automatically" not in message.body
    assert "in the order they join" in message.body
    assert "ask for more" in message.body


def test_lead_at_full_team_sees_no_seat_left_and_can_ask_for_seats(client, full_team, lead):
    client.force_login(lead)
    html = client.get(f"/teams/{full_team.pk}/").content.decode()
    assert "No seat left" in html
    assert f'action="/teams/{full_team.pk}/invite/"' not in html
    assert f'action="/teams/{full_team.pk}/seats/"' in html

    response = client.post(f"/teams/{full_team.pk}/invite/", {"email": "cy@example.org"})
    page = client.get(response["Location"]).content.decode()
    assert "Invitation sent" not in page
    assert "No seat is left" in page
    assert not Invitation.objects.exists()


# Asking and deciding


def test_only_the_lead_asks_and_once_at_a_time(full_team, lead, make_user):
    with pytest.raises(PermissionDenied):
        services.seat_request_create(team=full_team, seats=2, by=make_user("stranger"))
    services.seat_request_create(team=full_team, seats=2, message="Two more schools", by=lead)
    with pytest.raises(ApplicationError) as error:
        services.seat_request_create(team=full_team, seats=1, by=lead)
    assert error.value.code == "seat_request_pending"
    with pytest.raises(ApplicationError):
        services.seat_request_create(team=full_team, seats=0, by=lead)


def test_facilitators_are_emailed_a_request(
    full_team, lead, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.seat_request_create(team=full_team, seats=3, message="New hires", by=lead)
    [message] = _emailed(mailoutbox, facilitator.email)
    assert "3 more seats" in message.subject
    assert "New hires" in message.body
    assert f"/cohorts/{full_team.cohort.pk}/dashboard/" in message.body


def test_grant_raises_team_seats_and_tells_the_lead(
    full_team, lead, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    request = services.seat_request_create(team=full_team, seats=3, by=lead)
    with django_capture_on_commit_callbacks(execute=True):
        services.seat_request_grant(seat_request=request, by=facilitator)
    full_team.refresh_from_db()
    request.refresh_from_db()
    assert full_team.seats == 5
    assert request.status == SeatRequest.Status.GRANTED and request.seats_granted == 3
    assert request.decided_by == facilitator and request.decided_at
    [message] = _emailed(mailoutbox, lead.email)
    assert "3 more seats for Riverside" in message.subject
    assert selectors.team_seats_free(team=full_team) == 3
    with pytest.raises(ApplicationError) as error:
        services.seat_request_grant(seat_request=request, by=facilitator)
    assert error.value.code == "seat_request_decided"


def test_grant_is_bounded_by_the_cohorts_capacity(make_cohort, facilitator, lead, make_user):
    cohort = make_cohort(title="Small", capacity=4)
    org = services.organization_create(name="Riverside Unified")
    team = services.team_create(
        organization=org, cohort=cohort, name="R", seats=2, leads=[lead], by=facilitator
    )
    services.cohort_enroll(cohort=cohort, user=make_user("general"))  # 1 general seat taken
    request = services.seat_request_create(team=team, seats=3, by=lead)
    with pytest.raises(ApplicationError) as error:
        services.seat_request_grant(seat_request=request, by=facilitator)
    assert error.value.code == "no_seats" and "Only 1 seats are free" in error.value.message
    team.refresh_from_db()
    assert team.seats == 2
    services.seat_request_grant(seat_request=request, by=facilitator, seats=1)
    team.refresh_from_db()
    assert team.seats == 3
    cohort = selectors.cohort_with_seat_counts(cohort=cohort)
    assert selectors.seats_left(cohort) == 0


def test_only_facilitators_or_admins_decide(full_team, lead, make_user, facilitator):
    request = services.seat_request_create(team=full_team, seats=1, by=lead)
    for someone in (lead, make_user("other")):
        with pytest.raises(PermissionDenied):
            services.seat_request_grant(seat_request=request, by=someone)
        with pytest.raises(PermissionDenied):
            services.seat_request_decline(seat_request=request, by=someone)
    admin = make_user("root")
    admin.is_staff = True
    admin.save(update_fields=["is_staff"])
    services.seat_request_grant(seat_request=request, by=admin)
    request.refresh_from_db()
    assert request.status == SeatRequest.Status.GRANTED


def test_decline_tells_the_lead_with_the_reason(
    full_team, lead, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    request = services.seat_request_create(team=full_team, seats=2, by=lead)
    with django_capture_on_commit_callbacks(execute=True):
        services.seat_request_decline(
            seat_request=request, by=facilitator, reason="The cohort is full."
        )
    request.refresh_from_db()
    full_team.refresh_from_db()
    assert request.status == SeatRequest.Status.DECLINED and full_team.seats == 2
    [message] = _emailed(mailoutbox, lead.email)
    assert "declined" in message.subject
    assert "The cohort is full." in message.body
    # A new request may follow a decided one.
    services.seat_request_create(team=full_team, seats=1, by=lead)


# Signing up without a seat


def test_invitee_who_signs_up_at_a_full_team_is_told_and_enrolled_on_grant(
    client,
    team,
    lead,
    facilitator,
    make_user,
    django_user_model,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        services.team_invite(team=team, email="cy@example.org", by=lead)
    for name in ("ana", "bo"):  # the seats go to others before cy signs up
        services.cohort_enroll(cohort=team.cohort, user=make_user(name), team=team, by=lead)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/accounts/signup/",
            {"email": "cy@example.org", "display_name": "Cy", "role": "coach"},
        )
    [link_mail] = mailoutbox
    link = re.search(r"https?://[^/\s]+(/accounts/signup/confirm/\S+/)", link_mail.body).group(1)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            link, {"password1": "a-long-pass-phrase", "password2": "a-long-pass-phrase"}
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    cy = django_user_model.objects.get(email="cy@example.org")
    assert not Enrollment.objects.filter(user=cy).exists()
    # The lead is told…
    [told] = _emailed(mailoutbox, lead.email)
    assert told.subject == "Cy is waiting for a seat in Riverside"
    # …and so is the person, on the first page and on My learning.
    page = client.get(response["Location"]).content.decode()
    assert "not enrolled in Spring cohort yet" in page
    learn = client.get("/learn/").content.decode()
    assert 'data-testid="seat-wait"' in learn and "all 2 seats of Riverside are taken" in learn
    # The lead sees whom a seat would enroll.
    client.force_login(lead)
    assert "signed up, waiting for a seat" in client.get(f"/teams/{team.pk}/").content.decode()

    request = services.seat_request_create(team=team, seats=1, by=lead)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.seat_request_grant(seat_request=request, by=facilitator)
    enrollment = Enrollment.objects.get(user=cy)
    assert enrollment.status == EnrollmentStatus.ACTIVE and enrollment.team == team
    assert Invitation.objects.get(email="cy@example.org").accepted_by == cy
    assert [m.subject for m in _emailed(mailoutbox, cy.email)] == ["You're enrolled: Spring cohort"]
    [granted] = _emailed(mailoutbox, lead.email)
    assert "Cy" in granted.body


def test_accepting_at_a_full_team_says_what_happens_next(
    client, team, lead, make_user, mailoutbox, django_capture_on_commit_callbacks
):
    cy = make_user("cy")
    invitation = services.team_invite(team=team, email=cy.email, by=lead)
    for name in ("ana", "bo"):
        services.cohort_enroll(cohort=team.cohort, user=make_user(name), team=team, by=lead)
    client.force_login(cy)
    page = client.get(f"/cohorts/invitations/{invitation.token}/").content.decode()
    assert 'data-testid="no-seat"' in page and "Accept and enroll" not in page
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/cohorts/invitations/{invitation.token}/")
    assert "has no free seat for you yet" in response.content.decode()
    assert not Enrollment.objects.filter(user=cy).exists()
    assert len(_emailed(mailoutbox, lead.email)) == 1
    with django_capture_on_commit_callbacks(execute=True):  # told once, not per click
        client.post(f"/cohorts/invitations/{invitation.token}/")
    assert len(_emailed(mailoutbox, lead.email)) == 1


# The facilitator's dashboard


def test_facilitator_grants_from_the_dashboard(client, full_team, lead, facilitator):
    request = services.seat_request_create(team=full_team, seats=2, message="Two more", by=lead)
    client.force_login(facilitator)
    url = f"/cohorts/{full_team.cohort.pk}/dashboard/"
    html = client.get(url).content.decode()
    assert 'id="seat-requests"' in html and "Two more" in html
    assert "18 of 20 free now" in html  # capacity 20 less the team's 2 reserved seats
    grant = f"{url}seat-requests/{request.pk}/grant/"
    assert f'action="{grant}"' in html
    response = client.post(grant, {"seats": "1"})
    assert response.status_code == 302
    full_team.refresh_from_db()
    assert full_team.seats == 3
    assert 'id="seat-requests"' not in client.get(url).content.decode()
    assert client.post(grant, {"seats": "1"}).status_code == 404  # decided: no longer pending


def test_lead_cannot_grant_from_the_dashboard(client, full_team, lead):
    request = services.seat_request_create(team=full_team, seats=2, by=lead)
    client.force_login(lead)
    url = f"/cohorts/{full_team.cohort.pk}/dashboard/seat-requests/{request.pk}/grant/"
    assert client.post(url, {"seats": "2"}).status_code == 404
    full_team.refresh_from_db()
    assert full_team.seats == 2


def test_lead_sees_the_pending_request(client, full_team, lead):
    client.force_login(lead)
    client.post(f"/teams/{full_team.pk}/seats/", {"seats": "2", "message": "Please"})
    assert SeatRequest.objects.get().seats == 2
    html = client.get(f"/teams/{full_team.pk}/").content.decode()
    assert "Waiting for the facilitator" in html


def test_join_link_of_a_full_team_says_so_instead_of_offering_to_join(client, full_team, coach):
    client.force_login(coach)
    html = client.get(f"/teams/join/{full_team.join_token}/").content.decode()
    assert 'data-testid="no-seat"' in html and "Join the team</button>" not in html


def test_the_api_refuses_an_invitation_into_a_full_team_with_the_same_message(full_team, lead):
    api = APIClient()
    api.force_authenticate(lead)
    response = api.post(
        f"/api/v1/teams/{full_team.pk}/invitations/", {"email": "cy@example.org"}, format="json"
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "team_full" and "No seat is left" in error["message"]
    assert not Invitation.objects.exists()


def test_an_administrator_decides_from_the_seat_requests_page(client, full_team, lead, make_user):
    request = services.seat_request_create(team=full_team, seats=2, by=lead)
    admin = user_grant_admin(user=make_user("ada"), superuser=True)
    client.force_login(admin)
    assert "/cohorts/seat-requests/" in client.get("/admin/").content.decode()  # the menu
    html = client.get("/cohorts/seat-requests/").content.decode()
    assert "Riverside" in html and full_team.cohort.title in html
    grant = f"/cohorts/{full_team.cohort.pk}/dashboard/seat-requests/{request.pk}/grant/"
    response = client.post(grant, {"seats": "2", "next": "/cohorts/seat-requests/"})
    assert response["Location"] == "/cohorts/seat-requests/"
    full_team.refresh_from_db()
    assert full_team.seats == 4
    assert "No request is waiting" in client.get("/cohorts/seat-requests/").content.decode()


def test_the_seat_requests_page_shows_nobody_elses_requests(client, full_team, lead, make_user):
    services.seat_request_create(team=full_team, seats=2, by=lead)
    client.force_login(make_user("outsider"))
    assert "Riverside" not in client.get("/cohorts/seat-requests/").content.decode()
    client.force_login(lead)
    assert "Riverside" not in client.get("/cohorts/seat-requests/").content.decode()


def test_one_seat_sum_for_the_screens_the_enrollment_and_the_capacity_check(
    make_cohort, facilitator, lead, make_user
):
    """Team seats plus active learners outside teams are taken; team members and waitlisted
    learners are not counted again. The same sum caps enrollment, names the free seats
    and bounds how low capacity may go."""
    cohort = make_cohort(title="Small", capacity=5)
    org = services.organization_create(name="Riverside Unified")
    team = services.team_create(
        organization=org, cohort=cohort, name="R", seats=2, leads=[lead], by=facilitator
    )
    services.cohort_enroll(cohort=cohort, user=make_user("member"), team=team, by=lead)
    general = [
        services.cohort_enroll(cohort=cohort, user=make_user(f"g{i}")).enrollment for i in range(3)
    ]
    waiting = services.cohort_enroll(cohort=cohort, user=make_user("late")).enrollment
    assert [e.status for e in general] == [EnrollmentStatus.ACTIVE] * 3
    assert waiting.status == EnrollmentStatus.WAITLISTED
    counted = selectors.cohort_with_seat_counts(cohort=cohort)
    assert selectors.seats_taken(counted) == 5 and selectors.seats_left(counted) == 0
    assert selectors.general_seats_free(cohort) == 0

    cohort.capacity = 5
    cohort_check_capacity(cohort=cohort)  # exactly the seats taken: allowed
    cohort.capacity = 4
    with pytest.raises(ApplicationError) as error:
        cohort_check_capacity(cohort=cohort)
    assert error.value.message == (
        "Capacity cannot be 4: 5 seats are already taken (3 learners and 2 team seats)."
    )
