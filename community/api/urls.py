"""Community API under /api/v1/community/."""

from django.urls import path

from . import views

urlpatterns = [
    path("community/spaces/", views.SpaceListApi.as_view(), name="community-space-list"),
    path(
        "community/spaces/<id:space_id>/threads/",
        views.ThreadListApi.as_view(),
        name="community-thread-list",
    ),
    path(
        "community/spaces/<id:space_id>/threads/<id:thread_id>/posts/",
        views.PostListApi.as_view(),
        name="community-post-list",
    ),
    path(
        "community/spaces/<id:space_id>/events/",
        views.SpaceEventListApi.as_view(),
        name="community-event-list",
    ),
    path(
        "community/threads/<id:thread_id>/",
        views.ThreadUpdateApi.as_view(),
        name="community-thread-update",
    ),
    path("community/posts/<id:post_id>/", views.PostDetailApi.as_view(), name="community-post"),
    path(
        "community/posts/<id:post_id>/reactions/",
        views.PostReactionToggleApi.as_view(),
        name="community-post-reactions",
    ),
    path(
        "community/posts/<id:post_id>/hide/",
        views.PostHideApi.as_view(),
        name="community-post-hide",
    ),
    path(
        "community/notifications/",
        views.NotificationListApi.as_view(),
        name="community-notification-list",
    ),
    path(
        "community/notifications/read/",
        views.NotificationReadApi.as_view(),
        name="community-notification-read",
    ),
    path(
        "community/notifications/settings/",
        views.NotificationSettingsApi.as_view(),
        name="community-notification-settings",
    ),
]
