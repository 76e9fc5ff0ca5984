"""``core.urls.safe_next``: the one check before redirecting to an address a form posted."""

import pytest
from django.test import RequestFactory

from core.urls import safe_next


@pytest.mark.parametrize(
    "candidate",
    [
        "//evil.example/",
        "/\\evil.example/",
        "https://evil.example/x",
        "javascript:alert(1)",
        "http://testserver.evil.example/",
        "",
        None,
    ],
)
def test_foreign_or_empty_targets_fall_back(candidate):
    request = RequestFactory().post("/")
    assert safe_next(request, candidate, "/home/") == "/home/"


@pytest.mark.parametrize(
    "candidate", ["/learn/", "/courses/x/?a=1#top", "http://testserver/learn/"]
)
def test_targets_on_this_site_are_kept(candidate):
    request = RequestFactory().post("/")
    assert safe_next(request, candidate, "/home/") == candidate
