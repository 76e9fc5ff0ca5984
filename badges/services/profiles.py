"""An earner's sharing choices. Nothing about a person is public until they opt in."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from ..models import EarnerProfile


def _free_slug(user) -> str:
    base = (slugify(user.username) or "earner")[:60]
    slug, number = base, 1
    while EarnerProfile.objects.filter(slug=slug).exclude(user=user).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def earner_profile_update(*, user, public_profile: bool, show_name: bool) -> EarnerProfile:
    """Create or change the person's sharing choices; the profile's address comes from their
    username and never changes afterwards."""
    profile = EarnerProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        try:
            with transaction.atomic():
                profile = EarnerProfile.objects.create(
                    user=user,
                    slug=_free_slug(user),
                    public_profile=public_profile,
                    show_name=show_name,
                )
                return profile
        except IntegrityError:  # created by a concurrent request
            profile = EarnerProfile.objects.get(user=user)
    profile.public_profile = bool(public_profile)
    profile.show_name = bool(show_name)
    profile.save(update_fields=["public_profile", "show_name", "updated_at"])
    return profile
