"""Public Open Badges documents, outside /api/v1/ (stable URLs that verifiers fetch).

URL names (namespace ``openbadges``) that the rest of the app relies on:
issuer, badge-class, badge-class-image, assertion, assertion-png, assertion-svg, credential,
status-list, did-document.
"""

from django.urls import path, re_path

from . import views

app_name = "openbadges"

urlpatterns = [
    path("ob/issuers/<uuid:entity_id>", views.issuer, name="issuer"),
    path("ob/badges/<uuid:entity_id>", views.badge_class, name="badge-class"),
    path("ob/badges/<uuid:entity_id>/image", views.badge_class_image, name="badge-class-image"),
    path("ob/assertions/<uuid:entity_id>", views.assertion, name="assertion"),
    path("ob/assertions/<uuid:entity_id>/baked.png", views.assertion_png, name="assertion-png"),
    path("ob/assertions/<uuid:entity_id>/baked.svg", views.assertion_svg, name="assertion-svg"),
    path("ob/credentials/<uuid:entity_id>", views.credential, name="credential"),
    path("ob/status/revocation/<index:number>", views.status_list, name="status-list"),
    path(".well-known/did.json", views.did_document, name="did-document"),
    # Malformed ids and unknown sub-paths: the same JSON 404, not the HTML page.
    re_path(r"^ob/", views.not_found),
]
