"""Cohorts API under /api/v1/."""

from django.urls import path

from . import views

urlpatterns = [
    path("cohorts/", views.CohortListApi.as_view(), name="cohort-list"),
    path("cohorts/<id:cohort_id>/", views.CohortDetailApi.as_view(), name="cohort-detail"),
    path("cohorts/<id:cohort_id>/enroll/", views.CohortEnrollApi.as_view(), name="cohort-enroll"),
    path("cohorts/<id:cohort_id>/drop/", views.CohortDropApi.as_view(), name="cohort-drop"),
    path("cohorts/<id:cohort_id>/roster/", views.CohortRosterApi.as_view(), name="cohort-roster"),
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
    path("teams/<id:team_id>/progress/", views.TeamProgressApi.as_view(), name="team-progress"),
    path(
        "teams/<id:team_id>/invitations/",
        views.TeamInvitationCreateApi.as_view(),
        name="team-invitation-create",
    ),
    path(
        "invitations/<str:token>/accept/",
        views.InvitationAcceptApi.as_view(),
        name="invitation-accept",
    ),
]
