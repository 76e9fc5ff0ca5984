"""Everything under /api/v1/. Each app contributes its own ``api/urls.py``."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

app_name = "api"

urlpatterns = [
    path("", include("accounts.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file: no inline script (CSP).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("", include("courses.api.urls")),
    path("", include("cohorts.api.urls")),
    path("", include("community.api.urls")),
    path("", include("practice.api.urls")),
    path("", include("badges.api.urls")),
]
