"""The HTML "new thread" form: a refused post goes back where it came from, on this site only."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_refused_thread_goes_back_on_this_site_only(client, coach_a, space):
    client.force_login(coach_a)
    url = f"/community/spaces/{space.pk}/threads/new/"
    # An empty title is refused; the form's own "back" address is honoured…
    response = client.post(url, {"title": "", "body": "x", "back": "/learn/"})
    assert response.status_code == 302 and response["Location"] == "/learn/"
    # …a foreign one is not (no open redirect).
    for elsewhere in ("//evil.example/", "/\\evil.example/", "https://evil.example/"):
        response = client.post(url, {"title": "", "body": "x", "back": elsewhere})
        assert response["Location"] == f"/community/spaces/{space.pk}/"
    assert not space.threads.exists()
