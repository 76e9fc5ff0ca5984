"""What a lesson shows everyone, rendered once per version of its content.

A lesson's blocks (text, images, videos, callouts…) look the same to every reader; only the
reflection prompts hold a person's own answer. The shared blocks' HTML is cached under the
page, a digest of the stored body and the language, so publishing a change (or previewing a
draft) renders the new content at once — nothing waits for a timeout — and three hundred
coaches opening the same lesson render it once.
"""

from __future__ import annotations

import hashlib
import json

from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

#: Blocks that show a person's own work: rendered per request, never cached.
PERSONAL_BLOCKS = frozenset({"reflection_prompt"})
#: Old versions simply age out of the cache; a new version never waits for this.
CACHE_SECONDS = 24 * 3600


def body_digest(page) -> str:
    raw = list(page.body.raw_data)
    encoded = json.dumps(raw, sort_keys=True, cls=DjangoJSONEncoder, separators=(",", ":"))
    return hashlib.blake2b(encoded.encode(), digest_size=16).hexdigest()


def shared_block_html(*, page, request=None) -> dict[str, SafeString]:
    """The HTML of each shared block of ``page.body`` by block id (two cache calls at most:
    one read, and one write the first time a version is shown)."""
    # The raw data decides whether and where to look: building the blocks (which fetches
    # their images, snippets…) is only needed to render them, once per version.
    if all(raw["type"] in PERSONAL_BLOCKS for raw in page.body.raw_data):
        return {}
    key = f"lesson-body:{page.pk}:{body_digest(page)}:{get_language() or ''}"
    cached = cache.get(key)
    if cached is None:
        blocks = [block for block in page.body if block.block_type not in PERSONAL_BLOCKS]
        cached = {
            block.id: str(
                block.render_as_block(
                    context={"block_id": block.id, "page": page, "request": request}
                )
            )
            for block in blocks
        }
        cache.set(key, cached, CACHE_SECONDS)
    return {block_id: mark_safe(html) for block_id, html in cached.items()}  # noqa: S308
