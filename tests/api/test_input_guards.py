"""Guards that keep hostile input out for good: they walk the real URL resolver, every API
view's request and query serializers (as drf-spectacular sees them), and every Django form of
the project, and fail when a new pattern, field or form forgets a bound or strictness."""

from __future__ import annotations

import importlib
import inspect

import pytest
from django import forms
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter
from drf_spectacular.generators import SchemaGenerator
from rest_framework import serializers

from core.api import fields

PROJECT_APPS = ("accounts", "badges", "cms", "cohorts", "community", "core", "courses", "practice")


def _is_ours(module: str) -> bool:
    return module.split(".")[0] in PROJECT_APPS


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def _converters(pattern) -> dict:
    return getattr(pattern.pattern, "converters", {})


def test_no_project_url_uses_the_unbounded_int_converter():
    from community.routing import websocket_urlpatterns

    offenders = []
    checked = 0
    for route, entry in [*_walk(get_resolver().url_patterns), *_walk(websocket_urlpatterns)]:
        callback = getattr(entry.callback, "view_class", None) or entry.callback
        module = getattr(callback, "__module__", "") or ""
        snippet_of_ours = route.startswith("admin/snippets/") and _is_ours(route.split("/")[2])
        if not (_is_ours(module) or snippet_of_ours):
            continue  # Wagtail's own admin (pages, images…) and Django's own views
        checked += 1
        if any(isinstance(c, IntConverter) for c in _converters(entry).values()):
            offenders.append(route)
    assert checked > 50  # the walk really reached our patterns
    assert not offenders, f"use <id:…> or <page_id:…> (core/converters.py): {offenders}"


def test_the_bounded_converters_refuse_out_of_range_values():
    from django.urls import resolve

    assert resolve("/api/v1/cohorts/9223372036854775807/").kwargs == {
        "cohort_id": 9223372036854775807
    }
    assert resolve("/api/v1/cohorts/9223372036854775808/").url_name == "api-not-found"
    assert resolve("/api/v1/courses/2147483647/").kwargs == {"course_id": 2147483647}
    assert resolve("/api/v1/courses/2147483648/").url_name == "api-not-found"
    assert resolve("/api/v1/cohorts/0/").url_name == "api-not-found"
    assert resolve("/practice/entries/99999999999999999999/").url_name != "entry"
    assert resolve("/admin/snippets/cohorts/cohort/edit/1/").url_name == "edit"
    huge = resolve("/admin/snippets/cohorts/cohort/edit/99999999999999999999/")
    assert huge.url_name != "edit"  # falls through to Wagtail's page serving: a 404


# --- every request and query serializer of the API --------------------------------------------


def _api_input_serializers():
    generator = SchemaGenerator()
    generator._initialise_endpoints()
    found = {}
    for path, _regex, method, callback in generator.endpoints:
        view = generator.create_view(callback, method)
        schema = view.schema
        schema.method, schema.path, schema.path_regex = method, path, _regex
        candidates = []
        if method in ("POST", "PUT", "PATCH", "DELETE"):
            candidates.append(schema.get_request_serializer())
        candidates.extend(schema.get_override_parameters())
        for candidate in candidates:
            if candidate is None:
                continue
            if isinstance(candidate, type) and issubclass(candidate, serializers.BaseSerializer):
                candidate = candidate()
            if isinstance(candidate, serializers.BaseSerializer):
                found[f"{method} {path} {type(candidate).__qualname__}"] = candidate
    return found


def _fields_of(serializer, prefix=""):
    if isinstance(serializer, serializers.ListSerializer):
        serializer = serializer.child
    for name, field in serializer.fields.items():
        if field.read_only:
            continue
        yield prefix + name, field
        if isinstance(field, serializers.BaseSerializer):
            yield from _fields_of(field, prefix + name + ".")
        elif isinstance(field, serializers.ListField):
            yield prefix + name + "[]", field.child


def _problem(field) -> str | None:
    if isinstance(field, serializers.ListField):
        if not isinstance(field, fields.ListField) or field.max_length is None:
            return "a list needs core.api.fields.ListField with max_length"
    elif isinstance(field, serializers.ChoiceField):
        if not isinstance(field, fields.StrictStringMixin):
            return "use core.api.fields.ChoiceField (strict: 1 is not '1')"
    elif isinstance(field, serializers.CharField):  # EmailField, URLField, SlugField…
        if not isinstance(field, fields.StrictStringMixin):
            return "use core.api.fields.CharField/EmailField (strict: no str() coercion)"
        if field.max_length is None:
            return "needs max_length"
    elif isinstance(field, serializers.IntegerField):
        if not isinstance(field, fields.IntegerField) or field.max_value is None:
            return "use core.api.fields.IntegerField/IdField/PageIdField (bounded, strict)"
    elif isinstance(field, (serializers.DictField, serializers.JSONField)):
        return "free-form JSON input has no bound: give it a serializer"
    return None


def test_every_api_input_field_is_bounded_and_strict():
    inputs = _api_input_serializers()
    assert len(inputs) > 15  # the walk really reached the request and filter serializers
    offenders = [
        f"{where}: {name} ({type(field).__name__}) {problem}"
        for where, serializer in inputs.items()
        for name, field in _fields_of(serializer)
        if (problem := _problem(field))
    ]
    assert not offenders, "\n".join(offenders)


def test_the_guard_catches_an_unbounded_or_lenient_field():
    class Loose(serializers.Serializer):
        name = serializers.CharField()
        tags = serializers.ListField(child=fields.CharField(max_length=5))
        lesson = serializers.IntegerField()

    class Tight(serializers.Serializer):
        name = fields.CharField(max_length=5)
        tags = fields.ListField(child=fields.CharField(max_length=5), max_length=3)
        lesson = fields.PageIdField()

    loose = dict(_fields_of(Loose()))
    assert all(_problem(loose[name]) for name in ("name", "tags", "lesson"))
    assert not any(_problem(field) for _name, field in _fields_of(Tight()))


@pytest.mark.parametrize("value", [1, 1.5, True, ["a"], {"a": 1}])
def test_strict_string_fields_refuse_other_json_types(value):
    for field in (
        fields.CharField(max_length=10),
        fields.EmailField(),
        fields.ChoiceField(choices=["1", "a"]),
    ):
        with pytest.raises(serializers.ValidationError):
            field.run_validation(value)


@pytest.mark.parametrize("value", [True, False, 1.5, 1.0, "1.5", "x", "", [1], 2**63, "0", 0])
def test_id_fields_refuse_non_ids(value):
    with pytest.raises(serializers.ValidationError):
        fields.IdField().run_validation(value)


def test_id_fields_take_ids_from_json_and_from_query_strings():
    assert fields.IdField().run_validation(2**63 - 1) == 2**63 - 1
    assert fields.IdField().run_validation("42") == 42
    with pytest.raises(serializers.ValidationError):
        fields.PageIdField().run_validation(2**31)


def test_text_fields_cannot_be_declared_without_a_limit():
    with pytest.raises(TypeError):
        fields.CharField()
    with pytest.raises(TypeError):
        fields.ListField(child=fields.CharField(max_length=3))


# --- every Django form of the project ---------------------------------------------------------


def _project_forms():
    for app in PROJECT_APPS:
        for module_name in (f"{app}.forms", f"{app}.admin_forms"):
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError:
                continue
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, forms.BaseForm) and _is_ours(cls.__module__):
                    yield cls


def test_every_text_field_of_our_forms_has_max_length():
    found = list(_project_forms())
    assert len(found) > 10
    offenders = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in found
        for name, field in form.base_fields.items()
        if isinstance(field, forms.CharField)
        and not isinstance(field, forms.ChoiceField)
        and field.max_length is None
        and not field.disabled
    ]
    assert not offenders, offenders
