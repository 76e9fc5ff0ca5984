from __future__ import annotations

import math

from django.conf import settings
from django.contrib.auth import authenticate
from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from accounts import lockout
from accounts.forms import PASSWORD_MAX_LENGTH
from core.api import fields
from core.api.errors import json_error
from core.errors import ApplicationError


class LoginLockedOut(exceptions.APIException):
    """Too many failed logins for this account or address (django-axes): 429, Retry-After."""

    status_code = 429
    default_code = lockout.LOCKED_OUT_CODE

    def __init__(self, message: str, wait: int) -> None:
        super().__init__(message)
        self.wait = wait


class TokenThrottle(AnonRateThrottle):
    rate = "20/min"


class TokenObtainApi(APIView):
    """Exchange a username (or email) and password for an API token."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    throttle_classes = [TokenThrottle]

    class InputSerializer(serializers.Serializer):
        username = fields.CharField(max_length=254, help_text="Username or email address.")
        password = fields.CharField(
            max_length=PASSWORD_MAX_LENGTH,
            style={"input_type": "password"},
            trim_whitespace=False,
        )

    class OutputSerializer(serializers.Serializer):
        token = serializers.CharField()
        user_id = serializers.IntegerField()
        username = serializers.CharField()

    @extend_schema(request=InputSerializer, responses=OutputSerializer, auth=[])
    def post(self, request):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        login = data.validated_data["username"]
        # The request goes to authenticate so django-axes counts the failure and can refuse.
        user = authenticate(
            request=request, username=login, password=data.validated_data["password"]
        )
        if user is None:
            if getattr(request, "axes_locked_out", False):
                credentials = {"username": login}
                raise LoginLockedOut(
                    lockout.lockout_message(request, credentials),
                    wait=math.ceil(lockout.lockout_remaining(request, credentials).total_seconds()),
                )
            raise ApplicationError(
                "Those credentials are not right.", code="invalid_credentials", status=400
            )
        token, _ = Token.objects.get_or_create(user=user)
        return Response(
            self.OutputSerializer(
                {"token": token.key, "user_id": user.pk, "username": user.username}
            ).data
        )


# It only ever answers 404, so no CSRF check: without this an unknown URL written to with a
# session cookie got Django's HTML 403 page instead of the JSON 404 (found by schemathesis).
@csrf_exempt
def not_found(request, rest: str = ""):
    """The last pattern under /api/: any URL no endpoint matched (a typo, an unknown nested
    path, a malformed id) is the JSON 404, with DEBUG on or off, never Django's HTML page.

    Like ``APPEND_SLASH``, a GET for a known endpoint without its trailing slash is redirected
    (CommonMiddleware cannot: this pattern matches every path)."""
    path = request.path_info
    if settings.APPEND_SLASH and not path.endswith("/") and request.method in ("GET", "HEAD"):
        try:
            match = resolve(path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING", "")
            target = request.path + "/" + (f"?{query}" if query else "")
            return HttpResponsePermanentRedirect(target)
    return json_error(request, "not_found", "No such endpoint.", 404)
