from __future__ import annotations

import pytest
import yaml
from django.contrib.auth import get_user_model
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


@pytest.fixture
def coach(django_user_model):
    from accounts.services import user_create

    return user_create(email="maya@example.org", password="a-long-pass-phrase", username="maya")


def test_token_for_username_and_for_email(client, coach):
    for login in ("maya", "MAYA@example.org"):
        response = client.post(
            "/api/v1/auth/token/",
            {"username": login, "password": "a-long-pass-phrase"},
            content_type="application/json",
        )
        assert response.status_code == 200, response.content
        assert response.json()["username"] == "maya"
        assert len(response.json()["token"]) == 40


def test_token_auth_authenticates_requests(client, coach):
    token = client.post(
        "/api/v1/auth/token/",
        {"username": "maya", "password": "a-long-pass-phrase"},
        content_type="application/json",
    ).json()["token"]
    response = client.get("/api/v1/courses/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 200
    bad = client.get("/api/v1/courses/", HTTP_AUTHORIZATION="Token not-a-token")
    assert bad.status_code == 401
    assert bad.json()["error"]["code"] == "authentication_failed"


def test_wrong_password_is_one_json_error(client, coach):
    response = client.post(
        "/api/v1/auth/token/",
        {"username": "maya", "password": "nope"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": {"code": "invalid_credentials", "message": "Those credentials are not right."}
    }


def test_missing_fields_list_each_field(client):
    response = client.post("/api/v1/auth/token/", {}, content_type="application/json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert set(error["fields"]) == {"username", "password"}
    assert error["message"] == "This field is required."


def test_malformed_json_is_a_json_400(client):
    response = client.post("/api/v1/auth/token/", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"


def test_unknown_api_url_is_json_404(client):
    response = client.get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"]["code"] == "not_found"


def test_method_not_allowed_is_json(client):
    response = client.delete("/api/v1/courses/")
    assert response.status_code in (403, 405)
    assert "error" in response.json()


def test_unexpected_exception_is_json_500(client, monkeypatch):
    from courses.api.views import courses as views

    def boom(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(views, "course_list", boom)
    client.raise_request_exception = False
    response = client.get("/api/v1/courses/")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "server_error"
    assert "bug" not in response.content.decode()


def test_schema_is_valid_openapi_3(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    spec = yaml.safe_load(response.content)
    assert spec["openapi"].startswith("3.")
    validate(spec)
    assert "/api/v1/courses/{course_id}/" in spec["paths"]
    assert "/api/v1/auth/token/" in spec["paths"]


def test_docs_page_is_served_without_a_cdn(client):
    html = client.get("/api/v1/docs/").content.decode()
    assert "swagger-ui" in html
    assert "cdn" not in html.lower()
    assert "/static/drf_spectacular_sidecar/" in html


def test_user_model_is_ours():
    assert get_user_model()._meta.label == "accounts.User"
