"""Signals the practice app sends. Receivers (the badges app) re-evaluate awards.

``practice_changed(sender=PracticeEntry, user=<the coach>)`` is sent after the transaction
that created, updated or deleted one of that coach's entries has committed
(``transaction.on_commit``), never for a rolled-back write.
"""

from __future__ import annotations

import django.dispatch
from django.db import transaction

from .models import PracticeEntry

practice_changed = django.dispatch.Signal()


def send_practice_changed(*, user) -> None:
    transaction.on_commit(lambda: practice_changed.send(sender=PracticeEntry, user=user))
