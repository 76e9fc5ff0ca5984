"""Community API under /api/v1/community/: one small view per resource. Each parses input,
fetches every object through a selector that applies membership (a space, thread or post the
person cannot see is a 404, never a 403: existence is not revealed), calls one service, and
renders the same payloads the WebSocket sends (``community.events``, through the
serializers in ``community/api/serializers.py``). Services raise ``ApplicationError``;
``core.api.errors`` shapes it."""

from .notifications import (  # noqa: F401
    NotificationListApi,
    NotificationReadApi,
    NotificationSettingsApi,
)
from .posts import (  # noqa: F401
    PostDetailApi,
    PostHideApi,
    PostListApi,
    PostReactionToggleApi,
)
from .spaces import SpaceEventListApi, SpaceListApi  # noqa: F401
from .threads import ThreadListApi, ThreadUpdateApi  # noqa: F401
