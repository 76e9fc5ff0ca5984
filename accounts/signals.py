"""Signals of accounts, for the apps above it."""

from django.dispatch import Signal

# Sent inside the sign-up transaction with ``user``: what a receiver writes for the new account
# (cohorts redeems the invitations sent to its address) commits or rolls back with it. The one
# cross-app signal sent before the commit, on purpose; the others wait for it.
user_signed_up = Signal()
