"""Practice API under /api/v1/practice/."""

from django.urls import path

from . import views

urlpatterns = [
    path("practice/entries/", views.EntryListApi.as_view(), name="practice-entry-list"),
    path("practice/entries/<id:pk>/", views.EntryDetailApi.as_view(), name="practice-entry"),
    path(
        "practice/entries/<id:pk>/feedback-links/",
        views.EntryFeedbackLinkApi.as_view(),
        name="practice-entry-feedback-link",
    ),
    path(
        "practice/entries/<id:pk>/feedback/",
        views.EntryFeedbackApi.as_view(),
        name="practice-entry-feedback",
    ),
    path("practice/summary/", views.SummaryApi.as_view(), name="practice-summary"),
    path("practice/teams/", views.TeamAggregateListApi.as_view(), name="practice-team-list"),
    path("practice/teams/<id:pk>/", views.TeamAggregateApi.as_view(), name="practice-team"),
    path("practice/targets/<id:coach_id>/", views.TargetApi.as_view(), name="practice-target"),
    path("practice/feedback/", views.FeedbackSubmitApi.as_view(), name="practice-feedback"),
]
