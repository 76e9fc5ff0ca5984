"""Accounts: sign-up, log in/out, password reset, profile, and the services behind them."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from accounts import services
from accounts.forms import LoginForm
from core.errors import ApplicationError

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-pass-phrase"
NEW_PASSWORD = "brand-new-pass-phrase"


@pytest.fixture
def maya():
    return services.user_create(
        email="maya@example.org", password=PASSWORD, username="maya", display_name="Maya R."
    )


class _FormParser(HTMLParser):
    """Collects the inputs, labels, forms and alerts of a page, enough to check accessibility."""

    def __init__(self):
        super().__init__()
        self.controls: list[dict] = []
        self.label_fors: set[str] = set()
        self.forms: list[dict] = []
        self.alerts: list[str] = []
        self._alert_depth = 0
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in {"input", "br", "img", "meta", "link", "hr"}:
            self._depth += 1
        if tag in {"input", "select", "textarea"}:
            self.controls.append({"tag": tag, **attrs})
        elif tag == "label" and attrs.get("for"):
            self.label_fors.add(attrs["for"])
        elif tag == "form":
            self.forms.append(attrs)
        if attrs.get("role") == "alert":
            self.alerts.append("")
            self._alert_depth = self._depth

    def handle_endtag(self, tag):
        if self._alert_depth and self._depth == self._alert_depth:
            self._alert_depth = 0
        self._depth -= 1

    def handle_data(self, data):
        if self._alert_depth:
            self.alerts[-1] += data


def parse(response) -> _FormParser:
    parser = _FormParser()
    parser.feed(response.content.decode())
    return parser


def visible_controls(page: _FormParser) -> list[dict]:
    """The form controls of the main content (not the header's search box)."""
    return [
        c
        for c in page.controls
        if c.get("type") != "hidden" and c.get("name") not in {"csrfmiddlewaretoken", "q"}
    ]


def control(page: _FormParser, name: str) -> dict:
    return next(c for c in page.controls if c.get("name") == name)


def _signup(client, **overrides):
    data = {
        "email": "new.coach@example.org",
        "display_name": "New Coach",
        "district": "Riverside Unified",
        "school": "Jefferson Elementary",
        "role": "coach",
        **overrides,
    }
    return client.post("/accounts/signup/", data)


def _emailed_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/signup/confirm/\S+/)", message.body).group(1)


def _choose_password(client, link, password=PASSWORD, again=None):
    return client.post(link, {"password1": password, "password2": again or password})


# Sign-up


def test_signup_emails_a_link_then_the_chosen_password_creates_the_account(
    client, django_user_model, mailoutbox
):
    response = _signup(client, next="/cohorts/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/signup/sent/"
    assert not django_user_model.objects.exists()  # nothing until the link is used
    assert "Check your email" in client.get(response["Location"]).content.decode()
    [message] = mailoutbox
    assert message.to == ["new.coach@example.org"]
    assert message.subject == "Finish creating your Praxis account"
    assert "Hi New Coach," in message.body
    assert "&amp;" not in message.body and "&#x27;" not in message.body

    link = _emailed_link(message)
    page = client.get(link)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Choose your password" in html and "new.coach@example.org" in html
    parsed = parse(page)
    assert {c["name"] for c in visible_controls(parsed)} == {"password1", "password2"}
    assert control(parsed, "password1")["autocomplete"] == "new-password"
    for c in visible_controls(parsed):
        assert c["id"] in parsed.label_fors

    done = _choose_password(client, link)
    assert done.status_code == 302
    assert done["Location"] == "/cohorts/"
    user = django_user_model.objects.get(email="new.coach@example.org")
    assert (user.display_name, user.district, user.school, user.role) == (
        "New Coach",
        "Riverside Unified",
        "Jefferson Elementary",
        "coach",
    )
    assert user.username == "new.coach"
    assert user.check_password(PASSWORD)
    assert client.session["_auth_user_id"] == str(user.pk)
    home = client.get("/accounts/profile/")
    assert "Welcome to Praxis, New Coach!" in home.content.decode()


def test_signup_never_redirects_offsite(client, mailoutbox):
    _signup(client, next="https://evil.example.org/")
    response = _choose_password(client, _emailed_link(mailoutbox[0]))
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_signup_with_a_taken_email_answers_the_same_and_tells_the_owner(
    client, maya, django_user_model, mailoutbox
):
    new = _signup(client, email="someone.new@example.org")
    taken = _signup(client, email="MAYA@Example.org")
    assert (taken.status_code, taken["Location"]) == (new.status_code, new["Location"])
    assert django_user_model.objects.count() == 1
    assert "_auth_user_id" not in client.session
    notice = mailoutbox[-1]
    assert notice.to == ["maya@example.org"]
    assert notice.subject == "Someone tried to sign up to Praxis with your address"
    assert "Hi Maya R.," in notice.body
    assert "http://testserver/accounts/login/" in notice.body
    assert "http://testserver/accounts/password-reset/" in notice.body
    assert "/accounts/signup/confirm/" not in notice.body
    maya.refresh_from_db()
    assert maya.check_password(PASSWORD)  # nothing about the account changed


def test_a_signup_link_for_an_address_that_got_an_account_since_says_log_in(
    client, mailoutbox, django_user_model
):
    _signup(client)
    link = _emailed_link(mailoutbox[0])
    _choose_password(client, link)
    client.logout()
    again = client.get(link)
    assert "You already have an account" in again.content.decode()
    assert _choose_password(client, link, password=NEW_PASSWORD).status_code == 200
    assert django_user_model.objects.get().check_password(PASSWORD)


def test_a_tampered_or_old_signup_link_no_longer_works(client, mailoutbox, monkeypatch):
    from datetime import timedelta

    from accounts import services as account_services

    _signup(client)
    link = _emailed_link(mailoutbox[0])
    bad = client.get(link.replace("confirm/", "confirm/x"))
    assert bad.status_code == 404
    assert "This link no longer works" in bad.content.decode()
    assert 'href="/accounts/signup/"' in bad.content.decode()
    monkeypatch.setattr(account_services, "SIGNUP_MAX_AGE", timedelta(seconds=-1))  # too old
    assert client.get(link).status_code == 404
    assert _choose_password(client, link).status_code == 404


def test_signup_password_mismatch(client, django_user_model, mailoutbox):
    _signup(client)
    response = _choose_password(
        client, _emailed_link(mailoutbox[0]), again="something-else-entirely"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The two passwords do not match." in html
    assert 'id="id_password2_error"' in html
    assert 'aria-describedby="id_password2_error"' in html
    assert not django_user_model.objects.exists()


def test_signup_rejects_a_weak_password(client, django_user_model, mailoutbox):
    _signup(client)
    response = _choose_password(client, _emailed_link(mailoutbox[0]), password="password")
    assert "This password is too common." in response.content.decode()
    assert not django_user_model.objects.exists()


def test_signup_rejects_a_password_like_the_persons_name(client, django_user_model, mailoutbox):
    _signup(client, email="rosalind.delgado@example.org", display_name="Rosalind Delgado")
    response = _choose_password(client, _emailed_link(mailoutbox[0]), password="rosalind.delgado")
    assert "too similar" in response.content.decode()
    assert not django_user_model.objects.exists()


def test_signup_form_keeps_what_was_typed(client, mailoutbox):
    html = _signup(client, email="not-an-email").content.decode()
    assert 'value="Riverside Unified"' in html
    assert "Enter a valid email address." in html
    assert mailoutbox == []


def test_signup_page_is_styled_labelled_and_lets_the_browser_help(client):
    response = client.get("/accounts/signup/?next=/cohorts/")
    page = parse(response)
    html = response.content.decode()
    assert "praxis.css" in html
    assert "novalidate" not in html
    controls = visible_controls(page)
    assert {c["name"] for c in controls} == {"email", "display_name", "district", "school", "role"}
    for c in controls:
        assert c["id"] in page.label_fors, f"{c['name']} has no <label for>"
    assert control(page, "email")["autocomplete"] == "email"
    assert "required" in control(page, "email")
    assert control(page, "next")["value"] == "/cohorts/"
    # Help text is announced with the field it belongs to.
    assert 'aria-describedby="id_display_name_helptext"' in html
    assert 'id="id_display_name_helptext"' in html
    assert "How other coaches will see you" in html
    assert "(optional)" in html  # district and school


def test_signed_in_people_skip_the_signup_page(client, maya):
    client.force_login(maya)
    assert client.get("/accounts/signup/")["Location"] == "/"


# Log in and out


@pytest.mark.parametrize("login", ["maya", "Maya@Example.org", "MAYA"])
def test_login_by_username_or_email(client, maya, login):
    response = client.post("/accounts/login/", {"username": login, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(maya.pk)


def test_wrong_password_shows_an_error(client, maya):
    response = client.post("/accounts/login/", {"username": "maya", "password": "nope"})
    assert response.status_code == 200
    alerts = parse(response).alerts
    assert len(alerts) == 1
    assert "Please enter a correct email or username and password." in alerts[0]
    assert "_auth_user_id" not in client.session


def test_inactive_people_cannot_log_in(client, maya):
    maya.is_active = False
    maya.save(update_fields=["is_active"])
    response = client.post("/accounts/login/", {"username": "maya", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_login_page_links_and_carries_next(client):
    response = client.get("/accounts/login/?next=/cohorts/")
    page = parse(response)
    html = response.content.decode()
    assert "Forgot your password?" in html
    assert 'href="/accounts/password-reset/"' in html
    assert 'href="/accounts/signup/?next=/cohorts/"' in html
    assert control(page, "next")["value"] == "/cohorts/"
    assert control(page, "username")["autocomplete"] == "username"
    assert control(page, "password")["autocomplete"] == "current-password"
    for c in visible_controls(page):
        assert c["id"] in page.label_fors
    assert "novalidate" not in html


def test_login_accepts_long_email_addresses():
    # AuthenticationForm caps the field at the username's 150 characters; emails go to 254.
    form = LoginForm()
    assert form.fields["username"].max_length == 254
    assert 'maxlength="254"' in str(form["username"])


def test_login_redirects_to_next_but_never_offsite(client, maya):
    ok = client.post(
        "/accounts/login/", {"username": "maya", "password": PASSWORD, "next": "/cohorts/"}
    )
    assert ok["Location"] == "/cohorts/"
    client.logout()
    evil = client.post(
        "/accounts/login/",
        {"username": "maya", "password": PASSWORD, "next": "https://evil.example.org/"},
    )
    assert evil.status_code == 302
    assert "evil" not in evil["Location"]


def test_logout_is_a_post(client, maya):
    client.force_login(maya)
    assert client.get("/accounts/logout/").status_code == 405
    assert client.session["_auth_user_id"] == str(maya.pk)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


# Password reset


def _request_reset(client, mailoutbox, email="maya@example.org") -> str:
    response = client.post("/accounts/password-reset/", {"email": email})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password-reset/sent/"
    assert len(mailoutbox) == 1
    return re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", mailoutbox[0].body).group(1)


def test_password_reset_round_trip(client, maya, mailoutbox):
    link = _request_reset(client, mailoutbox, email="MAYA@example.org")
    message = mailoutbox[0]
    assert message.to == ["maya@example.org"]
    assert message.subject == "Reset your Praxis password"
    assert "Hi Maya R.," in message.body
    assert "http://testserver/accounts/reset/" in message.body
    assert "&amp;" not in message.body and "&#x27;" not in message.body

    sent = client.get("/accounts/password-reset/sent/")
    assert "Check your email" in sent.content.decode()

    page = client.get(link, follow=True)
    assert "Choose a new password" in page.content.decode()
    form_url = page.redirect_chain[-1][0]
    assert form_url.endswith("/set-password/")
    parsed = parse(page)
    assert control(parsed, "new_password1")["autocomplete"] == "new-password"
    for c in visible_controls(parsed):
        assert c["id"] in parsed.label_fors

    done = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302
    assert done["Location"] == "/accounts/reset/done/"
    assert "You’re all set" in client.get(done["Location"]).content.decode()

    old = client.post("/accounts/login/", {"username": "maya", "password": PASSWORD})
    assert old.status_code == 200
    new = client.post(
        "/accounts/login/", {"username": "maya@example.org", "password": NEW_PASSWORD}
    )
    assert new.status_code == 302
    assert client.session["_auth_user_id"] == str(maya.pk)


def test_password_reset_shows_mismatched_new_passwords(client, maya, mailoutbox):
    link = _request_reset(client, mailoutbox)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": NEW_PASSWORD, "new_password2": "not-the-same-at-all"}
    )
    assert response.status_code == 200
    assert "The two password fields didn’t match." in response.content.decode()
    maya.refresh_from_db()
    assert maya.check_password(PASSWORD)


def test_a_reset_link_works_only_once(client, maya, mailoutbox):
    link = _request_reset(client, mailoutbox)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    html = client.get(link, follow=True).content.decode()
    assert "This link no longer works" in html


def test_password_reset_for_an_unknown_address_sends_nothing(client, maya, mailoutbox):
    response = client.post("/accounts/password-reset/", {"email": "nobody@example.org"})
    assert response["Location"] == "/accounts/password-reset/sent/"
    assert mailoutbox == []


def test_invalid_reset_link(client, maya):
    response = client.get("/accounts/reset/MQ/not-a-token/", follow=True)
    html = response.content.decode()
    assert "This link no longer works" in html
    assert "Send me a new link" in html
    assert 'href="/accounts/password-reset/"' in html
    assert "new_password1" not in html


def test_reset_subject_template_is_one_line():
    from django.template.loader import get_template

    template = get_template("accounts/email/password_reset_subject.txt")
    assert template.render({}) == "Reset your Praxis password"


# Profile


def test_profile_requires_login(client):
    response = client.get("/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/profile/"


def test_profile_shows_login_details_read_only(client, maya):
    client.force_login(maya)
    response = client.get("/accounts/profile/")
    page = parse(response)
    html = response.content.decode()
    assert "maya@example.org" in html
    assert "<dd>maya</dd>" in html
    names = {c["name"] for c in visible_controls(page)}
    assert names == {
        "display_name",
        "first_name",
        "last_name",
        "district",
        "school",
        "role",
        "time_zone",
    }
    for c in visible_controls(page):
        assert c["id"] in page.label_fors
    assert 'href="/accounts/password-reset/"' in html


def test_profile_saves_changes_through_the_form(client, maya):
    client.force_login(maya)
    response = client.post(
        "/accounts/profile/",
        {
            "display_name": "Maya Robinson",
            "first_name": "Maya",
            "last_name": "Robinson",
            "district": "Lakeview",
            "school": "North Shore",
            "role": "team_lead",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/profile/"
    maya.refresh_from_db()
    assert (maya.display_name, maya.last_name, maya.district, maya.school, maya.role) == (
        "Maya Robinson",
        "Robinson",
        "Lakeview",
        "North Shore",
        "team_lead",
    )
    html = client.get("/accounts/profile/").content.decode()
    assert "Your profile is saved." in html
    assert "Maya Robinson" in html


def test_profile_with_errors_saves_nothing_and_shows_the_saved_name(client, maya):
    client.force_login(maya)
    response = client.post(
        "/accounts/profile/",
        {"display_name": "Maya Unsaved", "school": "S" * 161, "role": "not-a-role"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ensure this value has at most 160 characters" in html
    assert "Select a valid choice." in html
    assert 'value="Maya Unsaved"' in html  # kept in the form to fix and resend...
    # ...but the header and the heading still show the saved name.
    assert ">Maya R.</a>" in html
    assert '<h1 id="profile-title">Maya R.</h1>' in html
    maya.refresh_from_db()
    assert (maya.display_name, maya.school, maya.role) == ("Maya R.", "", "coach")


# Services


def test_user_create_normalises_and_picks_a_free_username(maya, django_user_model):
    user = services.user_create(email=" Maya@OTHER.Example.org ", password=None)
    assert user.email == "Maya@other.example.org"
    assert user.username == "maya2"
    assert not user.has_usable_password()
    assert django_user_model.objects.count() == 2


def test_user_create_refuses_a_duplicate_email(maya, django_user_model):
    with pytest.raises(ApplicationError, match="already exists") as caught:
        services.user_create(email="  MAYA@example.org ", password=PASSWORD)
    assert caught.value.field == "email"
    assert django_user_model.objects.count() == 1


def test_profile_update_saves_known_fields(maya):
    services.profile_update(user=maya, district="Lakeview", role="facilitator")
    maya.refresh_from_db()
    assert (maya.district, maya.role) == ("Lakeview", "facilitator")


def test_profile_update_refuses_unknown_fields(maya):
    with pytest.raises(ApplicationError, match="Unknown profile fields: email, is_superuser."):
        services.profile_update(user=maya, is_superuser=True, email="x@example.org")
    maya.refresh_from_db()
    assert not maya.is_superuser
    assert maya.email == "maya@example.org"


def test_profile_update_validates_values(maya):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.profile_update(user=maya, role="superhero")
    maya.refresh_from_db()
    assert maya.role == "coach"


def test_password_reset_answers_alike_for_known_and_unknown_addresses(client, maya, mailoutbox):
    known = client.post("/accounts/password-reset/", {"email": "maya@example.org"})
    unknown = client.post("/accounts/password-reset/", {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [m.to for m in mailoutbox] == [["maya@example.org"]]
