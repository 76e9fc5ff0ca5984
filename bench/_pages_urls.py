"""Praxis's URLs and ``/__trivial__``: a sync view that returns "ok", the baseline of
bench/pages.py (the same server, middleware and worker as the pages measured)."""

from django.http import HttpResponse
from django.urls import path

from cms.urls import handler404, handler500  # noqa: F401
from cms.urls import urlpatterns as praxis


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("__trivial__", trivial), *praxis]
