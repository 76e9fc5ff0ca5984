"""The demo course content files: their shape, what seeding builds from them, and the loader's
errors (a broken file names the file and the line)."""

from __future__ import annotations

import re
import shutil

import pytest

from courses import demo, demo_content
from courses.blocks import LessonStreamBlock
from courses.models import CoursePage, LessonPage, ModulePage

FLAGSHIP = "01-coaching-from-theory-to-practice"
MODULE = f"{FLAGSHIP}/01-relationships-before-technology"
LESSON = f"{MODULE}/01-why-trust-comes-before-tools.yaml"


def _lessons(content):
    return [
        lesson
        for course in content.courses
        for module in course["modules"]
        for lesson in module["lessons"]
    ]


def test_the_english_demo_has_both_courses_in_order():
    content = demo_content.load("en")
    assert [course["slug"] for course in content.courses] == [
        "coaching-from-theory-to-practice",
        "leading-tech-club-pd-sessions",
    ]
    assert [len(course["modules"]) for course in content.courses] == [6, 1]
    assert len(_lessons(content)) == 21
    flagship = content.courses[0]
    assert flagship["modules"][0]["slug"] == "relationships-before-technology"
    assert [lesson["slug"] for lesson in flagship["modules"][0]["lessons"]] == [
        "why-trust-comes-before-tools",
        "listening-like-a-coach",
        "your-first-thirty-days",
    ]
    assert len(content.documents) == 6
    assert content.documents["coaching-log-template"]["content"].startswith("COACHING LOG\n")


def test_every_module_has_lessons_with_unique_titles_and_bodies():
    for course in demo_content.load().courses:
        assert course["title"] and course["summary"]
        for module in course["modules"]:
            titles = [lesson["title"] for lesson in module["lessons"]]
            assert titles, module["slug"]
            assert len(set(titles)) == len(titles), module["slug"]
            for lesson in module["lessons"]:
                assert lesson["body"], lesson["slug"]
                assert all(value for _block_type, value in lesson["body"]), lesson["slug"]


def test_the_loader_knows_the_lesson_blocks_and_their_fields():
    # The loader's table of block fields is a copy of courses/blocks.py; this keeps them equal
    # (an image names its picture and alt text by the demo's keys, resolved in demo.py).
    stream = LessonStreamBlock()
    assert set(demo_content.BLOCKS) == set(stream.child_blocks)
    for name, shape in demo_content.BLOCKS.items():
        block = stream.child_blocks[name]
        if isinstance(shape, str):
            assert not hasattr(block, "child_blocks"), name
        elif name == "image":
            assert set(block.child_blocks) == {"image", "caption", "alt_text"}
        else:
            assert set(shape) == set(block.child_blocks), name


@pytest.mark.django_db
def test_seeding_builds_one_page_per_course_module_and_lesson(site_tree):
    content = demo_content.load()
    _home, catalog = site_tree
    results = demo.seed_courses(catalog=catalog)
    assert [created for _course, created in results] == [True, True]
    assert CoursePage.objects.count() == 2
    assert ModulePage.objects.count() == 7
    assert LessonPage.objects.count() == len(_lessons(content)) == 21
    lesson = LessonPage.objects.get(slug="why-trust-comes-before-tools")
    assert [block.block_type for block in lesson.body][:3] == ["image", "rich_text", "heading"]


@pytest.fixture
def demo_copy(tmp_path, monkeypatch):
    """A copy of the English demo to break, read in place of the real one."""
    shutil.copytree(demo_content.DEMO_DIR / "en", tmp_path / "en")
    monkeypatch.setattr(demo_content, "DEMO_DIR", tmp_path)
    return tmp_path / "en"


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path, needle):
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("old", "new", "line_of", "message"),
    [
        ("  - heading: What", "  - headline: What", "headline", "unknown block type 'headline'"),
        ("estimated_minutes: 25", "estimated_minutes: '25'", "estimated", "must be a whole"),
        ("image: relationships", "image: sunrise", "image: sunrise", "'sunrise' is not in"),
        ("      style: quote", "      style: quote\n      colour: red", "colour", "unknown key"),
        ("body:\n", "title: Again\nbody:\n", "title: Again", "'title' appears twice"),
    ],
)
def test_a_broken_lesson_names_its_file_and_line(demo_copy, old, new, line_of, message):
    lesson = demo_copy / LESSON
    _edit(lesson, old, new)
    with pytest.raises(demo_content.DemoContentError) as caught:
        demo_content.load()
    line = _line_of(lesson, line_of)
    assert str(caught.value).startswith(f"{lesson}:{line}: ")
    assert message in str(caught.value)


def test_a_lesson_that_is_not_yaml_names_its_file_and_line(demo_copy):
    lesson = demo_copy / LESSON
    _edit(lesson, "  - heading: What teachers", "  - heading: [What teachers")
    with pytest.raises(demo_content.DemoContentError) as caught:
        demo_content.load()
    start = _line_of(lesson, "[What teachers")
    assert re.match(rf"{re.escape(str(lesson))}:\d+: .+ on line {start}\)$", str(caught.value))


def test_a_lesson_without_a_title_names_the_file(demo_copy):
    lesson = demo_copy / LESSON
    _edit(lesson, "title: Why Trust Comes Before Tools\n", "")
    with pytest.raises(demo_content.DemoContentError, match=r"tools\.yaml:1: missing 'title'"):
        demo_content.load()


@pytest.mark.parametrize(
    ("rename_to", "message"),
    [
        ("why-trust-comes-before-tools.yaml", "expected a NN-<slug>.yaml file"),
        ("01-Why-Trust.yaml", "expected a NN-<slug>.yaml file"),
        ("02-why-trust.yaml", "'02' is also used by 02-listening-like-a-coach.yaml"),
        ("01-why-trust.yml", "expected a NN-<slug>.yaml file"),
    ],
)
def test_a_misnamed_lesson_file_is_an_error_not_a_missing_lesson(demo_copy, rename_to, message):
    lesson = demo_copy / LESSON
    lesson.rename(lesson.with_name(rename_to))
    with pytest.raises(demo_content.DemoContentError) as caught:
        demo_content.load()
    assert message in str(caught.value)
    assert str(demo_copy / MODULE) in str(caught.value)


def test_a_module_without_lessons_is_an_error(demo_copy):
    for lesson in (demo_copy / MODULE).glob("0*.yaml"):
        lesson.unlink()
    with pytest.raises(demo_content.DemoContentError, match="no lesson files"):
        demo_content.load()


def test_an_unknown_language_is_an_error():
    with pytest.raises(demo_content.DemoContentError, match="no demo content for language 'xx'"):
        demo_content.load("xx")
