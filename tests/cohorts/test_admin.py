"""The "Cohorts" menu of the Wagtail admin, driven through the Django test client: who sees
which cohorts, filters, and edits refused or saved by the same rules as the services."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from accounts.services import user_grant_admin
from cohorts import services
from cohorts.models import (
    Cohort,
    CohortStatus,
    LiveSession,
    ModuleSchedule,
    Organization,
    Pace,
    Team,
)

pytestmark = pytest.mark.django_db

EDIT_FORM = "w-editor-form"


def url(model, view: str, *args) -> str:
    return reverse(model.snippet_viewset.get_url_name(view), args=args)


def form_data(client, page_url: str):
    """The POST data the rendered admin form would submit (formset management fields too)."""
    response = client.get(page_url)
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id=EDIT_FORM)


def listed_titles(response) -> list[str]:
    return [str(obj) for obj in response.context["object_list"]]


@pytest.fixture
def superuser(make_user):
    return user_grant_admin(user=make_user("admin"), superuser=True)


@pytest.fixture
def facilitators_group():
    return Group.objects.get(name="Facilitators")


@pytest.fixture
def fran(facilitator, facilitators_group):
    facilitator.groups.add(facilitators_group)
    return facilitator


@pytest.fixture
def other_cohort(make_cohort, make_user, facilitators_group):
    olga = make_user("olga", role="facilitator")
    olga.groups.add(facilitators_group)
    other = make_cohort(title="Olga's cohort", status=CohortStatus.DRAFT)
    other.facilitators.set([olga])
    return other


# --- the group ---------------------------------------------------------------------------


def test_facilitators_group_may_enter_the_admin_and_work_on_cohorts(facilitators_group):
    codenames = set(facilitators_group.permissions.values_list("codename", flat=True))
    assert codenames >= {
        "access_admin",
        *(
            f"{action}_{model}"
            for action in ("add", "change", "view")
            for model in ("cohort", "moduleschedule", "livesession")
        ),
    }
    assert not {"delete_cohort", "add_team", "change_team"} & codenames


# --- who sees what -----------------------------------------------------------------------


def test_superuser_sees_every_cohort(client, superuser, cohort, other_cohort):
    client.force_login(superuser)
    response = client.get(url(Cohort, "list"))
    assert response.status_code == 200
    assert sorted(listed_titles(response)) == ["Olga's cohort", "Spring cohort"]
    html = response.content.decode()
    for column in ("Title", "Course", "Pace", "Status", "Starts on", "Seats"):
        assert column in html


def test_facilitator_sees_only_their_cohorts(client, fran, cohort, other_cohort):
    client.force_login(fran)
    response = client.get(url(Cohort, "list"))
    assert response.status_code == 200
    assert listed_titles(response) == ["Spring cohort"]


def test_facilitator_cannot_open_another_facilitators_cohort_by_url(
    client, fran, cohort, other_cohort
):
    client.force_login(fran)
    assert client.get(url(Cohort, "edit", cohort.pk)).status_code == 200
    for view in ("edit", "history", "usage", "delete"):
        assert client.get(url(Cohort, view, other_cohort.pk)).status_code in (403, 404), view
    response = client.post(url(Cohort, "edit", other_cohort.pk), {"title": "Taken over"})
    assert response.status_code == 404
    other_cohort.refresh_from_db()
    assert other_cohort.title == "Olga's cohort"


def test_cohort_chooser_offers_a_facilitator_only_their_cohorts(client, fran, cohort, other_cohort):
    client.force_login(fran)
    response = client.get(reverse(Cohort.snippet_viewset.chooser_viewset.get_url_name("choose")))
    assert response.status_code == 200
    html = response.json()["html"]
    assert "Spring cohort" in html and "Olga" not in html


def test_someone_outside_the_group_cannot_enter(client, facilitator, cohort):
    client.force_login(facilitator)  # facilitates the cohort, but is not in the group
    response = client.get(url(Cohort, "list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


# --- listing -----------------------------------------------------------------------------


def test_listing_filters_by_status_and_pace(client, superuser, cohort, other_cohort, make_cohort):
    track = make_cohort(pace=Pace.SELF_PACED).title
    client.force_login(superuser)

    response = client.get(url(Cohort, "list"), {"status": CohortStatus.DRAFT})
    assert listed_titles(response) == ["Olga's cohort"]

    response = client.get(url(Cohort, "list"), {"pace": Pace.SELF_PACED})
    assert listed_titles(response) == [track]

    response = client.get(url(Cohort, "list"), {"course": cohort.course_id, "status": "open"})
    assert sorted(listed_titles(response)) == sorted([track, "Spring cohort"])


def _listing_queries(client, page_url: str) -> int:
    # Warm: the person's permissions are cached until a group or membership changes, and
    # creating a cohort does change the facilitators' groups.
    client.get(page_url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page_url).status_code == 200
    return len(queries)


def test_cohort_listing_query_count_does_not_grow_with_cohorts(client, fran, make_cohort):
    client.force_login(fran)
    make_cohort(title="One")
    few = _listing_queries(client, url(Cohort, "list"))
    for n in range(4):
        make_cohort(title=f"More {n}")
    assert _listing_queries(client, url(Cohort, "list")) == few


# --- editing -----------------------------------------------------------------------------


def test_capacity_below_enrollment_is_refused_and_nothing_saved(client, fran, cohort, make_user):
    for _ in range(3):
        services.cohort_enroll(cohort=cohort, user=make_user())
    client.force_login(fran)
    edit_url = url(Cohort, "edit", cohort.pk)
    data = form_data(client, edit_url)
    data["capacity"] = "2"
    data["title"] = "Renamed"

    response = client.post(edit_url, data)

    assert response.status_code == 200
    message = "Capacity cannot be 2: 3 seats are already taken (3 learners and 0 team seats)."
    assert response.context["form"].errors["capacity"] == [message]
    assert message in response.content.decode()
    cohort.refresh_from_db()
    assert (cohort.capacity, cohort.title) == (20, "Spring cohort")


def test_ending_before_a_module_opens_is_refused(client, fran, cohort):
    client.force_login(fran)
    edit_url = url(Cohort, "edit", cohort.pk)
    data = form_data(client, edit_url)
    new_end = cohort.starts_on + timedelta(days=10)  # module 3 opens on day 14
    data["ends_on"] = new_end.isoformat()

    response = client.post(edit_url, data)

    assert response.status_code == 200
    (error,) = response.context["form"].errors["ends_on"]
    assert "“Module 3” would open on" in error and "after the cohort ends" in error
    cohort.refresh_from_db()
    assert cohort.ends_on != new_end


def test_a_schedule_row_opening_after_the_end_is_refused(client, fran, cohort):
    client.force_login(fran)
    edit_url = url(Cohort, "edit", cohort.pk)
    data = form_data(client, edit_url)
    data["schedules-0-release_offset_days"] = "90"
    data["schedules-0-due_offset_days"] = "97"

    response = client.post(edit_url, data)

    assert response.status_code == 200
    (error,) = response.context["form"].errors["ends_on"]
    assert "“Module 1” would open on" in error
    assert ModuleSchedule.objects.filter(cohort=cohort, release_offset_days=90).count() == 0


def test_a_module_of_another_course_is_refused(client, fran, cohort, make_course):
    other_course = make_course(slug="other-course", title="Other Course", modules=1)
    foreign = other_course.get_children().get()
    client.force_login(fran)
    edit_url = url(Cohort, "edit", cohort.pk)
    data = form_data(client, edit_url)
    data["schedules-0-module"] = str(foreign.pk)

    response = client.post(edit_url, data)

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "“Module 1” is not a module of “Test Course”."
    ]
    assert not ModuleSchedule.objects.filter(module=foreign).exists()


def test_a_valid_edit_saves_the_cohort_and_its_inline_rows(client, fran, cohort):
    client.force_login(fran)
    edit_url = url(Cohort, "edit", cohort.pk)
    data = form_data(client, edit_url)
    data["title"] = "Spring cohort (evening)"
    data["capacity"] = "25"
    data["schedules-2-DELETE"] = "1"
    data["live_sessions-TOTAL_FORMS"] = "1"
    data["live_sessions-0-title"] = "Kick-off"
    data["live_sessions-0-kind"] = LiveSession.Kind.WEBINAR
    data["live_sessions-0-starts_at"] = f"{cohort.starts_on + timedelta(days=7)} 16:00"
    data["live_sessions-0-duration_minutes"] = "45"

    response = client.post(edit_url, data)

    assert response.status_code == 302, response.context["form"].errors
    cohort.refresh_from_db()
    assert (cohort.title, cohort.capacity) == ("Spring cohort (evening)", 25)
    assert list(cohort.facilitators.all()) == [fran]
    assert cohort.schedules.count() == 2
    assert list(cohort.live_sessions.values_list("title", "duration_minutes")) == [("Kick-off", 45)]


def test_single_row_rules_of_the_model_show_on_their_field(client, fran, cohort):
    client.force_login(fran)
    edit_url = url(Cohort, "edit", cohort.pk)
    data = form_data(client, edit_url)
    data["ends_on"] = ""

    response = client.post(edit_url, data)

    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"] == ["A facilitated cohort needs an end date."]
    cohort.refresh_from_db()
    assert cohort.ends_on is not None


def test_a_facilitator_cannot_remove_themself(client, fran, cohort):
    client.force_login(fran)
    edit_url = url(Cohort, "edit", cohort.pk)
    data = form_data(client, edit_url)
    data.pop("facilitators")

    response = client.post(edit_url, data)

    assert response.status_code == 200
    assert (
        "Keep yourself among the facilitators" in response.context["form"].errors["facilitators"][0]
    )
    assert list(cohort.facilitators.all()) == [fran]


# --- creating ----------------------------------------------------------------------------


def _new_cohort_data(client, course, **fields):
    data = form_data(client, url(Cohort, "add"))
    starts = timezone.localdate() + timedelta(days=14)
    data.update(
        {
            "course": str(course.pk),
            "title": "Summer cohort",
            "pace": Pace.FACILITATED,
            "status": CohortStatus.DRAFT,
            "starts_on": starts.isoformat(),
            "ends_on": (starts + timedelta(days=60)).isoformat(),
            "capacity": "30",
            "time_zone": "America/Chicago",
        }
    )
    data.update(fields)
    return data


def test_a_facilitator_creates_a_cohort_with_the_default_schedule(client, fran, course):
    client.force_login(fran)
    data = _new_cohort_data(client, course)
    assert data.getlist("facilitators") == [str(fran.pk)]  # offered as themself

    response = client.post(url(Cohort, "add"), data)

    assert response.status_code == 302, response.context["form"].errors
    created = Cohort.objects.get(title="Summer cohort")
    assert list(created.facilitators.all()) == [fran]
    offsets = list(
        created.schedules.order_by("release_offset_days").values_list(
            "module__title", "release_offset_days", "due_offset_days"
        )
    )
    assert offsets == [("Module 1", 0, 6), ("Module 2", 7, 13), ("Module 3", 14, 20)]
    assert client.get(url(Cohort, "edit", created.pk)).status_code == 200


def test_creating_a_cohort_that_ends_before_its_last_module_opens_saves_nothing(
    client, fran, course
):
    client.force_login(fran)
    starts = timezone.localdate() + timedelta(days=14)
    data = _new_cohort_data(client, course, ends_on=(starts + timedelta(days=10)).isoformat())

    response = client.post(url(Cohort, "add"), data)

    assert response.status_code == 200
    (error,) = response.context["form"].errors["ends_on"]
    assert "“Module 3” would open on" in error
    assert not Cohort.objects.filter(title="Summer cohort").exists()
    assert not ModuleSchedule.objects.exists()


def test_a_self_paced_track_gets_no_schedule(client, superuser, course):
    client.force_login(superuser)
    data = _new_cohort_data(
        client, course, pace=Pace.SELF_PACED, title="", starts_on="", ends_on=""
    )
    data["capacity"] = ""

    response = client.post(url(Cohort, "add"), data)

    assert response.status_code == 302, response.context["form"].errors
    track = Cohort.objects.get(pace=Pace.SELF_PACED)
    assert track.title == f"{course.title} · self-paced"  # named after its course
    assert not track.schedules.exists()


def test_a_facilitated_cohort_still_needs_a_title(client, superuser, course):
    client.force_login(superuser)
    data = _new_cohort_data(client, course, title="")
    response = client.post(url(Cohort, "add"), data)
    assert response.status_code == 200
    assert "A facilitated cohort needs a title." in response.context["form"].errors["title"]
    assert not Cohort.objects.exists()


# --- deleting ----------------------------------------------------------------------------


def test_deleting_a_cohort_with_learners_is_refused_with_a_message(
    client, superuser, cohort, make_user
):
    services.cohort_enroll(cohort=cohort, user=make_user())
    client.force_login(superuser)

    response = client.post(url(Cohort, "delete", cohort.pk), follow=True)

    assert "cannot be deleted" in response.content.decode()
    assert Cohort.objects.filter(pk=cohort.pk).exists()


# --- live sessions -----------------------------------------------------------------------


@pytest.fixture
def sessions(cohort, other_cohort):
    starts = timezone.now() + timedelta(days=2)
    return (
        LiveSession.objects.create(cohort=cohort, title="Fran's office hours", starts_at=starts),
        LiveSession.objects.create(cohort=other_cohort, title="Olga's webinar", starts_at=starts),
    )


def test_facilitator_lists_and_opens_only_their_live_sessions(client, fran, sessions):
    mine, theirs = sessions
    client.force_login(fran)
    response = client.get(url(LiveSession, "list"))
    assert response.status_code == 200
    assert listed_titles(response) == ["Fran's office hours"]
    assert client.get(url(LiveSession, "edit", mine.pk)).status_code == 200
    assert client.get(url(LiveSession, "copy", mine.pk)).status_code == 200
    assert client.get(url(LiveSession, "edit", theirs.pk)).status_code == 404
    assert client.get(url(LiveSession, "copy", theirs.pk)).status_code == 404


def test_a_facilitator_schedules_a_session_in_their_cohort(client, fran, cohort, other_cohort):
    client.force_login(fran)
    response = client.get(url(LiveSession, "add"))
    cohort_choices = [c for c, _label in response.context["form"].fields["cohort"].choices if c]
    assert [str(c) for c in cohort_choices] == [str(cohort.pk)]
    data = querydict_from_html(response.content.decode(), form_id=EDIT_FORM)
    data.update(
        {
            "cohort": str(cohort.pk),
            "title": "Office hours",
            "kind": LiveSession.Kind.OFFICE_HOURS,
            "starts_at": f"{cohort.starts_on + timedelta(days=5)} 15:00",
            "duration_minutes": "30",
        }
    )

    response = client.post(url(LiveSession, "add"), data)

    assert response.status_code == 302, response.context["form"].errors
    assert cohort.live_sessions.get().title == "Office hours"


def test_a_facilitator_cannot_schedule_a_session_in_another_cohort(
    client, fran, cohort, other_cohort
):
    client.force_login(fran)
    data = form_data(client, url(LiveSession, "add"))
    data.update(
        {
            "cohort": str(other_cohort.pk),
            "title": "Intrusion",
            "kind": LiveSession.Kind.WEBINAR,
            "starts_at": f"{cohort.starts_on + timedelta(days=5)} 15:00",
            "duration_minutes": "60",
        }
    )

    response = client.post(url(LiveSession, "add"), data)

    assert response.status_code == 200
    assert "cohort" in response.context["form"].errors
    assert not LiveSession.objects.filter(title="Intrusion").exists()


# --- organizations, teams, memberships ---------------------------------------------------


def test_teams_and_organizations_are_for_staff(client, fran, superuser, cohort):
    client.force_login(fran)
    for model in (Organization, Team):
        response = client.get(url(model, "list"))  # Wagtail's "permission denied": home
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    client.force_login(superuser)
    for model in (Organization, Team):
        assert client.get(url(model, "list")).status_code == 200


def test_team_seats_beyond_capacity_are_refused(client, superuser, cohort):
    organization = services.organization_create(name="Riverside Unified")
    client.force_login(superuser)
    data = form_data(client, url(Team, "add"))
    data.update(
        {"organization": str(organization.pk), "cohort": str(cohort.pk), "name": "Riverside"}
    )

    data["seats"] = "25"
    response = client.post(url(Team, "add"), data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Capacity cannot be 20: 25 seats are already taken (0 learners and 25 team seats)."
    ]
    assert not Team.objects.exists()

    data["seats"] = "8"
    response = client.post(url(Team, "add"), data)
    assert response.status_code == 302
    assert Team.objects.get().seats == 8


def test_team_seats_below_those_its_members_hold_are_refused(
    client, superuser, cohort, facilitator, make_user
):
    organization = services.organization_create(name="Riverside Unified")
    team = services.team_create(
        organization=organization, cohort=cohort, name="Riverside", seats=3, by=facilitator
    )
    for name in ("ana", "bo"):
        services.team_join(token=team.join_token, user=make_user(name))
    client.force_login(superuser)
    data = form_data(client, url(Team, "edit", team.pk))

    data["seats"] = "1"
    response = client.post(url(Team, "edit", team.pk), data)
    assert response.status_code == 200
    assert response.context["form"].errors["seats"] == [
        "2 members of Riverside hold seats: keep at least 2."
    ]
    team.refresh_from_db()
    assert team.seats == 3

    data["seats"] = "2"
    assert client.post(url(Team, "edit", team.pk), data).status_code == 302
    team.refresh_from_db()
    assert team.seats == 2
