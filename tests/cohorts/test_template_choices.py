"""Templates compare stored values with the enumerations (``CohortStatus.RUNNING``…), which the
pages get from ``cms.context_processors.choices`` and the emails from their sender: each
branch below shows only when the member reaches its template."""

from __future__ import annotations

import pytest

from cohorts import services
from cohorts.models import CohortStatus, Pace

pytestmark = pytest.mark.django_db


def test_the_cohort_page_names_a_running_cohort_and_an_active_or_waitlisted_place(
    client, make_cohort, make_user
):
    cohort = make_cohort(status=CohortStatus.RUNNING, capacity=1)
    ana, bo = make_user("ana"), make_user("bo")
    services.cohort_enroll(cohort=cohort, user=ana)
    services.cohort_enroll(cohort=cohort, user=bo)
    client.force_login(ana)
    page = client.get(f"/cohorts/{cohort.pk}/").content.decode()
    assert " · Running" in page and "Leave this cohort" in page
    client.force_login(bo)
    page = client.get(f"/cohorts/{cohort.pk}/").content.decode()
    assert "on the waitlist" in page and "Leave the waitlist" in page


def test_the_catalog_my_learning_and_the_email_tell_the_paces_apart(
    client, make_cohort, make_user, mailoutbox, django_capture_on_commit_callbacks
):
    self_paced = make_cohort(pace=Pace.SELF_PACED)
    facilitated = make_cohort(title="Facilitated one")
    ana = make_user("ana")
    with django_capture_on_commit_callbacks(execute=True):
        services.cohort_enroll(cohort=self_paced, user=ana)
        services.cohort_enroll(cohort=facilitated, user=ana)
    bodies = [m.body for m in mailoutbox]
    assert any("on the self-paced track" in body for body in bodies)
    assert any("The cohort runs from" in body for body in bodies)  # the email's Pace
    client.force_login(ana)
    catalog = client.get("/cohorts/?pace=self_paced").content.decode()
    assert '<a href="?pace=self_paced" aria-current="page">' in catalog
    assert '<a href="?pace=facilitated" aria-current="page">' not in catalog
    learning = client.get("/learn/").content.decode()
    assert learning.count("Reset my schedule") == 1  # the self-paced track only
