"""Page and document links in rich text, looked up together when the editor opens a lesson.

Turning stored rich text into the editor's (Draftail's) state, Wagtail looks up each linked
page (the page, its specific type, its parent: three queries) and each linked document (one
query) as it meets the link: a lesson with 150 links cost 732 queries (0.7 s on SQLite, more
with a database across a network). ``LessonStreamBlock.get_form_state`` wraps the conversion
of the whole body in ``link_targets_prefetched``, which finds every link in the body and looks
the targets up in a few queries; the link handlers of the ``link`` and ``document-link`` features
(``courses/wagtail_hooks.py``) answer from that lookup (``link_target``) and, for a link
outside it (another rich-text field, a link the scan missed), exactly as Wagtail does.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

# (linktype, id) -> the entity data the editor gets for that link.
_link_targets: ContextVar[dict[tuple[str, int], dict] | None] = ContextVar(
    "courses_link_targets", default=None
)


def _strings(raw: Any) -> Iterator[str]:
    """Every string in a StreamField's raw data, however deeply its blocks nest."""
    if isinstance(raw, str):
        yield raw
    elif isinstance(raw, dict):
        for item in raw.values():
            yield from _strings(item)
    elif isinstance(raw, list | tuple):
        for item in raw:
            yield from _strings(item)


def _linked_ids(raw: Any) -> dict[str, set[int]]:
    ids: dict[str, set[int]] = {"page": set(), "document": set()}
    for text in _strings(raw):
        if "<a" not in text:
            continue
        for match in FIND_A_TAG.finditer(text):
            attrs = extract_attrs(match.group(1))
            if attrs.get("linktype") in ids:
                try:
                    ids[attrs["linktype"]].add(int(attrs["id"]))
                except (KeyError, ValueError):
                    continue
    return ids


def _page_targets(ids: set[int]) -> dict[tuple[str, int], dict]:
    """What ``PageLinkElementHandler`` gives for each page: one query for the pages, one per
    page type for their specific objects, one for their parents."""
    if not ids:
        return {}
    pages = list(Page.objects.filter(id__in=ids).specific())
    steplen = Page.steplen
    parent_paths = {page.path[:-steplen] for page in pages if page.depth > 1}
    parents = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "id"))
    targets = {
        ("page", page.id): {
            "id": page.id,
            "url": page.url,
            "parentId": parents.get(page.path[:-steplen]),
        }
        for page in pages
    }
    for missing in ids - {page.id for page in pages}:
        targets[("page", missing)] = {"id": missing, "url": None, "parentId": None}
    return targets


def _document_targets(ids: set[int]) -> dict[tuple[str, int], dict]:
    """What ``DocumentLinkElementHandler`` gives for each document, in one query."""
    if not ids:
        return {}
    documents = get_document_model().objects.in_bulk(ids)
    return {
        ("document", id_): (
            {"id": doc.id, "url": doc.url, "filename": doc.filename}
            if (doc := documents.get(id_))
            else {"id": id_}
        )
        for id_ in ids
    }


@contextmanager
def link_targets_prefetched(raw: Any) -> Iterator[None]:
    """While converting ``raw`` (a StreamField's raw data, or any nesting of lists, dicts and
    HTML strings) for the editor, answer its page and document links from one lookup."""
    ids = _linked_ids(raw)
    targets = {**_page_targets(ids["page"]), **_document_targets(ids["document"])}
    token = _link_targets.set({**(_link_targets.get() or {}), **targets})
    try:
        yield
    finally:
        _link_targets.reset(token)


def link_target(linktype: str, attrs: dict) -> dict | None:
    """The editor's data for a ``page`` or ``document`` link, if ``link_targets_prefetched``
    looked it up; None otherwise (the caller then looks it up itself)."""
    targets = _link_targets.get()
    if not targets:
        return None
    try:
        found = targets.get((linktype, int(attrs["id"])))
    except (KeyError, ValueError):
        return None
    return dict(found) if found is not None else None


def contentstate_rule_with(rule: dict, selector: str, handler: object) -> dict:
    """Wagtail's contentstate rule for a feature, with ``selector``'s handler replaced."""
    if selector not in rule.get("from_database_format", {}):
        raise LookupError(f"Wagtail's rule has no {selector!r} handler to replace: {rule!r}")
    return {
        **rule,
        "from_database_format": {**rule["from_database_format"], selector: handler},
    }
