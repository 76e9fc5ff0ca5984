from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
    path("", views.index, name="index"),
    path("notifications/", views.notifications_page, name="notifications"),
    path("spaces/<id:space_id>/", views.space_detail, name="space"),
    path("spaces/<id:space_id>/threads/new/", views.thread_new, name="thread_new"),
    path("spaces/<id:space_id>/threads/<id:thread_id>/", views.thread_detail, name="thread"),
    path("spaces/<id:space_id>/threads/<id:thread_id>/reply/", views.reply, name="reply"),
    path(
        "spaces/<id:space_id>/threads/<id:thread_id>/<str:action>/",
        views.thread_action,
        name="thread_action",
    ),
    path("posts/<id:post_id>/<str:action>/", views.post_action, name="post_action"),
]
