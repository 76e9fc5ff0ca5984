"""One generation token for the course tree: any page saved, published, unpublished, moved or
deleted, or a view restriction or a site changed, starts a new generation, and whatever is
cached under the old one (course outlines, routes, sites, view restrictions) is simply never
read again. Editors see their change on the next request; nothing waits for a timeout.

The token is a ``core.generations`` token: shared by every process that shares the cache, and
replaced at once and again after the commit.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import generations

GENERATION_KEY = "courses:generation"


def content_generation() -> str:
    return generations.current(GENERATION_KEY)


def content_changed(**_kwargs) -> None:
    generations.renew(GENERATION_KEY)


def _page_saved_or_deleted(sender, instance=None, **kwargs) -> None:
    if isinstance(instance, Page | PageViewRestriction | Site):
        content_changed()


def connect() -> None:
    post_save.connect(_page_saved_or_deleted, dispatch_uid="courses.versions.save")
    post_delete.connect(_page_saved_or_deleted, dispatch_uid="courses.versions.delete")
    for name, signal in (
        ("published", page_published),
        ("unpublished", page_unpublished),
        ("moved", post_page_move),
    ):
        signal.connect(content_changed, dispatch_uid=f"courses.versions.{name}")
