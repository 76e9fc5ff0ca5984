"""The OpenAPI schema of our API (/api/v1/ only, not Wagtail's internal admin API).

``AutoSchema`` makes the schema say what the server does, from the same classes the views run:

- pages: a view that pages declares ``pagination_class`` (``PagedListMixin``); its GET is
  described with that paginator's envelope and its ``page``/``page_size`` parameters;
- errors: every operation lists the 4xx answers it can give, all with the one ``Error``
  component (``core.api.errors``): 400 when it takes input (a body or query parameters) or
  changes something (services refuse with ``ApplicationError``), 401 when it authenticates,
  403 when it writes (a session without its CSRF token) or needs more than being signed in,
  404 when its path names an object or it pages, 413 and 415 when it takes a body, 429 when
  it is throttled. Answers that only the view or a service knows it gives (a 403 on a read, a 404
  for an id in the body, 409, 410, a service's own 429) are declared with ``errors(...)`` in
  the view's ``extend_schema(responses=...)``;
- limits: input limits come from the serializer fields the views validate with.
"""

from __future__ import annotations

from drf_spectacular import openapi
from drf_spectacular.utils import OpenApiResponse
from rest_framework.permissions import (
    SAFE_METHODS,
    AllowAny,
    IsAuthenticated,
    IsAuthenticatedOrReadOnly,
)

from .errors import ErrorSerializer

ERROR_DESCRIPTIONS = {
    400: "Invalid input (``fields`` says which), or a rule refused the request.",
    401: "No credentials, or credentials that are not valid.",
    403: "Not allowed for you.",
    404: "No such object among those you may see, or no such page.",
    409: "Conflicts with the object's current state.",
    410: "Gone: used, expired or revoked.",
    413: "The body is larger than the server reads.",
    415: "The body's media type is not one this operation reads.",
    429: "Too many requests: wait and try again.",
}

PAGINATION_PARAMETERS = {"page", "page_size"}
SIGNED_IN_IS_ENOUGH = (AllowAny, IsAuthenticated, IsAuthenticatedOrReadOnly)


def errors(*statuses: int) -> dict[int, OpenApiResponse]:
    """Error answers for ``extend_schema(responses={..., **errors(410, 429)})``."""
    return {status: error_response(status) for status in statuses}


def error_response(status: int) -> OpenApiResponse:
    return OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[status])


def only_public_api(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class AutoSchema(openapi.AutoSchema):
    def _get_pagination_parameters(self):
        # A paged GET whose envelope is its own serializer (not a list) still takes the
        # paginator's parameters.
        if self.method == "GET" and self._get_paginator() and not self._is_list_view():
            return self._get_paginator().get_schema_operation_parameters(self.view)
        return super()._get_pagination_parameters()

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction == "response":
            for status in self.error_statuses():
                responses.setdefault(
                    str(status), self._get_response_for_code(error_response(status), str(status))
                )
        return dict(sorted(responses.items()))

    def error_statuses(self) -> list[int]:
        """The 4xx answers the view's own machinery can give for this operation."""
        view = self.view
        safe = self.method in SAFE_METHODS
        parameters = self._get_parameters()
        takes_query = any(
            p["in"] == "query" and p["name"] not in PAGINATION_PARAMETERS for p in parameters
        )
        takes_body = self._get_request_body() is not None
        authenticates = bool(view.get_authenticators())
        # These let every signed-in person through; anything else may refuse one.
        denies_no_one = all(type(p) in SIGNED_IN_IS_ENOUGH for p in view.get_permissions())
        statuses = set()
        if takes_body or takes_query or not safe:
            statuses.add(400)
        if authenticates:
            statuses.add(401)
            # A session-authenticated write without its CSRF token is refused with 403.
            if not safe or not denies_no_one:
                statuses.add(403)
        if any(p["in"] == "path" for p in parameters) or (safe and self._get_paginator()):
            statuses.add(404)
        if takes_body:
            statuses.update((413, 415))
        if view.get_throttles():
            statuses.add(429)
        return sorted(statuses)
