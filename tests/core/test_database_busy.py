"""When every pooled database connection stays busy for DB_POOL_TIMEOUT, a request is told to
come back (503 with Retry-After), in the API's JSON shape or as a page, never a 500.

The views below fail the way Django fails when psycopg's pool times out: psycopg_pool's
PoolTimeout re-raised as django.db's OperationalError. The real pool timing out, on
PostgreSQL, is in tests/integration/test_connection_pool.py."""

from __future__ import annotations

import pytest
from django.db import OperationalError
from psycopg_pool import PoolTimeout

pytestmark = pytest.mark.django_db


def _pool_timed_out(*args, **kwargs):
    try:
        raise PoolTimeout("couldn't get a connection after 10.00 sec")
    except PoolTimeout as exc:
        raise OperationalError(*exc.args) from exc  # as django.db.utils.DatabaseErrorWrapper


def _other_database_error(*args, **kwargs):
    raise OperationalError("server closed the connection unexpectedly")


def test_api_answers_503_json_when_the_pool_times_out(client, monkeypatch):
    from courses.api.views import courses as views

    monkeypatch.setattr(views, "course_list", _pool_timed_out)
    client.raise_request_exception = False
    response = client.get("/api/v1/courses/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.json()["error"]["code"] == "service_unavailable"
    assert "10.00 sec" not in response.content.decode()


def test_page_answers_503_html_when_the_pool_times_out(client, monkeypatch):
    from cms import views

    monkeypatch.setattr(views, "site_search", _pool_timed_out)
    client.raise_request_exception = False
    response = client.get("/search/?q=coaching")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Content-Type"].startswith("text/html")
    assert "busy right now" in response.content.decode()


def test_non_api_json_path_answers_503_json(rf):
    from core.views import server_error

    try:
        _pool_timed_out()
    except OperationalError:
        response = server_error(rf.get("/api/v1/anything/"))
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")


def test_other_database_errors_stay_500(client, monkeypatch):
    from courses.api.views import courses as views

    monkeypatch.setattr(views, "course_list", _other_database_error)
    client.raise_request_exception = False
    response = client.get("/api/v1/courses/")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "server_error"


def _wrapped(error: Exception) -> OperationalError:
    try:
        raise error
    except Exception as exc:
        try:
            raise OperationalError(*exc.args) from exc
        except OperationalError as wrapped:
            return wrapped


def test_postgresql_out_of_client_slots_is_busy_too():
    import psycopg

    from core.errors import database_busy

    full = psycopg.OperationalError(
        'connection failed: connection to server at "127.0.0.1", port 5432 failed: '
        "FATAL:  sorry, too many clients already"
    )
    assert database_busy(_wrapped(full))
    assert database_busy(_wrapped(PoolTimeout("couldn't get a connection after 10.00 sec")))
    assert not database_busy(_wrapped(psycopg.OperationalError("server closed the connection")))
    assert not database_busy(RuntimeError("bug"))
    assert not database_busy(None)
