"""Every write to accounts goes through here."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from core.errors import ApplicationError
from core.time_zones import is_time_zone

from . import signals

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
    password_hash: str | None = None,
    **profile: str,
) -> User:
    """A new account. ``password_hash`` is an already hashed password (``make_password``), for
    callers that give many accounts one password and hash it once (the demo)."""
    email = User.objects.normalize_email(email).strip()
    if User.objects.filter(email__iexact=email).exists():
        raise ApplicationError("An account with this email address already exists.", field="email")
    user = User(
        username=username or _username_from_email(email),
        email=email,
        display_name=display_name,
        **profile,
    )
    if password_hash:
        user.password = password_hash
    elif password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def profile_update(*, user: User, **fields: str) -> User:
    allowed = {
        "display_name",
        "district",
        "school",
        "role",
        "first_name",
        "last_name",
        "time_zone",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise ApplicationError(f"Unknown profile fields: {', '.join(sorted(unknown))}.")
    for name, value in fields.items():
        setattr(user, name, value)
    user.full_clean(exclude=["password"])
    user.save(update_fields=list(fields))
    user.__dict__.pop("_time_zone_with_source", None)  # accounts.selectors caches the zone
    return user


@transaction.atomic
def user_time_zone_fill(*, user: User, time_zone: str) -> bool:
    """Record the zone a person's browser reported, when their profile has none yet (at
    sign-up or first login); a zone they chose is never overwritten. True when recorded."""
    if user.time_zone or not is_time_zone(time_zone):
        return False
    updated = User.objects.filter(pk=user.pk, time_zone="").update(time_zone=time_zone)
    if updated:
        user.time_zone = time_zone
        user.__dict__.pop("_time_zone_with_source", None)
    return bool(updated)


@transaction.atomic
def user_grant_admin(*, user: User, superuser: bool = False) -> User:
    """Give a person access to the Wagtail admin (and everything, for a superuser)."""
    user.is_staff = True
    user.is_superuser = superuser
    user.save(update_fields=["is_staff", "is_superuser"])
    return user


@transaction.atomic
def user_signup(*, email: str, password: str, display_name: str = "", **profile: str) -> User:
    """Create an account from the sign-up form; ``user_signed_up`` lets the apps above honour
    what is waiting for the address (cohorts: its cohort and team invitations)."""
    user = user_create(email=email, password=password, display_name=display_name, **profile)
    signals.user_signed_up.send(sender=User, user=user)
    return user


# Sign-up by email link. The sign-up form never says whether an address has an account: both
# cases answer "check your email". A new address gets a signed link (its details inside, no
# password, nothing stored) to choose a password and create the account; the owner of an
# existing account gets a notice with links to log in or reset the password. Whoever chooses
# the password therefore controls the inbox, so nobody can pre-register someone else's address.

SIGNUP_SALT = "accounts.signup"
SIGNUP_MAX_AGE = timedelta(days=3)
SIGNUP_PROFILE_FIELDS = ("display_name", "district", "school", "role", "time_zone")


@dataclass(frozen=True)
class SignupRequest:
    """What a sign-up link carries: the address and the profile typed on the form."""

    email: str
    display_name: str = ""
    district: str = ""
    school: str = ""
    role: str = ""
    time_zone: str = ""  # the browser's, filled by accounts/time_zone.js
    next_url: str = "/"

    @property
    def profile(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in SIGNUP_PROFILE_FIELDS if getattr(self, name)}


def _send(template: str, *, to: str, context: dict) -> None:
    subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"accounts/email/{template}.txt", context)
    EmailMessage(subject, body, to=[to]).send()


def signup_request(*, base_url: str, email: str, next_url: str = "/", **profile: str) -> None:
    """Email the address either a link to finish signing up or, when it already has an
    account, a notice to its owner. The caller answers the same either way."""
    unknown = set(profile) - set(SIGNUP_PROFILE_FIELDS)
    if unknown:
        raise ApplicationError(f"Unknown profile fields: {', '.join(sorted(unknown))}.")
    email = User.objects.normalize_email(email).strip()
    owner = User.objects.filter(email__iexact=email).order_by("pk").first()
    if owner is not None:
        _send(
            "signup_exists",
            to=owner.email,
            context={
                "user": owner,
                "login_url": base_url + reverse("accounts:login"),
                "reset_url": base_url + reverse("accounts:password_reset"),
            },
        )
        return
    request = SignupRequest(email=email, next_url=next_url, **profile)
    token = signing.dumps(asdict(request), salt=SIGNUP_SALT, compress=True)
    _send(
        "signup_confirm",
        to=email,
        context={
            "request": request,
            "url": base_url + reverse("accounts:signup_confirm", args=[token]),
            "days": SIGNUP_MAX_AGE.days,
        },
    )


def signup_request_read(*, token: str) -> SignupRequest:
    """The sign-up a link stands for, or an error when it was altered or is too old."""
    try:
        data = signing.loads(token, salt=SIGNUP_SALT, max_age=SIGNUP_MAX_AGE)
        return SignupRequest(**data)
    except (signing.BadSignature, TypeError) as error:
        raise ApplicationError(
            "This link no longer works.", code="invalid_link", status=404
        ) from error


def signup_complete(*, token: str, password: str) -> User:
    """Create the account a sign-up link stands for, with the password chosen on its page."""
    request = signup_request_read(token=token)
    return user_signup(email=request.email, password=password, **request.profile)
