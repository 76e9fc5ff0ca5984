from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
    path("", views.index, name="index"),
    path("notifications/", views.notifications_page, name="notifications"),
    path("spaces/<int:space_id>/", views.space_detail, name="space"),
    path("spaces/<int:space_id>/threads/new/", views.thread_new, name="thread_new"),
    path("spaces/<int:space_id>/threads/<int:thread_id>/", views.thread_detail, name="thread"),
    path("spaces/<int:space_id>/threads/<int:thread_id>/reply/", views.reply, name="reply"),
    path(
        "spaces/<int:space_id>/threads/<int:thread_id>/<str:action>/",
        views.thread_action,
        name="thread_action",
    ),
    path("posts/<int:post_id>/<str:action>/", views.post_action, name="post_action"),
]
