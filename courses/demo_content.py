"""Demo course content, read from the data files under ``courses/demo/<language>/``.

The content is data an editor or a translator changes without touching code, so this module only
reads and checks it; a Spanish copy can later sit beside ``en/`` as ``es/`` and load the same way.
One language folder holds::

    images.yaml                       key: title, alt and color of a title card the seed draws
    documents.yaml                    key: title and filename of a downloadable resource
    documents/<filename>              that resource's plain-text content
    NN-<course>/course.yaml           the course page's fields
    NN-<course>/NN-<module>/module.yaml
    NN-<course>/NN-<module>/NN-<lesson>.yaml

``NN`` orders courses, modules and lessons, and the rest of each name is the page's slug, so
neither is written twice. A lesson's ``body`` is a list of one-key mappings, ``- <block>: value``,
in the lesson StreamField's block types; rich text stays HTML, as Wagtail stores it.

A file that does not fit raises ``DemoContentError`` naming the file and line, before any page
is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DEMO_DIR = Path(__file__).parent / "demo"
_ROOT = Path(__file__).resolve().parent.parent  # errors name files from the project root

_ORDERED_NAME = re.compile(r"^(?P<order>\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")
_PACES = ("self_paced", "facilitated")

# libyaml's parser when PyYAML was built with it: the same documents, read several times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TEXT, NUMBER, TEXTS, LIST = "text", "a whole number", "a list of texts", "a list"

# Each field: (kind, required). The keys of block values are the lesson blocks' own (see
# courses/blocks.py), except an image's "image" and "alt", which demo.py resolves.
_IMAGE = {"title": (TEXT, True), "alt": (TEXT, True), "color": (TEXT, True)}
_DOCUMENT = {"title": (TEXT, True), "filename": (TEXT, True)}
_COURSE = {
    "title": (TEXT, True),
    "summary": (TEXT, True),
    "intro": (TEXT, False),
    "outcomes": (TEXTS, False),
    "audience": (TEXT, False),
    "estimated_hours": (NUMBER, False),
    "paces": (TEXTS, False),
    "hero_image": (TEXT, False),
}
_MODULE = {"title": (TEXT, True), "summary": (TEXT, False)}
_LESSON = {
    "title": (TEXT, True),
    "summary": (TEXT, False),
    "estimated_minutes": (NUMBER, False),
    "body": (LIST, True),
}
BLOCKS: dict[str, str | dict[str, tuple[str, bool]]] = {
    "heading": TEXT,
    "rich_text": TEXT,
    "image": {"image": (TEXT, True), "caption": (TEXT, False), "alt": (TEXT, False)},
    "video": {"url": (TEXT, True), "title": (TEXT, True), "transcript": (TEXT, False)},
    "callout": {
        "style": (TEXT, True),
        "title": (TEXT, False),
        "text": (TEXT, True),
        "attribution": (TEXT, False),
    },
    "reflection_prompt": {"prompt": (TEXT, True), "guidance": (TEXT, False)},
    "practice_task": {
        "title": (TEXT, False),
        "instructions": (TEXT, True),
        "time_estimate_minutes": (NUMBER, False),
    },
    "resource": {"document": (TEXT, True), "title": (TEXT, False), "description": (TEXT, False)},
    "key_takeaways": {"items": (TEXTS, True)},
}


class DemoContentError(ValueError):
    """A demo content file that cannot be read or does not have the expected shape."""


@dataclass(frozen=True)
class DemoContent:
    images: dict[str, dict[str, str]]
    documents: dict[str, dict[str, str]]
    courses: list[dict[str, Any]]


def load(language: str = "en") -> DemoContent:
    """Read and check one language's demo content. Courses come as ``course_build`` takes them,
    with lesson bodies as ``(block_type, value)`` pairs that still name images and documents
    by key."""
    folder = DEMO_DIR / language
    if not folder.is_dir():
        raise DemoContentError(f"{_name(folder)}: no demo content for language {language!r}")
    images = _keyed(folder / "images.yaml", _IMAGE)
    documents = _keyed(folder / "documents.yaml", _DOCUMENT)
    for key, spec in documents.items():
        if Path(spec["filename"]).name != spec["filename"]:
            raise _File(folder / "documents.yaml").error("a filename, not a path", key, "filename")
        spec["content"] = _read_text(folder / "documents" / spec["filename"])
    courses = [
        _course(path, slug, images, documents)
        for path, slug in _ordered(
            folder, dirs=True, extra={"images.yaml", "documents.yaml", "documents"}
        )
    ]
    if not courses:
        raise DemoContentError(f"{_name(folder)}: no course folders (NN-<slug>/)")
    return DemoContent(images=images, documents=documents, courses=courses)


def _course(folder: Path, slug: str, images: dict, documents: dict) -> dict[str, Any]:
    file = _File(folder / "course.yaml")
    course = file.fields(file.data, _COURSE)
    if course.get("hero_image") is not None and course["hero_image"] not in images:
        raise file.error(f"hero_image {course['hero_image']!r} is not in images.yaml", "hero_image")
    for index, pace in enumerate(course.get("paces", [])):
        if pace not in _PACES:
            raise file.error(f"pace {pace!r} is not one of {', '.join(_PACES)}", "paces", index)
    modules = [
        _module(path, module_slug, images, documents)
        for path, module_slug in _ordered(folder, dirs=True, extra={"course.yaml"})
    ]
    if not modules:
        raise DemoContentError(f"{_name(folder)}: no module folders (NN-<slug>/)")
    return {**course, "slug": slug, "modules": modules}


def _module(folder: Path, slug: str, images: dict, documents: dict) -> dict[str, Any]:
    file = _File(folder / "module.yaml")
    module = file.fields(file.data, _MODULE)
    lessons = [
        _lesson(_File(path), lesson_slug, images, documents)
        for path, lesson_slug in _ordered(folder, dirs=False, extra={"module.yaml"})
    ]
    if not lessons:
        raise DemoContentError(f"{_name(folder)}: no lesson files (NN-<slug>.yaml)")
    return {**module, "slug": slug, "lessons": lessons}


def _lesson(file: _File, slug: str, images: dict, documents: dict) -> dict[str, Any]:
    lesson = file.fields(file.data, _LESSON)
    if not lesson["body"]:
        raise file.error("the body has no blocks", "body")
    body = []
    for index, item in enumerate(lesson["body"]):
        at = ("body", index)
        if not isinstance(item, dict) or len(item) != 1:
            raise file.error("a block is one `<block type>: <value>` mapping", *at)
        [(block_type, value)] = item.items()
        shape = BLOCKS.get(block_type)
        if shape is None:
            raise file.error(f"unknown block type {block_type!r} (known: {', '.join(BLOCKS)})", *at)
        if isinstance(shape, str):
            file.check(value, shape, *at, block_type)
        else:
            value = file.fields(value, shape, *at, block_type)
            if block_type == "image" and value["image"] not in images:
                raise file.error(f"image {value['image']!r} is not in images.yaml", *at, block_type)
            if block_type == "resource" and value["document"] not in documents:
                raise file.error(
                    f"document {value['document']!r} is not in documents.yaml", *at, block_type
                )
        body.append((block_type, value))
    return {**lesson, "slug": slug, "body": body}


def _keyed(path: Path, spec: dict) -> dict[str, dict[str, Any]]:
    file = _File(path)
    if not isinstance(file.data, dict) or not file.data:
        raise file.error("expected a mapping of keys to entries")
    return {key: file.fields(entry, spec, key) for key, entry in file.data.items()}


def _ordered(folder: Path, *, dirs: bool, extra: set[str]) -> list[tuple[Path, str]]:
    """The folder's ``NN-<slug>`` entries in order; anything else unexpected is an error, so a
    misnamed lesson is never silently left out."""
    entries = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name in extra:
            continue
        name = path.name if dirs else path.name.removesuffix(".yaml")
        match = _ORDERED_NAME.match(name)
        wanted = path.is_dir() if dirs else path.is_file() and path.suffix == ".yaml"
        if match is None or not wanted:
            form = "NN-<slug>/ folder" if dirs else "NN-<slug>.yaml file"
            raise DemoContentError(f"{_name(path)}: expected a {form} (lowercase slug)")
        for key in (match["order"], match["slug"]):
            if key in seen:
                raise DemoContentError(f"{_name(path)}: {key!r} is also used by {seen[key].name}")
            seen[key] = path
        entries.append((path, match["slug"]))
    return entries


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DemoContentError(f"{_name(path)}: {exc}") from exc


def _name(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(_ROOT))
    except ValueError:
        return str(path)


class _File:
    """One YAML file, kept with its node tree so a problem deep inside it names its line."""

    def __init__(self, path: Path):
        self.name = _name(path)
        loader = _Loader(_read_text(path))
        try:
            self.node = loader.get_single_node()
            if self.node is not None:
                self._refuse_repeated_keys(self.node)
            self.data = loader.construct_document(self.node) if self.node else None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = f":{mark.line + 1}" if mark else ""
            message = exc.problem or exc.context
            if exc.problem and exc.context and exc.context_mark:
                # The parser notices late: say where the unfinished bracket or list began.
                message += f" ({exc.context} on line {exc.context_mark.line + 1})"
            raise DemoContentError(f"{self.name}{line}: {message}") from exc
        except yaml.YAMLError as exc:
            raise DemoContentError(f"{self.name}: {exc}") from exc
        finally:
            loader.dispose()

    def _refuse_repeated_keys(self, node: yaml.Node) -> None:
        # PyYAML keeps the last of two equal keys without a word; a translator's pasted
        # second "title:" would silently win.
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key, value in node.value:
                if key.value in seen:
                    line = key.start_mark.line + 1
                    raise DemoContentError(f"{self.name}:{line}: {key.value!r} appears twice")
                seen.add(key.value)
                self._refuse_repeated_keys(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                self._refuse_repeated_keys(item)

    def error(self, message: str, *at: Any) -> DemoContentError:
        return DemoContentError(f"{self.name}:{self._line(at)}: {message}")

    def fields(self, value: Any, spec: dict[str, tuple[str, bool]], *at: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.error(f"expected a mapping with {', '.join(spec)}", *at)
        for key in value:
            if key not in spec:
                raise self.error(f"unknown key {key!r} (expected {', '.join(spec)})", *at, key)
        for key, (kind, required) in spec.items():
            if key in value:
                self.check(value[key], kind, *at, key)
            elif required:
                raise self.error(f"missing {key!r}", *at)
        return dict(value)

    def check(self, value: Any, kind: str, *at: Any) -> None:
        if kind == TEXT:
            ok = isinstance(value, str)
        elif kind == NUMBER:
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif kind == TEXTS:
            ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
        else:
            ok = isinstance(value, list)
        if not ok:
            raise self.error(f"{at[-1]!r} must be {kind}", *at)

    def _line(self, at: tuple[Any, ...]) -> int:
        """The 1-based line of the value reached by following ``at`` (mapping keys, list
        indexes) from the top, as far as the path exists: a missing key names its parent."""
        node = self.node
        if node is None:
            return 1
        for step in at:
            if isinstance(node, yaml.MappingNode):
                found = next((v for k, v in node.value if k.value == str(step)), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                found = node.value[step] if step < len(node.value) else None
            else:
                found = None
            if found is None:
                break
            node = found
        return node.start_mark.line + 1
