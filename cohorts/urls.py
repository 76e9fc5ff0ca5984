from django.urls import path

from . import views

app_name = "cohorts"

urlpatterns = [
    path("learn/", views.my_learning, name="my_learning"),
    path("learn/enrollments/<id:pk>/reset/", views.reset_schedule, name="reset_schedule"),
    path("learn/lessons/<page_id:pk>/complete/", views.lesson_complete, name="lesson_complete"),
    path(
        "learn/lessons/<page_id:pk>/reflections/<str:block_id>/",
        views.reflection_save,
        name="reflection_save",
    ),
    path("cohorts/", views.cohort_catalog, name="catalog"),
    path("cohorts/<id:pk>/", views.cohort_detail, name="detail"),
    path("cohorts/seat-requests/", views.seat_requests, name="seat_requests"),
    path("cohorts/<id:pk>/enroll/", views.cohort_enroll, name="enroll"),
    path("cohorts/<id:pk>/leave/", views.cohort_leave, name="leave"),
    path("cohorts/<id:pk>/dashboard/", views.dashboard, name="dashboard"),
    path("cohorts/<id:pk>/dashboard/progress.csv", views.dashboard_csv, name="dashboard_csv"),
    path("cohorts/<id:pk>/dashboard/announce/", views.dashboard_announce, name="announce"),
    path("cohorts/<id:pk>/dashboard/enroll-csv/", views.dashboard_enroll_csv, name="enroll_csv"),
    path("cohorts/<id:pk>/dashboard/add/", views.dashboard_add, name="add_learner"),
    path(
        "cohorts/<id:pk>/dashboard/learners/<id:enrollment_pk>/remove/",
        views.dashboard_remove,
        name="remove_learner",
    ),
    path(
        "cohorts/<id:pk>/dashboard/learners/<id:enrollment_pk>/move/",
        views.dashboard_move,
        name="move_learner",
    ),
    path(
        "cohorts/<id:pk>/dashboard/seat-requests/<id:request_pk>/grant/",
        views.seat_request_grant,
        name="seat_request_grant",
    ),
    path(
        "cohorts/<id:pk>/dashboard/seat-requests/<id:request_pk>/decline/",
        views.seat_request_decline,
        name="seat_request_decline",
    ),
    path("cohorts/<id:pk>/reflections/", views.reflections_review, name="reflections"),
    path(
        "cohorts/<id:pk>/reflections/<id:reflection_pk>/feedback/",
        views.reflection_feedback,
        name="reflection_feedback",
    ),
    path("cohorts/invitations/<str:token>/", views.invitation, name="invitation"),
    path("teams/<id:pk>/", views.team_dashboard, name="team"),
    path("teams/<id:pk>/invite/", views.team_invite, name="team_invite"),
    path("teams/<id:pk>/seats/", views.team_seat_request, name="team_seat_request"),
    path("teams/join/<str:token>/", views.team_join, name="team_join"),
    path("learn/calendar/", views.calendar_page, name="calendar"),
    path("learn/calendar/new-link/", views.calendar_rotate, name="calendar_rotate"),
    path("learn/calendar/<slug:token>.ics", views.calendar_feed, name="calendar_feed"),
    path(
        "cohorts/<id:pk>/calendar/<slug:token>.ics",
        views.cohort_calendar_feed,
        name="cohort_calendar_feed",
    ),
]
