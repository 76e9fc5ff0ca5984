"""A person is named one way in every API: ``{"id", "name"}`` with the public name, from one
serializer, whether it is given the user or the payload the WebSocket already sends."""

from __future__ import annotations

import pytest
import yaml
from django.test import Client

from core.api.serializers import UserRefSerializer, user_ref

USER_REF = "#/components/schemas/UserRef"


def test_a_user_and_its_payload_serialize_alike(make_user):
    person = make_user("ana", display_name="Ana Ruiz")
    expected = {"id": person.pk, "name": person.public_name}
    assert user_ref(person) == expected
    assert UserRefSerializer(person).data == expected
    assert UserRefSerializer(user_ref(person)).data == expected


@pytest.mark.django_db
def test_every_person_in_the_schema_is_the_one_user_ref():
    spec = yaml.safe_load(Client().get("/api/v1/schema/").content)
    schemas = spec["components"]["schemas"]
    assert set(schemas["UserRef"]["properties"]) == {"id", "name"}
    for component, field in [
        ("CommunityThread", "author"),  # community: the WebSocket's payloads
        ("CommunityPost", "author"),
        ("LearnerProgress", "learner"),  # cohorts
        ("WaitingLearner", "learner"),
        ("Feedback", "author"),
        ("BadgeAwardManaged", "recipient"),  # badges
        ("CertificationQueueEntry", "learner"),
    ]:
        ref = schemas[component]["properties"][field]
        assert USER_REF in (ref.get("$ref"), *(r.get("$ref") for r in ref.get("allOf", []))), (
            component,
            field,
        )
    assert not {"CommunityUserRef", "Person", "Earner"} & set(schemas)
