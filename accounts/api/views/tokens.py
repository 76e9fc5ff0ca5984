"""API tokens: a username (or email) and password exchanged for a token, with the same
lockout (django-axes) as the sign-in page."""

from __future__ import annotations

import math

from django.contrib.auth import authenticate
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from core.api import fields
from core.errors import ApplicationError

from ... import lockout
from ...forms import PASSWORD_MAX_LENGTH


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
