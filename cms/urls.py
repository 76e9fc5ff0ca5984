from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views
from cms.api import views as api_views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", views.search, name="search"),
    path("accounts/", include("accounts.urls")),
    path("", include("cohorts.urls")),
    path("community/", include("community.urls")),
    path("practice/", include("practice.urls")),
    path("badges/", include("badges.urls")),
    path("", include("badges.openbadges.urls")),
    path("api/v1/", include("cms.api.urls")),
    # Anything else under /api/ (nested unknown paths, malformed ids): the JSON 404.
    re_path(r"^api(?:/|$)", api_views.not_found, name="api-not-found"),
]

if settings.SERVE_MEDIA:
    # Uploaded images and documents, for installs with no proxy serving MEDIA_ROOT itself.
    from django.views.static import serve

    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
