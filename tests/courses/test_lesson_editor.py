"""The lesson editor (the Wagtail page edit view) opens in a fixed number of queries.

Wagtail resolves every page and document link in a rich-text block one by one when it turns
the stored HTML into the editor's state (three queries a page link, one a document link), so
a lesson of linked paragraphs cost hundreds of queries. ``courses.rich_text`` looks them all up
at once for the whole body.
"""

from __future__ import annotations

import json

import pytest
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from accounts.services import user_grant_admin
from courses.blocks import INLINE_FEATURES
from courses.models import LessonPage
from courses.rich_text import link_targets_prefetched
from tests.conftest import lesson_body

pytestmark = pytest.mark.django_db

# The edit view of a published lesson without a draft, whatever the length of its body: 37
# (four of them the body's link lookups). Before the links were looked up together, each
# paragraph below (two rich-text blocks, each linking two pages and a document) added 14:
# 47 queries at 1 paragraph, 313 at 20.
EDITOR_QUERIES = 40


def linked_paragraph(*, lessons: list[LessonPage], document, n: int) -> str:
    first, second = lessons[n % len(lessons)], lessons[(n + 1) % len(lessons)]
    return (
        f'<p>See <a linktype="page" id="{first.pk}">{first.title}</a>, then '
        f'<a linktype="page" id="{second.pk}">{second.title}</a> and the '
        f'<a linktype="document" id="{document.pk}">log template</a>.</p>'
    )


def linked_body(*, image, document, lessons: list[LessonPage], paragraphs: int) -> list[dict]:
    body = lesson_body(image, document)
    for n in range(paragraphs):
        html = linked_paragraph(lessons=lessons, document=document, n=n)
        body.append({"type": "rich_text", "value": html})
        body.append(
            {
                "type": "practice_task",
                "value": {"title": "Try it", "instructions": html, "time_estimate_minutes": 10},
            }
        )
    return body


@pytest.fixture
def superuser(make_user):
    return user_grant_admin(user=make_user("admin"), superuser=True)


@pytest.mark.parametrize("paragraphs", [1, 20])
def test_the_lesson_editor_opens_in_a_fixed_number_of_queries(
    client, superuser, make_course, image, document, paragraphs, django_assert_max_num_queries
):
    make_course(modules=1, lessons=3)
    lessons = list(LessonPage.objects.order_by("path"))
    lesson = lessons[0]
    body = linked_body(image=image, document=document, lessons=lessons, paragraphs=paragraphs)
    LessonPage.objects.filter(pk=lesson.pk).update(body=body)
    client.force_login(superuser)
    url = f"/admin/pages/{lesson.pk}/edit/"
    client.get(url)
    with django_assert_max_num_queries(EDITOR_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    # The links reach the editor resolved (their exact data: the test below).
    assert lessons[1].url in html
    assert document.url in html


def test_looked_up_links_convert_exactly_as_wagtail_converts_them_one_by_one(
    make_course, document, django_assert_num_queries
):
    make_course(modules=1, lessons=2)
    lessons = list(LessonPage.objects.order_by("path"))
    html = linked_paragraph(lessons=lessons, document=document, n=0) + (
        '<p><a linktype="page" id="999999">gone</a> <a linktype="document" id="999999">gone</a>'
        ' <a href="https://example.org/">out</a></p>'
    )
    converter = ContentstateConverter(INLINE_FEATURES)
    one_by_one = converter.from_database_format(html)
    body = [{"type": "rich_text", "value": html}]
    with link_targets_prefetched(body), django_assert_num_queries(0):
        together = converter.from_database_format(html)
    assert editor_links(together) == editor_links(one_by_one)
    assert len(json.loads(together)["entityMap"]) == 6


def editor_links(contentstate: str) -> tuple[list, list]:
    """The entities and where they sit; the blocks' random keys left out."""
    state = json.loads(contentstate)
    ranges = [(block["text"], block["entityRanges"]) for block in state["blocks"]]
    return list(state["entityMap"].values()), ranges
