"""Every response carries the strict Content-Security-Policy; the admin, the API docs and the
500 page take the named exceptions of core/csp.py, nothing else."""

from __future__ import annotations

import re

import pytest
from django.test import RequestFactory, override_settings

from core import csp as policies


def directives(response) -> dict[str, str]:
    header = response.headers["Content-Security-Policy"]
    return {
        part.split(" ", 1)[0]: (part.split(" ", 1) + [""])[1]
        for part in (piece.strip() for piece in header.split(";"))
        if part
    }


@pytest.mark.parametrize(
    "path",
    ["/", "/accounts/login/", "/courses/test-course/module-1/lesson-1-1/", "/no/such/page/"],
)
def test_site_pages_get_the_strict_policy(client, make_course, path):
    make_course(modules=1, lessons=1)
    policy = directives(client.get(path))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"  # no 'unsafe-inline', no nonce needed
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["base-uri"] == "'self'"
    assert policy["form-action"] == "'self'"


def test_api_answers_carry_the_policy_too(client, db):
    policy = directives(client.get("/api/v1/courses/"))
    assert policy["script-src"] == "'self'"


def test_pages_have_no_inline_script_or_style_attribute(client, make_course):
    """What the policy forbids is not in the markup either (the browser tests catch the rest
    on the demo's pages)."""
    make_course(modules=1, lessons=1)
    for path in ("/", "/accounts/login/", "/courses/test-course/module-1/lesson-1-1/"):
        html = client.get(path).content.decode()
        inline_scripts = [
            tag
            for tag in re.findall(r"<script\b[^>]*>", html)
            if "src=" not in tag and 'type="application/json"' not in tag
        ]
        assert inline_scripts == [], path
        assert not re.search(r"<[^>]+\sstyle=", html), path
        assert not re.search(r"<[^>]+\son[a-z]+=", html), path


def test_admin_takes_its_named_exception(admin_client):
    policy = directives(admin_client.get("/admin/"))
    assert policy["script-src"] == "'self' 'unsafe-inline'"
    assert policy["frame-ancestors"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["default-src"] == "'self'"


def test_api_docs_script_is_a_file(client, db):
    response = client.get("/api/v1/docs/")
    html = response.content.decode()
    assert "/api/v1/docs/?script=" in html
    assert re.findall(r"<script>", html) == []
    assert directives(response)["script-src"] == "'self'"
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")


@override_settings(DEBUG=False)
def test_the_500_page_keeps_its_inline_style_only():
    from core.csp import PathPolicyMiddleware
    from core.views import server_error

    request = RequestFactory().get("/boom/")
    middleware = PathPolicyMiddleware(lambda req: server_error(req))
    response = middleware(request)
    assert response.status_code == 500
    policy = directives(response)
    assert policy["style-src"] == "'unsafe-inline'"
    assert policy["script-src"] == "'self'"


def test_policy_for_picks_by_prefix():
    assert policies.policy_for("/admin/pages/3/edit/") is policies.ADMIN
    assert policies.policy_for("/api/v1/docs/") is policies.API_PAGES
    assert policies.policy_for("/api/v1/courses/") is policies.API_PAGES
    assert policies.policy_for("/administration/") is policies.SITE
    assert policies.policy_for("/") is policies.SITE
