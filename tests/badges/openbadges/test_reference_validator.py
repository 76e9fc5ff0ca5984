"""The 1EdTech reference validator (PyPI ``openbadges``) against the running server.

It fetches the hosted assertion, its badge class, issuer and images over HTTP from the live
test server, and reads the baked PNG and SVG. It runs offline: the one JSON-LD context it
needs comes from its own package, and any other non-loopback request fails the test.
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.request

import pytest
from django.urls import reverse
from django.utils import timezone

from .conftest import CAIRO
from .validator import run_validator

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.xdist_group("ob-validator"),
]


def summary(report: dict) -> dict:
    return {key: report[key] for key in ("valid", "errorCount", "warningCount", "messages")}


def test_reference_validator_passes_hosted_and_baked_and_refuses_revoked(
    live_server, settings, make_award, make_badge_class, tmp_path
):
    settings.SITE_URL = live_server.url  # the documents' ids are the public address
    badge_class = make_badge_class(alignments=2)
    svg_class = make_badge_class(svg=True, alignments=0)
    award = make_award(
        badge_class=badge_class,
        evidence_note="Ran six coaching cycles with two teachers.",
        evidence_public=True,
        expires_on=timezone.now() + dt.timedelta(days=365),
    )
    svg_award = make_award(badge_class=svg_class)
    revoked = make_award(badge_class=badge_class, revoked=True, reason="Issued in error.")

    def absolute(name, entity_id):
        return live_server.url + reverse(f"openbadges:{name}", kwargs={"entity_id": entity_id})

    files = {}
    for name, target, suffix in (
        ("assertion-png", award, "png"),
        ("assertion-svg", svg_award, "svg"),
        *([("assertion-png", svg_award, "svg.png")] if CAIRO else []),  # needs libcairo2
    ):
        with urllib.request.urlopen(absolute(name, target.entity_id), timeout=30) as response:
            path = tmp_path / f"{target.entity_id}.{suffix}"
            path.write_bytes(response.read())
            files[(name, target.pk)] = str(path)

    hosted = absolute("assertion", award.entity_id)
    revoked_url = absolute("assertion", revoked.entity_id)
    baked_png = files[("assertion-png", award.pk)]
    baked_svg = files[("assertion-svg", svg_award.pk)]
    rendered = [files[("assertion-png", svg_award.pk)]] if CAIRO else []
    results = run_validator(hosted, baked_png, baked_svg, *rendered, revoked_url)

    print("\nOpen Badges reference validator (openbadges 1.1.2) verdicts:")
    for label, key in (
        ("hosted assertion", hosted),
        ("baked PNG", baked_png),
        ("baked SVG", baked_svg),
        *[("PNG rendered from an SVG class", path) for path in rendered],
        ("revoked assertion", revoked_url),
    ):
        print(f"{label}: {json.dumps(summary(results[key]['report']))}")

    for key in (hosted, baked_png, baked_svg, *rendered):
        report = results[key]["report"]
        assert results[key]["blocked"] == []
        assert report["valid"] is True, report
        assert report["errorCount"] == 0, report
        assert report["warningCount"] == 0, report
        assert report["openBadgesVersion"] == "2.0"
    # It really fetched and checked the whole graph from the server, not only the assertion.
    for key in (hosted, baked_png):
        assert set(results[key]["graph"]) >= {
            hosted,
            absolute("badge-class", badge_class.entity_id),
            absolute("issuer", badge_class.issuer.entity_id),
        }
        assert results[key]["report"]["validationSubject"] == hosted
    assert results[baked_svg]["report"]["validationSubject"] == absolute(
        "assertion", svg_award.entity_id
    )

    revoked_report = results[revoked_url]["report"]
    assert revoked_report["valid"] is False
    assert revoked_report["errorCount"] > 0
    assert results[revoked_url]["blocked"] == []
