"""Receivers the cohorts app connects in ``CohortsConfig.ready``."""

from __future__ import annotations

from django.contrib import messages
from django.urls import reverse

from .selectors import invitations_waiting_for_seat
from .services import invitations_redeem_for_user


def on_user_logged_in(sender, request, user, **kwargs) -> None:
    """Someone who signed up (or logs in) with a team invitation that has no seat yet is told
    why they are not enrolled and what happens next, on the first page they see."""
    if request is None or not hasattr(request, "_messages"):
        return
    for invitation in invitations_waiting_for_seat(user=user):
        team = invitation.team
        if invitation.team_free:
            messages.info(
                request,
                f"A seat in {team.name} is free for your invitation to {invitation.cohort.title}: "
                f"accept it on My learning ({reverse('cohorts:my_learning')}).",
            )
        else:
            messages.warning(
                request,
                f"You're not enrolled in {invitation.cohort.title} yet: all {team.seats} seats of "
                f"{team.name} are taken. Your team lead sees that you're waiting and can ask "
                "for more seats; you'll be enrolled and emailed as soon as a seat is granted.",
            )


def on_user_signed_up(sender, user, **kwargs) -> None:
    """A new account gets the cohorts and teams its address was invited to, in the sign-up's
    transaction."""
    invitations_redeem_for_user(user=user)
