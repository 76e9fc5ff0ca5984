from django.urls import path

from . import views

app_name = "practice"

urlpatterns = [
    path("", views.my_log, name="log"),
    path("entries/<id:pk>/", views.entry_detail, name="entry"),
    path("entries/<id:pk>/delete/", views.entry_delete, name="entry_delete"),
    path("entries/<id:pk>/feedback-link/", views.feedback_link_new, name="feedback_link"),
    path("f/<str:token>/", views.feedback, name="feedback"),
    path("teams/", views.team_list, name="teams"),
    path("teams/aggregates.csv", views.aggregates_csv, name="teams_csv"),
    path("teams/<id:pk>/", views.team_detail, name="team"),
    path("teams/<id:pk>/targets/", views.team_target, name="team_target"),
    path("teams/<id:pk>/aggregates.csv", views.aggregates_csv, name="team_csv"),
]
