"""Every write of the practice app, one function each (``<entity>_<verb>``)."""

from .entries import (
    coach_today,
    normalize_tags,
    practice_entry_create,
    practice_entry_delete,
    practice_entry_update,
)
from .feedback import (
    FEEDBACK_LINK_DAYS,
    feedback_link_create,
    feedback_link_status,
    feedback_submit,
    hash_token,
)
from .targets import practice_target_set

__all__ = [
    "FEEDBACK_LINK_DAYS",
    "coach_today",
    "feedback_link_create",
    "feedback_link_status",
    "feedback_submit",
    "hash_token",
    "normalize_tags",
    "practice_entry_create",
    "practice_entry_delete",
    "practice_entry_update",
    "practice_target_set",
]
