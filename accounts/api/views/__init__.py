"""Accounts API: signing in for a token."""

from .tokens import TokenObtainApi  # noqa: F401
