"""The issuer's signing key: made once on first use, encrypted at rest, never served."""

from __future__ import annotations

import base64
import json
import threading

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from badges.models import IssuerKey
from badges.openbadges import keys
from tests.sqlite_storm import run_on_fresh_sqlite


def raw_private(private_key) -> bytes:
    return private_key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


@pytest.mark.django_db
def test_first_use_creates_one_encrypted_key(issuer):
    key = keys.issuer_key_ensure(issuer=issuer)
    assert keys.issuer_key_ensure(issuer=issuer) == key
    assert IssuerKey.objects.filter(issuer=issuer).count() == 1
    assert key.algorithm == "Ed25519" and key.is_active
    assert set(key.public_jwk) == {"kty", "crv", "x"}
    assert key.key_id == keys.jwk_thumbprint(key.public_jwk)

    stored_key, private_key = keys.signing_key(issuer=issuer)
    assert stored_key == key
    raw = raw_private(private_key)
    stored = key.private_key_encrypted
    assert stored.startswith("v1:")
    for encoding in (raw, raw.hex().encode(), base64.b64encode(raw), base64.urlsafe_b64encode(raw)):
        assert encoding.rstrip(b"=") not in stored.encode()
    assert keys.public_jwk(private_key) == key.public_jwk  # it decrypts to the published key


@pytest.mark.django_db
def test_ciphertext_is_bound_to_its_key_id_and_to_secret_key(issuer):
    key = keys.issuer_key_ensure(issuer=issuer)
    with pytest.raises(InvalidTag):
        keys.decrypt_private_key(key.private_key_encrypted, key_id="someone-else")
    tampered = key.private_key_encrypted[:-2] + (
        "A" if key.private_key_encrypted[-2] != "A" else "B"
    )
    with pytest.raises(InvalidTag):
        keys.decrypt_private_key(tampered + key.private_key_encrypted[-1], key_id=key.key_id)
    other_secret = override_settings(SECRET_KEY="another-secret-key-entirely-0123456789abcdef")
    with other_secret, pytest.raises(InvalidTag):
        keys.decrypt_private_key(key.private_key_encrypted, key_id=key.key_id)


@pytest.mark.django_db
def test_a_lost_race_returns_the_winners_key(issuer, monkeypatch):
    winner = keys.issuer_key_ensure(issuer=issuer)

    class StaleRead:
        """What the loser saw: no key yet (the winner committed after our read)."""

        def filter(self, **kwargs):
            return self

        def first(self):
            return None

    real_filter = IssuerKey.objects.filter
    calls = []

    def stale_then_real(**kwargs):
        calls.append(kwargs)
        return StaleRead() if len(calls) == 1 else real_filter(**kwargs)

    monkeypatch.setattr(IssuerKey.objects, "filter", stale_then_real)
    assert keys.issuer_key_ensure(issuer=issuer) == winner  # its insert hit the constraint
    monkeypatch.undo()
    assert IssuerKey.objects.filter(issuer=issuer).count() == 1


THREADS = 8

# The suite's SQLite database lives in memory, one connection only: on SQLite the race runs in
# a subprocess against a fresh SQLite file (schema from the models, as in
# tests/sqlite_storm.py). On PostgreSQL it runs in-process below.
KEY_RACE = """
import json, sys, threading

from django.db import connection, connections

from badges.models import Issuer, IssuerKey
from badges.openbadges.keys import issuer_key_ensure, signing_key

issuer = Issuer.objects.create(name="Race", url="https://race.example.org", email="r@example.org")
threads = int(sys.argv[1])
barrier = threading.Barrier(threads)
results, errors = [], []


def worker():
    try:
        barrier.wait(timeout=20)
        results.append(issuer_key_ensure(issuer=issuer).pk)
    except Exception as exc:
        errors.append(repr(exc))
    finally:
        connections.close_all()


pool = [threading.Thread(target=worker) for _ in range(threads)]
for thread in pool:
    thread.start()
for thread in pool:
    thread.join(timeout=60)
key, _private = signing_key(issuer=issuer)
print(json.dumps({
    "vendor": connection.vendor,
    "results": results,
    "errors": errors,
    "rows": IssuerKey.objects.count(),
    "active": IssuerKey.objects.filter(is_active=True).count(),
    "signing": key.pk,
}))
"""


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="on PostgreSQL the in-process race below runs"
)
def test_concurrent_first_use_yields_one_key_on_sqlite(tmp_path):
    result = run_on_fresh_sqlite(KEY_RACE, tmp_path, THREADS)
    assert result["vendor"] == "sqlite"
    assert result["errors"] == []
    assert len(result["results"]) == THREADS
    assert set(result["results"]) == {result["signing"]}
    assert (result["rows"], result["active"]) == (1, 1)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_first_use_yields_one_active_key(issuer):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's shared in-memory test database cannot hold two writers: see above")
    barrier = threading.Barrier(THREADS)
    results, errors = [], []

    def worker():
        from django.db import connections

        try:
            barrier.wait(timeout=10)
            results.append(keys.issuer_key_ensure(issuer=issuer).pk)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert len(set(results)) == 1
    assert IssuerKey.objects.filter(issuer=issuer, is_active=True).count() == 1


@pytest.mark.django_db
def test_changed_secret_key_retires_the_old_key_and_keeps_it_published(client, issuer, make_award):
    old = keys.issuer_key_ensure(issuer=issuer)
    award = make_award()
    with override_settings(SECRET_KEY="a-rotated-secret-key-0123456789abcdefghijkl"):
        response = client.get(
            reverse("openbadges:credential", kwargs={"entity_id": award.entity_id})
        )
    assert response.status_code == 200
    old.refresh_from_db()
    new = IssuerKey.objects.get(issuer=issuer, is_active=True)
    assert not old.is_active and new != old
    header = json.loads(base64.urlsafe_b64decode(response.content.split(b".")[0] + b"=="))
    assert header["kid"].endswith("#" + new.key_id)
    document = json.loads(client.get("/.well-known/did.json").content)
    published = {method["id"].split("#")[1] for method in document["verificationMethod"]}
    assert published == {old.key_id, new.key_id}


@pytest.mark.django_db
def test_did_document_never_carries_a_private_part(client, issuer, make_award):
    client.get(reverse("openbadges:credential", kwargs={"entity_id": make_award().entity_id}))
    key = IssuerKey.objects.get()
    body = client.get("/.well-known/did.json").content.decode()
    assert '"d"' not in body
    assert key.private_key_encrypted.split(":")[1][:20] not in body
