"""Baking: an award's image that carries its Open Badges assertion (OB 2.0 baking spec).

* PNG: an ``iTXt`` chunk with keyword ``openbadges`` whose text is the assertion JSON,
  written before ``IEND``; any earlier ``openbadges`` chunk is dropped, so re-baking is safe.
* SVG: an ``<openbadges:assertion verify="<assertion URL>">`` element, the JSON in CDATA, as
  the first child of the root ``<svg>``, with ``xmlns:openbadges="http://openbadges.org"``.

A badge class whose image is an SVG also gets a baked PNG: the SVG is rendered with CairoSVG
(which fetches nothing outside the file and resolves no XML entities), then baked.
"""

from __future__ import annotations

import json
import re
import struct
import zlib

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
KEYWORD = b"openbadges"
SVG_NAMESPACE = "http://openbadges.org"
RENDER_WIDTH = 512  # pixels, for SVG class images rendered to PNG


class BakingError(ValueError):
    """The class image cannot be baked (not a PNG/SVG, or malformed)."""


def _chunks(data: bytes):
    if not data.startswith(PNG_SIGNATURE):
        raise BakingError("The badge image is not a PNG file.")
    offset = len(PNG_SIGNATURE)
    while offset < len(data):
        if offset + 8 > len(data):
            raise BakingError("The badge image is a truncated PNG file.")
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        end = offset + 12 + length
        if end > len(data):
            raise BakingError("The badge image is a truncated PNG file.")
        yield kind, data[offset + 8 : offset + 8 + length], data[offset:end]
        offset = end
        if kind == b"IEND":
            return
    raise BakingError("The badge image has no IEND chunk.")


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def _is_openbadges_text(kind: bytes, body: bytes) -> bool:
    return kind in (b"iTXt", b"tEXt", b"zTXt") and body.split(b"\x00", 1)[0] == KEYWORD


def bake_png(image: bytes, payload: str) -> bytes:
    """The PNG with ``payload`` (assertion JSON or URL) in an ``openbadges`` iTXt chunk."""
    # keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translation NUL
    itxt = _chunk(b"iTXt", KEYWORD + b"\x00\x00\x00\x00\x00" + payload.encode("utf-8"))
    out = [PNG_SIGNATURE]
    for kind, body, raw in _chunks(image):
        if _is_openbadges_text(kind, body):
            continue
        if kind == b"IEND":
            out.append(itxt)
        out.append(raw)
    return b"".join(out)


def unbake_png(image: bytes) -> str | None:
    """The text of the ``openbadges`` iTXt chunk, or None (for tests and re-baking checks)."""
    for kind, body, _raw in _chunks(image):
        if kind == b"iTXt" and body.split(b"\x00", 1)[0] == KEYWORD:
            rest = body[len(KEYWORD) + 1 :]
            compressed, _method = rest[0], rest[1]
            _lang, _translated, text = rest[2:].split(b"\x00", 2)
            return (zlib.decompress(text) if compressed else text).decode("utf-8")
    return None


_SVG_ROOT = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE)


def _well_formed(svg: bytes) -> None:
    try:
        ElementTree.fromstring(svg)
    except (ElementTree.ParseError, DefusedXmlException) as exc:
        raise BakingError("The badge image is not a well-formed SVG file.") from exc


def bake_svg(image: bytes, *, assertion: dict, verify_url: str) -> bytes:
    """The SVG with an ``openbadges:assertion`` element holding the assertion JSON."""
    _well_formed(image)
    match = _SVG_ROOT.search(image)
    if match is None:
        raise BakingError("The badge image has no <svg> element.")
    start_tag = match.group(0)
    if b"xmlns:openbadges" not in start_tag:
        closing = -2 if start_tag.endswith(b"/>") else -1
        start_tag = (
            start_tag[:closing]
            + f' xmlns:openbadges="{SVG_NAMESPACE}"'.encode()
            + start_tag[closing:]
        )
    # "]]>" cannot appear inside CDATA: split it across two sections.
    text = json.dumps(assertion, ensure_ascii=False).replace("]]>", "]]]]><![CDATA[>")
    verify = verify_url.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    element = f'<openbadges:assertion verify="{verify}"><![CDATA[{text}]]></openbadges:assertion>'
    if start_tag.endswith(b"/>"):  # an empty <svg/>: open it to hold the element
        baked = start_tag[:-2] + b">" + element.encode("utf-8") + b"</svg>"
    else:
        baked = start_tag + element.encode("utf-8")
    result = image[: match.start()] + baked + image[match.end() :]
    _well_formed(result)
    return result


def render_svg_to_png(image: bytes) -> bytes:
    """Render an SVG class image to PNG (CairoSVG; external resources are never fetched)."""
    _well_formed(image)
    try:
        import cairosvg  # noqa: PLC0415 (loads libcairo, which a machine may lack: see below)
    except OSError as exc:  # libcairo missing on this machine
        raise BakingError("Rendering SVG badges to PNG is not available here.") from exc
    try:
        return cairosvg.svg2png(bytestring=image, output_width=RENDER_WIDTH, unsafe=False)
    except Exception as exc:  # CairoSVG raises assorted errors on odd SVGs
        raise BakingError("The badge image could not be rendered to PNG.") from exc
