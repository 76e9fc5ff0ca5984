"""What the apps above courses add to a module or lesson page's context.

Courses sits below cohorts and community, so its pages cannot ask them for a person's learning
or a lesson's discussion. Each of those apps registers a contributor in its
``AppConfig.ready``; the page calls every contributor of its kind and merges what they return.
A contributor is called as ``contributor(request=..., page=..., course=...)`` and returns a dict
of context variables, named by the app that owns them (``learning``, ``discussion``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

Kind = Literal["module", "lesson"]
Contributor = Callable[..., dict]

_contributors: dict[str, list[Contributor]] = {"module": [], "lesson": []}


def contribute(kind: Kind, contributor: Contributor) -> None:
    """Register ``contributor`` for pages of ``kind``; registering it again changes nothing."""
    if contributor not in _contributors[kind]:
        _contributors[kind].append(contributor)


def contributions(kind: Kind, *, request, page, course) -> dict:
    context: dict = {}
    for contributor in _contributors[kind]:
        context.update(contributor(request=request, page=page, course=course))
    return context
