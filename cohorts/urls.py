from django.urls import include, path

from . import views

app_name = "cohorts"

urlpatterns = [
    path("learn/", views.my_learning, name="my_learning"),
    path("learn/enrollments/<int:pk>/reset/", views.reset_schedule, name="reset_schedule"),
    path("learn/lessons/<int:pk>/complete/", views.lesson_complete, name="lesson_complete"),
    path(
        "learn/lessons/<int:pk>/reflections/<str:block_id>/",
        views.reflection_save,
        name="reflection_save",
    ),
    path("cohorts/", views.cohort_catalog, name="catalog"),
    path("cohorts/<int:pk>/", views.cohort_detail, name="detail"),
    path("cohorts/<int:pk>/enroll/", views.cohort_enroll, name="enroll"),
    path("cohorts/<int:pk>/leave/", views.cohort_leave, name="leave"),
    path("cohorts/<int:pk>/dashboard/", views.dashboard, name="dashboard"),
    path("cohorts/<int:pk>/dashboard/progress.csv", views.dashboard_csv, name="dashboard_csv"),
    path("cohorts/<int:pk>/dashboard/announce/", views.dashboard_announce, name="announce"),
    path("cohorts/<int:pk>/dashboard/enroll-csv/", views.dashboard_enroll_csv, name="enroll_csv"),
    path("cohorts/<int:pk>/dashboard/add/", views.dashboard_add, name="add_learner"),
    path(
        "cohorts/<int:pk>/dashboard/learners/<int:enrollment_pk>/remove/",
        views.dashboard_remove,
        name="remove_learner",
    ),
    path(
        "cohorts/<int:pk>/dashboard/learners/<int:enrollment_pk>/move/",
        views.dashboard_move,
        name="move_learner",
    ),
    path("cohorts/<int:pk>/reflections/", views.reflections_review, name="reflections"),
    path(
        "cohorts/<int:pk>/reflections/<int:reflection_pk>/feedback/",
        views.reflection_feedback,
        name="reflection_feedback",
    ),
    path("cohorts/invitations/<str:token>/", views.invitation, name="invitation"),
    path("teams/<int:pk>/", views.team_dashboard, name="team"),
    path("teams/<int:pk>/invite/", views.team_invite, name="team_invite"),
    path("teams/join/<str:token>/", views.team_join, name="team_join"),
    path("", include("cohorts.urls_calendar")),
]
