"""The OpenAPI schema documents our API only (/api/v1/), not Wagtail's internal admin API."""


def only_public_api(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
