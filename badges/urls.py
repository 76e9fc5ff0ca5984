"""Badge pages for people: my badges, the certification queue, public award and profile pages.
The Open Badges documents themselves are in ``badges.openbadges.urls``."""

from django.urls import path

from . import views

app_name = "badges"

urlpatterns = [
    path("", views.my_badges, name="mine"),
    path("sharing/", views.sharing_update, name="sharing"),
    path("awards/<uuid:entity_id>/", views.award_public, name="award"),
    path("awards/<uuid:entity_id>/evidence/", views.evidence_update, name="evidence"),
    path(
        "awards/<uuid:entity_id>/signature/",
        views.signature_preview,
        name="signature_preview",
    ),
    path("awards/<uuid:entity_id>/revoke/", views.award_revoke, name="revoke"),
    path("award/", views.award_create, name="award_create"),
    path("queue/", views.queue, name="queue"),
    path("queue/<id:pk>/approve/", views.queue_approve, name="approve"),
    path("queue/<id:pk>/changes/", views.queue_changes, name="changes"),
    path("people/<slug:slug>/", views.profile_public, name="profile"),
]
