"""What a page of one app shows from the apps above it.

An app may not import the apps above it (the layers in pyproject.toml), yet some of its pages
show their data: a lesson page shows the reader's cohort progress and the lesson's discussion,
My learning shows this month's practice hours. The page names a slot (``"courses.lesson"``);
each app that has something for it registers a contributor in its ``AppConfig.ready``; the page
merges what they return, in the order they were registered (INSTALLED_APPS order, the lower app
first). A contributor is called as ``contributor(request=..., page=..., context=...)``, sees what
the ones before it added (``context["nav"].course`` on course pages), and returns a dict of
context variables named by the app that owns them (``learning``, ``discussion``, ``practice``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

Contributor = Callable[..., dict]

_contributors: defaultdict[str, list[Contributor]] = defaultdict(list)


def contribute(slot: str, contributor: Contributor) -> None:
    """Register ``contributor`` for ``slot``; registering it again changes nothing."""
    if contributor not in _contributors[slot]:
        _contributors[slot].append(contributor)


def add_contributions(slot: str, *, request, context: dict, page=None) -> dict:
    for contributor in _contributors[slot]:
        context.update(contributor(request=request, page=page, context=context))
    return context
