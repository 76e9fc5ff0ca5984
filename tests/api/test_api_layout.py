"""Every app's API has one shape: ``api/urls.py``; ``api/views/``, a package of one module
per resource (``__init__`` re-exports the views); and the serializers several views share in
``api/serializers.py``. A view nests the serializers only it uses; no views module defines one
of its own at module level."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import get_resolver
from rest_framework import serializers
from rest_framework.views import APIView

APPS = ("accounts", "badges", "cohorts", "community", "courses", "practice")
ROOT = Path(settings.BASE_DIR)


def _views_modules(app: str):
    package = importlib.import_module(f"{app}.api.views")
    yield package
    for info in pkgutil.iter_modules(package.__path__):
        yield importlib.import_module(f"{package.__name__}.{info.name}")


@pytest.mark.parametrize("app", APPS)
def test_the_api_is_a_urls_module_and_a_views_package(app):
    api = ROOT / app / "api"
    assert (api / "urls.py").is_file()
    assert (api / "views" / "__init__.py").is_file()
    assert not (api / "views.py").exists()


@pytest.mark.parametrize("app", APPS)
def test_views_modules_define_no_serializer_of_their_own(app):
    own = [
        f"{module.__name__}.{name}"
        for module in _views_modules(app)
        for name, value in vars(module).items()
        if isinstance(value, type)
        and issubclass(value, serializers.BaseSerializer)
        and value.__module__ == module.__name__
    ]
    assert own == [], "shared serializers go in api/serializers.py; others nest in their view"


@pytest.mark.parametrize("app", APPS)
def test_every_view_of_the_app_is_in_a_resource_module(app):
    """Each API view the URLs route to lives in ``<app>.api.views.<resource>``."""
    routed = set()

    def walk(patterns):
        for entry in patterns:
            if hasattr(entry, "url_patterns"):
                walk(entry.url_patterns)
                continue
            view = getattr(entry.callback, "view_class", None)
            if view is not None and issubclass(view, APIView):
                routed.add(view)

    walk(get_resolver().url_patterns)
    ours = {view for view in routed if view.__module__.startswith(f"{app}.")}
    assert ours
    for view in ours:
        package, _, resource = view.__module__.rpartition(".")
        assert package == f"{app}.api.views" and not resource.startswith("_"), view
