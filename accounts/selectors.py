"""Reads of accounts."""

from __future__ import annotations

from django.contrib.auth import get_user_model


def user_by_login(*, login: str):
    """The account a login name points at: an email address (with an ``@``) or a username,
    either case-insensitive; ``None`` when there is none."""
    User = get_user_model()
    login = (login or "").strip()
    if not login:
        return None
    field = "email__iexact" if "@" in login else "username__iexact"
    return User._default_manager.filter(**{field: login}).order_by("pk").first()


def email_has_account(*, email: str) -> bool:
    return get_user_model()._default_manager.filter(email__iexact=(email or "").strip()).exists()
