"""Badges API: one small view per action, one module per resource. Objects come through
selectors that apply who may act (404 otherwise); services raise ``ApplicationError``;
``core.api.errors`` shapes it. The public Open Badges documents are not here: they live
outside /api/v1/ (badges.openbadges)."""

from .awards import AwardCreateApi, AwardRevokeApi, MyAwardListApi  # noqa: F401
from .classes import BadgeClassListApi  # noqa: F401
from .queue import QueueApproveApi, QueueListApi, QueueRequestChangesApi  # noqa: F401
