"""Badge images must really be PNG or SVG: the content is checked, not only the name, so a
renamed JPEG or a broken file is refused with a clear message before anyone bakes it."""

from __future__ import annotations

import io

from defusedxml import ElementTree
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_IMAGE_BYTES = 2 * 1024 * 1024


def image_kind(data: bytes) -> str | None:
    """``"png"``, ``"svg"`` or None for anything else (including broken PNGs and XML that is
    not an SVG document). XML is parsed with defusedxml: no entities, no external fetches."""
    if data.startswith(PNG_SIGNATURE):
        try:
            with Image.open(io.BytesIO(data)) as picture:
                picture.verify()
                return "png" if picture.format == "PNG" else None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            return None
    try:
        root = ElementTree.fromstring(data)
    except Exception:  # noqa: BLE001 (any parse failure, including defusedxml's refusals)
        return None
    tag = root.tag.rsplit("}", 1)[-1] if isinstance(root.tag, str) else ""
    return "svg" if tag == "svg" else None


def validate_badge_image(file) -> None:
    if file is None:
        return
    size = getattr(file, "size", None)
    if size is not None and size > MAX_IMAGE_BYTES:
        raise ValidationError("The image is too large: at most 2 MB.", code="image_too_large")
    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        data = file.read()
    finally:
        if position is not None:
            file.seek(position)
    if isinstance(data, str):
        data = data.encode()
    kind = image_kind(data)
    if kind is None:
        raise ValidationError(
            "The badge image must be a PNG or SVG image; this file is neither.",
            code="not_png_or_svg",
        )
    name = (getattr(file, "name", "") or "").lower()
    if not name.endswith(f".{kind}"):
        raise ValidationError(
            f"This file is a {kind.upper()} image: name it with a .{kind} extension.",
            code="wrong_extension",
        )
