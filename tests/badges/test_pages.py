"""Pages: My badges, the public award page and profile (what is shown and what never is),
sharing links, the facilitator's queue, award and revoke forms, and pinned query counts."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from badges import services
from badges.models import BadgeAward, CertificationRequest, EarnerProfile

from .conftest import finish_course, reflect

pytestmark = pytest.mark.django_db


def _award(badge_class, person, **kwargs):
    return services.badge_award(
        badge_class=badge_class, recipient=person, method="rules", **kwargs
    ).award


def _meta(html: str, key: str) -> str:
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    assert match, f"no {key} meta tag"
    return unescape(match.group(1))


# --- public award page -----------------------------------------------------------------------


def test_public_award_page_hides_name_and_email_until_opted_in(client, make_badge_class, learner):
    award = _award(make_badge_class(), learner, evidence_note="Led three tech clubs.")
    url = f"/badges/awards/{award.entity_id}/"
    html = client.get(url).content.decode()
    assert award.badge_class.name in html and "Verified:" in html
    assert learner.public_name not in html
    assert learner.email not in html
    assert "Led three tech clubs." not in html  # evidence is private by default
    assert 'name="robots" content="noindex"' in html

    services.earner_profile_update(user=learner, public_profile=False, show_name=True)
    services.award_evidence_publish(award=award, by=learner, public=True)
    html = client.get(url).content.decode()
    assert f"Earned by <strong>{learner.public_name}</strong>" in html
    assert "Led three tech clubs." in html
    assert learner.email not in html


def test_public_award_page_has_opengraph_and_twitter_tags_with_absolute_urls(
    client, make_badge_class, learner
):
    award = _award(make_badge_class(), learner)
    html = client.get(f"/badges/awards/{award.entity_id}/").content.decode()
    page_url = f"http://testserver/badges/awards/{award.entity_id}/"
    assert _meta(html, "og:url") == page_url
    assert _meta(html, "og:title").startswith(award.badge_class.name)
    assert _meta(html, "og:image").startswith("http://testserver/media/badges/classes/")
    assert _meta(html, "og:type") == "website"
    assert _meta(html, "twitter:card") == "summary"
    assert _meta(html, "twitter:image") == _meta(html, "og:image")
    assert f'href="http://testserver/ob/assertions/{award.entity_id}"' in html
    assert f'href="http://testserver/ob/assertions/{award.entity_id}/baked.png"' in html
    assert "<strong>two</strong>" in html  # criteria rendered from Markdown


def test_criteria_markdown_is_sanitised(client, make_badge_class, learner):
    badge_class = make_badge_class(criteria_narrative="<script>alert(1)</script> **ok**")
    award = _award(badge_class, learner)
    html = client.get(f"/badges/awards/{award.entity_id}/").content.decode()
    assert "<script>alert(1)" not in html and "<strong>ok</strong>" in html


def test_revoked_and_expired_show_as_such(client, make_badge_class, learner, facilitator):
    revoked = _award(make_badge_class(), learner)
    services.badge_revoke(award=revoked, by=facilitator, reason="Awarded by mistake.")
    html = client.get(f"/badges/awards/{revoked.entity_id}/").content.decode()
    assert "Revoked" in html and "Awarded by mistake." in html and "Verified:" not in html
    expired = _award(
        make_badge_class(expires_after_months=1),
        learner,
        issued_on=timezone.now() - timedelta(days=90),
    )
    html = client.get(f"/badges/awards/{expired.entity_id}/").content.decode()
    assert "Expired" in html and "Verified:" not in html


def test_unknown_award_is_a_404_page(client):
    response = client.get("/badges/awards/2f1c7a3e-0000-4000-8000-000000000000/")
    assert response.status_code == 404
    assert client.get("/badges/awards/not-a-uuid/").status_code == 404


def test_linkedin_link_is_prefilled(client, make_badge_class, learner):
    badge_class = make_badge_class(expires_after_months=24)
    award = _award(badge_class, learner)
    client.force_login(learner)
    html = client.get("/badges/").content.decode()
    href = unescape(re.search(r'href="(https://www\.linkedin\.com/profile/add\?[^"]+)"', html)[1])
    parts = urlsplit(href)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert query["startTask"] == "CERTIFICATION_NAME"
    assert query["name"] == badge_class.name
    assert query["organizationName"] == "Praxis Coaching Institute"
    assert query["issueYear"] == str(award.issued_on.year)
    assert query["issueMonth"] == str(award.issued_on.month)
    assert query["expirationYear"] == str(award.expires_on.year)
    assert query["expirationMonth"] == str(award.expires_on.month)
    assert query["certUrl"] == f"http://testserver/badges/awards/{award.entity_id}/"
    assert query["certId"] == str(award.entity_id)


def test_email_signature_snippet(client, make_badge_class, learner):
    award = _award(make_badge_class(), learner)
    client.force_login(learner)
    html = client.get("/badges/").content.decode()
    code = re.search(r'<textarea id="sig-[^"]+"[^>]*>(.*?)</textarea>', html, re.S)[1]
    snippet = unescape(code)
    assert snippet.startswith("<table") and snippet.endswith("</table>")
    img = re.search(r"<img [^>]+>", snippet)[0]
    assert f'src="http://testserver/ob/assertions/{award.entity_id}/baked.png"' in img
    assert 'width="64"' in img and 'height="64"' in img
    assert f'alt="{award.badge_class.name} badge"' in img
    assert f'href="http://testserver/badges/awards/{award.entity_id}/"' in snippet
    assert "data-copy-signature" in html
    assert "badges/badges.js" in html
    # The preview is its own document in a sandboxed frame: the page keeps no email markup.
    preview = f"/badges/awards/{award.entity_id}/signature/"
    assert f'<iframe class="signature-preview" src="{preview}" sandbox=' in html
    assert "cellpadding" not in html.replace(code, "")


def test_signature_preview_is_the_snippet_for_its_owner_only(
    client, make_badge_class, learner, facilitator
):
    award = _award(make_badge_class(), learner)
    url = f"/badges/awards/{award.entity_id}/signature/"
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(facilitator)
    assert client.get(url).status_code == 404
    client.force_login(learner)
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    html = response.content.decode()
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html
    snippet = re.search(r"<table.*</table>", html, re.S)[0]
    assert f'href="http://testserver/badges/awards/{award.entity_id}/"' in snippet
    assert client.get(f"/badges/awards/{uuid.uuid4()}/signature/").status_code == 404


# --- profiles ----------------------------------------------------------------------------------


def test_profile_is_404_until_opted_in_and_never_lists_revoked(
    client, make_badge_class, learner, facilitator
):
    kept = _award(make_badge_class(name="Kept badge"), learner)
    gone = _award(make_badge_class(name="Gone badge"), learner)
    services.badge_revoke(award=gone, by=facilitator, reason="No.")
    profile = services.earner_profile_update(user=learner, public_profile=False, show_name=True)
    assert client.get(f"/badges/people/{profile.slug}/").status_code == 404
    assert client.get("/badges/people/nobody/").status_code == 404
    services.earner_profile_update(user=learner, public_profile=True, show_name=False)
    html = client.get(f"/badges/people/{profile.slug}/").content.decode()
    assert "Kept badge" in html and "Gone badge" not in html
    assert learner.public_name not in html and learner.email not in html
    assert f"/badges/awards/{kept.entity_id}/" in html
    services.earner_profile_update(user=learner, public_profile=True, show_name=True)
    assert learner.public_name in client.get(f"/badges/people/{profile.slug}/").content.decode()


def test_sharing_form_saves_choices(client, learner):
    client.force_login(learner)
    response = client.post("/badges/sharing/", {"public_profile": "on"})
    assert response.status_code == 302
    profile = EarnerProfile.objects.get(user=learner)
    assert profile.public_profile and not profile.show_name and profile.slug == "kevin"
    client.post("/badges/sharing/", {"show_name": "on"})
    profile.refresh_from_db()
    assert not profile.public_profile and profile.show_name


def test_evidence_toggle_only_for_the_earner(client, make_badge_class, learner, make_user):
    award = _award(make_badge_class(), learner, evidence_note="Note")
    client.force_login(make_user("stranger"))
    assert (
        client.post(f"/badges/awards/{award.entity_id}/evidence/", {"public": "on"}).status_code
        == 404
    )
    client.force_login(learner)
    client.post(f"/badges/awards/{award.entity_id}/evidence/", {"public": "on"})
    award.refresh_from_db()
    assert award.evidence_public


def test_my_badges_needs_login(client):
    assert client.get("/badges/").status_code == 302


# --- facilitators ------------------------------------------------------------------------------


def test_queue_page_approve_and_request_changes(
    client, make_badge_class, learner, course, lessons, facilitator, make_user, self_paced
):
    badge_class = make_badge_class(course=course, min_reflections=1, requires_approval=True)
    finish_course(learner, lessons)
    reflect(learner, lessons, 1)
    [request] = services.badge_rules_evaluate(user=learner)
    other = make_user("nora")
    from cohorts import services as cohort_services

    cohort_services.cohort_enroll(cohort=self_paced, user=other)
    finish_course(other, lessons)
    reflect(other, lessons, 1)
    [second] = services.badge_rules_evaluate(user=other)

    client.force_login(facilitator)
    html = client.get("/badges/queue/").content.decode()
    assert "Kevin Tran" in html and "What I learned in Lesson 1.1." in html
    assert "0.00 hours from" in html

    response = client.post(f"/badges/queue/{second.pk}/changes/", {"message": ""})
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.status == "pending"
    client.post(f"/badges/queue/{second.pk}/changes/", {"message": "One more reflection."})
    second.refresh_from_db()
    assert second.status == "changes" and second.message == "One more reflection."

    client.post(f"/badges/queue/{request.pk}/approve/")
    request.refresh_from_db()
    assert request.status == "approved"
    assert badge_class.awards.get().recipient == learner
    assert client.post(f"/badges/queue/{request.pk}/approve/").status_code == 404
    assert client.post("/badges/queue/999999/approve/").status_code == 404


def test_coaches_and_other_facilitators_cannot_use_the_queue(
    client, make_badge_class, learner, course, lessons, make_user, make_cohort
):
    make_badge_class(course=course, requires_approval=True)
    finish_course(learner, lessons)
    [request] = services.badge_rules_evaluate(user=learner)
    client.force_login(make_user("sam"))
    assert client.get("/badges/queue/").status_code == 403
    assert client.get("/badges/award/").status_code == 403
    assert client.post(f"/badges/queue/{request.pk}/approve/").status_code == 403
    olga = make_user("olga")
    make_cohort(title="Olga's").facilitators.set([olga])
    client.force_login(olga)
    assert "Kevin Tran" not in client.get("/badges/queue/").content.decode()
    assert client.post(f"/badges/queue/{request.pk}/approve/").status_code == 404
    request.refresh_from_db()
    assert request.status == "pending"


def test_award_form_and_revoke_form(client, make_badge_class, learner, facilitator, make_user):
    badge_class = make_badge_class(name="Tech Club Leader")
    outsider = make_user("outsider")
    client.force_login(facilitator)
    html = client.get("/badges/award/").content.decode()
    assert "Kevin Tran" in html and "outsider" not in html
    response = client.post(
        "/badges/award/",
        {"learner": outsider.pk, "badge_class": badge_class.pk, "evidence_note": "x"},
    )
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    response = client.post(
        "/badges/award/",
        {"learner": learner.pk, "badge_class": badge_class.pk, "evidence_note": "Led 3 clubs."},
    )
    assert response.status_code == 302
    award = BadgeAward.objects.get()
    assert award.method == "manual" and award.awarded_by == facilitator
    client.post(
        "/badges/award/",
        {"learner": learner.pk, "badge_class": badge_class.pk, "evidence_note": "Again."},
    )
    assert BadgeAward.objects.count() == 1  # awarding twice: the same award

    url = f"/badges/awards/{award.entity_id}/revoke/"
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    response = client.post(url, {"reason": "Wrong person."})
    assert response.status_code == 302
    award.refresh_from_db()
    assert award.status == "revoked"
    assert (
        client.get("/badges/awards/00000000-0000-4000-8000-000000000000/revoke/").status_code == 404
    )
    client.force_login(outsider)
    assert client.get(url).status_code == 404


# --- query counts -------------------------------------------------------------------------------


def _count(client, url: str) -> int:
    # Warm, as on a running server: the site and the person's permissions are cached.
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _people_with_awards(make_badge_class, make_user, self_paced, size: int):
    from cohorts import services as cohort_services

    classes = [make_badge_class(requires_approval=True, min_reflections=1) for _ in range(size)]
    holder = make_user(f"holder{size}")
    cohort_services.cohort_enroll(cohort=self_paced, user=holder)
    for badge_class in classes:
        _award(badge_class, holder, evidence_note="e")
    for index in range(size):
        person = make_user(f"waiting{size}x{index}")
        cohort_services.cohort_enroll(cohort=self_paced, user=person)
        services.certification_request_open(badge_class=classes[index], learner=person)
    services.earner_profile_update(user=holder, public_profile=True, show_name=True)
    return holder


@pytest.mark.parametrize("size", [1, 6])
def test_query_counts_are_flat(client, make_badge_class, make_user, self_paced, facilitator, size):
    holder = _people_with_awards(make_badge_class, make_user, self_paced, size)
    assert CertificationRequest.objects.count() == size
    client.force_login(holder)
    assert _count(client, "/badges/") == 11  # + the zone of a person without one
    client.logout()
    assert _count(client, f"/badges/people/{holder.earner_profile.slug}/") == 2
    award = holder.badge_awards.first()
    assert _count(client, f"/badges/awards/{award.entity_id}/") == 2
    client.force_login(facilitator)
    assert _count(client, "/badges/queue/") == 8  # + practice hours per window; + the zone
