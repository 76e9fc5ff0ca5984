"""Output shapes every app's API shares."""

from __future__ import annotations

from collections.abc import Mapping

from rest_framework import serializers


def user_ref(user) -> dict:
    """A person as every API and WebSocket payload names them: the id and the public name,
    never the email or username."""
    return {"id": user.pk, "name": user.public_name}


class UserRefSerializer(serializers.Serializer):
    """``user_ref`` as a serializer: it takes a user, or the dict a payload already holds."""

    id = serializers.IntegerField()
    name = serializers.CharField()

    class Meta:
        ref_name = "UserRef"

    def to_representation(self, instance):
        return super().to_representation(
            instance if isinstance(instance, Mapping) else user_ref(instance)
        )
