"""Badges API under /api/v1/badges/."""

from django.urls import path

from . import views

urlpatterns = [
    path("badges/classes/", views.BadgeClassListApi.as_view(), name="badge-class-list"),
    path("badges/awards/", views.AwardCreateApi.as_view(), name="badge-award-create"),
    path("badges/awards/mine/", views.MyAwardListApi.as_view(), name="badge-award-mine"),
    path(
        "badges/awards/<uuid:award_id>/revoke/",
        views.AwardRevokeApi.as_view(),
        name="badge-award-revoke",
    ),
    path("badges/queue/", views.QueueListApi.as_view(), name="badge-queue"),
    path(
        "badges/queue/<id:request_id>/approve/",
        views.QueueApproveApi.as_view(),
        name="badge-queue-approve",
    ),
    path(
        "badges/queue/<id:request_id>/request-changes/",
        views.QueueRequestChangesApi.as_view(),
        name="badge-queue-request-changes",
    ),
]
