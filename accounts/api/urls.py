"""Accounts API under /api/v1/auth/."""

from django.urls import path

from . import views

urlpatterns = [
    path("auth/token/", views.TokenObtainApi.as_view(), name="auth-token"),
]
