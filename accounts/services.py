"""Every write to accounts goes through here."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.db import transaction

from cms.errors import ApplicationError

User = get_user_model()


def _username_from_email(email: str) -> str:
    base = re.sub(r"[^a-z0-9_.-]", "", email.split("@", 1)[0].lower())[:30] or "coach"
    candidate, n = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate


@transaction.atomic
def user_create(
    *,
    email: str,
    password: str | None,
    display_name: str = "",
    username: str | None = None,
    **profile: str,
) -> User:
    email = User.objects.normalize_email(email).strip()
    if User.objects.filter(email__iexact=email).exists():
        raise ApplicationError("An account with this email address already exists.", field="email")
    user = User(
        username=username or _username_from_email(email),
        email=email,
        display_name=display_name,
        **profile,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def profile_update(*, user: User, **fields: str) -> User:
    allowed = {"display_name", "district", "school", "role", "first_name", "last_name"}
    unknown = set(fields) - allowed
    if unknown:
        raise ApplicationError(f"Unknown profile fields: {', '.join(sorted(unknown))}.")
    for name, value in fields.items():
        setattr(user, name, value)
    user.full_clean(exclude=["password"])
    user.save(update_fields=list(fields))
    return user


@transaction.atomic
def user_grant_admin(*, user: User, superuser: bool = False) -> User:
    """Give a person access to the Wagtail admin (and everything, for a superuser)."""
    user.is_staff = True
    user.is_superuser = superuser
    user.save(update_fields=["is_staff", "is_superuser"])
    return user


@transaction.atomic
def user_signup(*, email: str, password: str, display_name: str = "", **profile: str) -> User:
    """Create an account from the sign-up form and honour any cohort or team invitations
    already sent to that email address."""
    from cohorts.services import invitations_redeem_for_user

    user = user_create(email=email, password=password, display_name=display_name, **profile)
    invitations_redeem_for_user(user=user)
    return user
