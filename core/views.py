"""The error pages Django calls (handler404 and handler500): JSON in the one error shape under
/api/, the HTML pages elsewhere; a busy database answers 503 with Retry-After, not 500."""

from __future__ import annotations

import sys

from csp.decorators import csp_replace
from django.shortcuts import render

from core import csp as csp_policies
from core.api.errors import BUSY_MESSAGE, json_error
from core.errors import RETRY_AFTER_BUSY_SECONDS, database_busy


def page_not_found(request, exception=None):
    if request.path.startswith("/api/"):
        return json_error(request, "not_found", "No such endpoint.", 404)
    return render(request, "404.html", status=404)


@csp_replace(csp_policies.ERROR_PAGE)
def server_error(request):
    # Django calls this while handling the exception, so it is still sys.exc_info()'s.
    if database_busy(sys.exc_info()[1]):
        if request.path.startswith("/api/"):
            response = json_error(request, "service_unavailable", BUSY_MESSAGE, 503)
        else:
            response = render(request, "503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_BUSY_SECONDS)
        return response
    if request.path.startswith("/api/"):
        return json_error(
            request, "server_error", "Something went wrong on our side. Please try again.", 500
        )
    return render(request, "500.html", status=500)
