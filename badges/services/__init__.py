"""Every write in the badges app, one function each, re-exported here by subject."""

from .awards import Awarded, award_evidence_publish, badge_award, badge_revoke  # noqa: F401
from .issuers import issuer_create, issuer_keys_ensure, issuer_url_set  # noqa: F401
from .profiles import earner_profile_update  # noqa: F401
from .requests import (  # noqa: F401
    certification_approve,
    certification_request_changes,
    certification_request_open,
)
from .rules import badge_rules_evaluate, badges_renew_expired  # noqa: F401
