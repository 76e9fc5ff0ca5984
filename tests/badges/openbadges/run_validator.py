"""Run the 1EdTech Open Badges 2.0 reference validator (PyPI ``openbadges``) offline.

Runs inside the validator's own virtualenv (``var/ob-validator``), not Django's. Every HTTP
request the validator makes goes through ``requests``' HTTPAdapter, which is patched here:
the JSON-LD context ``https://w3id.org/openbadges/v2`` is answered from the copy the package
ships (``openbadges.verifier.openbadges_context``), loopback addresses go to the server under
test, and anything else fails as a connection error (and is listed in ``blocked``).

    python run_validator.py URL_OR_PNG_PATH [...]

prints one JSON object per input: {"input", "report", "graph" (node ids), "blocked"}
"""

from __future__ import annotations

import json
import sys
from urllib.parse import urlsplit

import requests
from openbadges.verifier.openbadges_context import (
    OPENBADGES_CONTEXT_V2_DICT,
    OPENBADGES_CONTEXT_V2_URI,
)
from requests.adapters import HTTPAdapter

LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
BLOCKED: list[str] = []
_real_send = HTTPAdapter.send


def _context_response(request) -> requests.Response:
    response = requests.Response()
    response.status_code = 200
    response._content = json.dumps(OPENBADGES_CONTEXT_V2_DICT).encode("utf-8")
    response.headers["Content-Type"] = "application/ld+json"
    response.encoding = "utf-8"
    response.url = request.url
    response.request = request
    response.reason = "OK"
    return response


def _offline_send(self, request, *args, **kwargs):
    parts = urlsplit(request.url)
    if parts.hostname in LOOPBACK:
        return _real_send(self, request, *args, **kwargs)
    if request.url.rstrip("/") in (
        OPENBADGES_CONTEXT_V2_URI,
        OPENBADGES_CONTEXT_V2_URI.replace("https:", "http:"),
    ):
        return _context_response(request)
    BLOCKED.append(request.url)
    raise requests.ConnectionError(f"Network access outside this machine is blocked: {request.url}")


HTTPAdapter.send = _offline_send


def _patch_svg_unbake() -> None:
    """openbadges-bakery's SVG ``unbake`` returns the ``verify`` attribute as *bytes* on
    Python 3, and the validator's input detection (written for Python 2's str) then gives up
    ("only URL, JSON, or JWS input implemented so far") on every hosted SVG that follows the
    baking spec, its own bakery's output included. Decode it; nothing else changes."""
    from openbadges.verifier import verifier

    original = verifier.unbake

    def unbake(image_file):
        value = original(image_file)
        return value.decode("utf-8") if isinstance(value, bytes) else value

    verifier.unbake = unbake


def main(inputs: list[str]) -> int:
    from openbadges import verify

    _patch_svg_unbake()
    for item in inputs:
        start = len(BLOCKED)
        if item.startswith(("http://", "https://")):
            result = verify(item, use_cache=False)
        else:
            with open(item, "rb") as handle:
                result = verify(handle, use_cache=False)
        graph = [node.get("id") for node in result["graph"]]
        out = {
            "input": item,
            "report": result["report"],
            "graph": graph,
            "blocked": BLOCKED[start:],
        }
        print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
