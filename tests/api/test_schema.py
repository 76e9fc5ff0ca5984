"""The OpenAPI schema tells the truth: paged lists are described as pages, every operation lists
the 4xx answers it can give with the one Error component, and limits are the server's."""

from __future__ import annotations

import re

import pytest
import yaml
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate
from rest_framework.request import Request
from rest_framework.test import APIClient, APIRequestFactory
from rest_framework.views import APIView

from cohorts import services
from core.api.pagination import PagedListMixin, PageNumberPagination
from practice.services.entries import MAX_TAG_LENGTH, MAX_TAGS

ERROR_REF = "#/components/schemas/Error"
METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def spec(django_db_blocker):
    with django_db_blocker.unblock():
        response = Client().get("/api/v1/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def _operations(spec):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def _api_views():
    """(path, view class) of every endpoint under /api/v1/."""

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern) and hasattr(pattern.callback, "view_class"):
                yield prefix + str(pattern.pattern), pattern.callback.view_class

    return [
        (path, cls) for path, cls in walk(get_resolver().url_patterns, "/") if "api/v1/" in path
    ]


def _schema_path(route: str) -> str:
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route.lstrip("/"))


def test_schema_is_valid_openapi(spec):
    validate(spec)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/courses/",
        "/api/v1/cohorts/",
        "/api/v1/badges/classes/",
        "/api/v1/badges/awards/mine/",
        "/api/v1/cohorts/{cohort_id}/roster/",
    ],
)
def test_the_lists_that_page_are_described_as_pages(spec, path):
    operation = spec["paths"][path]["get"]
    names = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
    assert {"page", "page_size"} <= names
    ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    page = spec["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert {"count", "next", "previous", "results"} <= set(page["properties"])
    assert page["properties"]["results"]["type"] == "array"


def test_every_view_that_pages_is_described_as_paged(spec):
    """Guard: a view pages only through its pagination_class (the paginator refuses any other,
    see below), and every such view's GET is described with the page parameters and envelope."""
    paged = [(route, cls) for route, cls in _api_views() if getattr(cls, "pagination_class", None)]
    assert len(paged) >= 8
    for route, cls in paged:
        operation = spec["paths"][_schema_path(route)]["get"]
        names = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
        assert {"page", "page_size"} <= names, route
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        if "$ref" in schema:
            schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        assert {"count", "next", "previous", "results"} <= set(schema["properties"]), route


def test_a_view_cannot_page_without_declaring_it():
    request = Request(APIRequestFactory().get("/"))

    class HandMadePages(APIView):
        pass

    class DeclaredPages(PagedListMixin, APIView):
        pass

    with pytest.raises(ImproperlyConfigured, match="pagination_class"):
        PageNumberPagination().paginate_queryset([1, 2, 3], request, view=HandMadePages())
    assert PageNumberPagination().paginate_queryset([1, 2], request, view=DeclaredPages()) == [1, 2]


def test_every_operation_lists_its_error_answers(spec):
    for path, method, operation in _operations(spec):
        responses = operation["responses"]
        errors = {code for code in responses if code.startswith("4")}
        where = f"{method.upper()} {path}"
        for code in errors:
            schema = responses[code]["content"]["application/json"]["schema"]
            assert schema == {"$ref": ERROR_REF}, where
            assert responses[code]["description"], where
        if "{" in path:
            assert "404" in errors, where
        if "requestBody" in operation:
            assert {"400", "413", "415"} <= errors, where
        if any(
            p["in"] == "query" and p["name"] not in ("page", "page_size")
            for p in operation.get("parameters", [])
        ):
            assert "400" in errors, where
        if method != "get":
            assert "400" in errors, where
        if any(operation.get("security", [{}])):
            assert "401" in errors, where
            if method != "get":
                assert "403" in errors, where  # a session without its CSRF token


@pytest.mark.parametrize(
    "operation,codes",
    [
        (("post", "/api/v1/practice/feedback/"), {"400", "404", "410", "429"}),
        (("post", "/api/v1/auth/token/"), {"400", "429"}),
        (("get", "/api/v1/cohorts/{cohort_id}/roster/"), {"401", "403", "404"}),
        (("get", "/api/v1/badges/queue/"), {"401", "403"}),
        (("post", "/api/v1/badges/awards/"), {"400", "401", "403", "404"}),
        (("post", "/api/v1/community/spaces/{space_id}/threads/"), {"429"}),
    ],
)
def test_answers_that_views_and_services_give_are_declared(spec, operation, codes):
    method, path = operation
    assert codes <= set(spec["paths"][path][method]["responses"])


def test_public_operations_do_not_claim_authentication_errors(spec):
    for path in ("/api/v1/auth/token/", "/api/v1/practice/feedback/"):
        assert not {"401", "403"} & set(spec["paths"][path]["post"]["responses"])


@pytest.mark.django_db
def test_the_error_component_is_what_the_server_sends(spec, client):
    validator = OAS30Validator(
        {"$ref": ERROR_REF, "components": spec["components"]},
    )
    bodies = [
        client.post("/api/v1/auth/token/", {}, content_type="application/json"),
        client.post("/api/v1/auth/token/", "{nope", content_type="application/json"),
        client.get("/api/v1/courses/", HTTP_AUTHORIZATION="Token nope"),
        client.get("/api/v1/courses/999999/"),
        client.get("/api/v1/courses/", {"page": 9}),
        client.get("/api/v1/me/enrollments/"),
    ]
    for response in bodies:
        assert 400 <= response.status_code < 500
        validator.validate(response.json())
    fields = bodies[0].json()["error"]["fields"]
    assert set(fields) == {"username", "password"}


@pytest.mark.django_db
def test_the_roster_page_is_what_the_server_sends(spec, cohort, coach, facilitator, make_user):
    services.cohort_update(cohort=cohort, by=facilitator, capacity=1)
    services.cohort_enroll(cohort=cohort, user=coach)
    services.cohort_enroll(cohort=cohort, user=make_user("wes"))  # waits
    operation = spec["paths"]["/api/v1/cohorts/{cohort_id}/roster/"]["get"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    api = APIClient()
    api.force_authenticate(facilitator)
    body = api.get(f"/api/v1/cohorts/{cohort.pk}/roster/", {"page_size": 1}).json()
    assert body["count"] == 1 and len(body["results"]) == 1 and len(body["waitlist"]) == 1
    OAS30Validator({**schema, "components": spec["components"]}).validate(body)
    names = {p["name"] for p in operation["parameters"] if p["in"] == "query"}
    assert {"page", "page_size", "status", "sort"} <= names


def test_focus_tags_limits_are_the_servers(spec):
    schema = spec["components"]["schemas"]["PracticeEntryRequest"]["properties"]["focus_tags"]
    assert (schema["maxItems"], schema["items"]["maxLength"]) == (MAX_TAGS, MAX_TAG_LENGTH)
    assert (MAX_TAGS, MAX_TAG_LENGTH) == (8, 30)


@pytest.mark.django_db
def test_the_server_refuses_what_the_schema_refuses():
    from accounts.services import user_create

    user = user_create(email="coach@example.org", password="a-long-pass-phrase", username="coach")
    api = APIClient()
    api.force_authenticate(user)
    base = {"date": "2026-01-05", "minutes": 30, "kind": "one_to_one"}
    too_long, too_many = ["t" * (MAX_TAG_LENGTH + 1)], [f"t{i}" for i in range(MAX_TAGS + 1)]
    for tags, says in ((too_long, f"no more than {MAX_TAG_LENGTH} characters"), (too_many, "")):
        response = api.post(
            "/api/v1/practice/entries/", {**base, "focus_tags": tags}, format="json"
        )
        assert response.status_code == 400, response.content
        (message,) = response.json()["error"]["fields"]["focus_tags"]
        assert says in message and "ErrorDetail" not in message  # a message, not a repr
    # Tags are stored comma-separated: a listed tag with a comma is two (found by schemathesis).
    commas = [f"a{i},b{i}" for i in range(MAX_TAGS // 2 + 1)]
    response = api.post("/api/v1/practice/entries/", {**base, "focus_tags": commas}, format="json")
    assert response.status_code == 400, response.content
    most = [f"{i}".rjust(MAX_TAG_LENGTH, "t") for i in range(MAX_TAGS)]
    response = api.post("/api/v1/practice/entries/", {**base, "focus_tags": most}, format="json")
    assert response.status_code == 201, response.content


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_to_unknown_api_urls_are_the_json_404(method):
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32  # a browser's cookie, without the matching header
    for url in ("/api/v1/nothing-here/", "/api/v1/cohorts/99999999999999999999/enroll/"):
        response = getattr(client, method)(url)
        assert response.status_code == 404, (method, url)
        assert response.json()["error"]["code"] == "not_found"
