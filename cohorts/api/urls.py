"""Cohorts API under /api/v1/."""

from django.urls import path

from . import views

urlpatterns = [
    path("cohorts/", views.CohortListApi.as_view(), name="cohort-list"),
    path("cohorts/<id:cohort_id>/", views.CohortDetailApi.as_view(), name="cohort-detail"),
    path("cohorts/<id:cohort_id>/enroll/", views.CohortEnrollApi.as_view(), name="cohort-enroll"),
    path("cohorts/<id:cohort_id>/drop/", views.CohortDropApi.as_view(), name="cohort-drop"),
    path("cohorts/<id:cohort_id>/roster/", views.CohortRosterApi.as_view(), name="cohort-roster"),
    path(
        "cohorts/<id:cohort_id>/enrollments/",
        views.CohortEnrollmentsApi.as_view(),
        name="cohort-enrollments",
    ),
    path(
        "cohorts/<id:cohort_id>/announcements/",
        views.CohortAnnouncementsApi.as_view(),
        name="cohort-announcements",
    ),
    path(
        "cohorts/<id:cohort_id>/live-sessions/",
        views.CohortLiveSessionsApi.as_view(),
        name="cohort-live-sessions",
    ),
    path(
        "cohorts/<id:cohort_id>/live-sessions/<id:session_id>/",
        views.CohortLiveSessionApi.as_view(),
        name="cohort-live-session",
    ),
    path(
        "cohorts/<id:cohort_id>/schedule/<page_id:module_id>/",
        views.ModuleScheduleApi.as_view(),
        name="cohort-module-schedule",
    ),
    path("me/enrollments/", views.MyEnrollmentsApi.as_view(), name="my-enrollments"),
    path(
        "lessons/<page_id:lesson_id>/completion/",
        views.LessonCompletionApi.as_view(),
        name="lesson-completion",
    ),
    path(
        "lessons/<page_id:lesson_id>/reflections/",
        views.LessonReflectionsApi.as_view(),
        name="lesson-reflections",
    ),
    path(
        "reflections/<id:reflection_id>/feedback/",
        views.ReflectionFeedbackApi.as_view(),
        name="reflection-feedback",
    ),
    path("teams/", views.TeamListApi.as_view(), name="team-list"),
    path("teams/join/<str:token>/", views.TeamJoinApi.as_view(), name="team-join"),
    path("teams/<id:team_id>/", views.TeamSeatsApi.as_view(), name="team-seats"),
    path("teams/<id:team_id>/progress/", views.TeamProgressApi.as_view(), name="team-progress"),
    path(
        "teams/<id:team_id>/invitations/",
        views.TeamInvitationCreateApi.as_view(),
        name="team-invitation-create",
    ),
    path(
        "teams/<id:team_id>/seat-requests/",
        views.TeamSeatRequestsApi.as_view(),
        name="team-seat-requests",
    ),
    path("seat-requests/", views.SeatRequestListApi.as_view(), name="seat-request-list"),
    path(
        "seat-requests/<id:request_id>/grant/",
        views.SeatRequestGrantApi.as_view(),
        name="seat-request-grant",
    ),
    path(
        "seat-requests/<id:request_id>/decline/",
        views.SeatRequestDeclineApi.as_view(),
        name="seat-request-decline",
    ),
    path(
        "invitations/<str:token>/accept/",
        views.InvitationAcceptApi.as_view(),
        name="invitation-accept",
    ),
]
