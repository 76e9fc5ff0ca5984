from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

from accounts import services
from cms.errors import ApplicationError

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "a-long-pass-phrase"


@pytest.fixture
def maya():
    return services.user_create(
        email="maya@example.org", password=PASSWORD, username="maya", display_name="Maya R."
    )


def _signup(client, **overrides):
    data = {
        "email": "new.coach@example.org",
        "display_name": "New Coach",
        "district": "Riverside Unified",
        "school": "Jefferson Elementary",
        "role": "coach",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }
    return client.post("/accounts/signup/", data)


def test_signup_creates_the_account_and_logs_in(client):
    response = _signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="new.coach@example.org")
    assert (user.display_name, user.district, user.school) == (
        "New Coach", "Riverside Unified", "Jefferson Elementary",
    )
    assert user.username == "new.coach"
    assert client.session["_auth_user_id"] == str(user.pk)


def test_signup_with_a_taken_email_shows_the_message(client, maya):
    response = _signup(client, email="MAYA@example.org")
    assert response.status_code == 200
    assert "An account with this email address already exists." in response.content.decode()
    assert User.objects.count() == 1


def test_signup_password_mismatch(client):
    response = _signup(client, password2="something-else-entirely")
    assert "The two passwords do not match." in response.content.decode()
    assert not User.objects.exists()


def test_signup_page_is_styled_and_labelled(client):
    html = client.get("/accounts/signup/").content.decode()
    assert "praxis.css" in html
    for field in ("email", "display_name", "password1", "password2"):
        assert f'<label for="id_{field}">' in html


@pytest.mark.parametrize("login", ["maya", "Maya@Example.org"])
def test_login_by_username_or_email(client, maya, login):
    response = client.post("/accounts/login/", {"username": login, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(maya.pk)


def test_wrong_password_shows_an_error(client, maya):
    response = client.post("/accounts/login/", {"username": "maya", "password": "nope"})
    assert response.status_code == 200
    assert "Please enter a correct email or username and password" in response.content.decode()


def test_login_redirects_to_next_but_never_offsite(client, maya):
    ok = client.post("/accounts/login/", {"username": "maya", "password": PASSWORD,
                                          "next": "/courses/"})
    assert ok["Location"] == "/courses/"
    client.logout()
    evil = client.post("/accounts/login/", {"username": "maya", "password": PASSWORD,
                                            "next": "https://evil.example.org/"})
    assert "evil" not in evil["Location"]


def test_logout_is_a_post(client, maya):
    client.force_login(maya)
    assert client.post("/accounts/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_round_trip(client, maya, mailoutbox):
    response = client.post("/accounts/password-reset/", {"email": "maya@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    assert "Hi Maya R." in body
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+/)", body).group(1)
    page = client.get(link, follow=True)
    assert "Choose a new password" in page.content.decode()
    form_url = page.redirect_chain[-1][0]
    done = client.post(form_url, {"new_password1": "brand-new-pass-phrase",
                                  "new_password2": "brand-new-pass-phrase"})
    assert done.status_code == 302
    client.logout()
    assert client.login(username="maya", password="brand-new-pass-phrase")


def test_invalid_reset_link(client, maya):
    html = client.get("/accounts/reset/MQ/not-a-token/", follow=True).content.decode()
    assert "This link no longer works" in html


def test_profile_requires_login_and_saves(client, maya):
    assert client.get("/accounts/profile/")["Location"].startswith("/accounts/login/")
    client.force_login(maya)
    response = client.post("/accounts/profile/", {
        "display_name": "Maya Robinson", "first_name": "Maya", "last_name": "Robinson",
        "district": "Lakeview", "school": "North Shore", "role": "team_lead",
    })
    assert response.status_code == 302
    maya.refresh_from_db()
    assert (maya.display_name, maya.district, maya.role) == ("Maya Robinson", "Lakeview",
                                                             "team_lead")
    assert "Your profile is saved." in client.get("/accounts/profile/").content.decode()


def test_services_refuse_duplicates_and_unknown_fields(maya):
    with pytest.raises(ApplicationError, match="already exists"):
        services.user_create(email="MAYA@example.org", password=PASSWORD)
    with pytest.raises(ApplicationError, match="Unknown profile fields: is_superuser"):
        services.profile_update(user=maya, is_superuser=True)
    maya.refresh_from_db()
    assert not maya.is_superuser
