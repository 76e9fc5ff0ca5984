"""Practice API under /api/v1/practice/: small ``APIView``s, one module per resource.

A coach reaches only their own entries (anyone else's id is a 404, never a 403: existence is
not revealed). Team aggregates answer only for teams the person leads (404 otherwise). The
public feedback submission takes the token only (no login, no session, so no CSRF to forge)
and is rate-limited per client IP by the service. Errors use the one JSON shape.
"""

from .entries import (  # noqa: F401
    EntryDetailApi,
    EntryFeedbackApi,
    EntryFeedbackLinkApi,
    EntryListApi,
)
from .feedback import FeedbackSubmitApi  # noqa: F401
from .summary import SummaryApi  # noqa: F401
from .targets import TargetApi  # noqa: F401
from .teams import TeamAggregateApi, TeamAggregateListApi  # noqa: F401
