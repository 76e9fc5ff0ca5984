"""StreamField blocks an editor composes lessons from.

Each block renders through its own template under ``courses/blocks/`` so the editor's
preview and the public page look the same.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from core.urls import site_base

from .rich_text import link_targets_prefetched

INLINE_FEATURES = ["bold", "italic", "link", "ol", "ul", "document-link"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "courses/blocks/heading.html"
        form_classname = "title"


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", INLINE_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "courses/blocks/rich_text.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=250)
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text="Describe the picture for screen readers; the image's title is used if empty.",
    )

    class Meta:
        icon = "image"
        template = "courses/blocks/image.html"


_VIDEO_FILE = re.compile(r"\.(mp4|webm|ogv|ogg|m4v)$", re.IGNORECASE)
_HOST_NAMES = {"youtube.com": "YouTube", "youtu.be": "YouTube", "vimeo.com": "Vimeo"}


class VideoBlock(blocks.StructBlock):
    """A video by URL. The lesson links to it (no frame from the video host, nothing fetched
    from another server: the page works and stays private on closed school networks, under a
    strict CSP) and always shows the transcript. A video file on this site plays in place."""

    url = blocks.URLBlock(
        help_text="A YouTube or Vimeo address, or a link to a video file (.mp4, .webm)."
    )
    title = blocks.CharBlock(max_length=200)
    transcript = blocks.TextBlock(required=False, help_text="A transcript or summary.")

    class Meta:
        icon = "media"
        template = "courses/blocks/video.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["video_host"] = video_host_name(value["url"])
        context["local_file"] = local_video_file(value["url"])
        return context


def video_host_name(url: str) -> str:
    """What the link says it opens: "YouTube", "Vimeo", or the address's host."""
    host = (urlparse(url).hostname or "").lower().removeprefix("www.").removeprefix("m.")
    return _HOST_NAMES.get(host, host)


def local_video_file(url: str) -> str | None:
    """The site-relative address of a video file served by this site, to play in place;
    None for anything on another host (those are only linked)."""
    parsed = urlparse(url)
    site = urlparse(site_base())
    if parsed.netloc.lower() != site.netloc.lower() or not _VIDEO_FILE.search(parsed.path):
        return None
    return parsed.path


class CalloutBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=[("tip", "Tip"), ("note", "Note"), ("quote", "Quote"), ("warning", "Watch out")],
        default="note",
    )
    title = blocks.CharBlock(required=False, max_length=200)
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200, help_text="For quotes.")

    class Meta:
        icon = "openquote"
        template = "courses/blocks/callout.html"


class ReflectionPromptBlock(blocks.StructBlock):
    """A question the coach answers in writing. Answers are stored by the cohorts app,
    keyed by this block's id, so editing the wording keeps earlier answers attached."""

    prompt = blocks.TextBlock()
    guidance = blocks.TextBlock(required=False)

    class Meta:
        icon = "edit"
        template = "courses/blocks/reflection_prompt.html"


class PracticeTaskBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, default="Try this with a teacher this week")
    instructions = RichTextBlock()
    time_estimate_minutes = blocks.IntegerBlock(required=False, min_value=1, max_value=600)

    class Meta:
        icon = "tick-inverse"
        template = "courses/blocks/practice_task.html"


class ResourceBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, max_length=200)
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/resource.html"


class KeyTakeawaysBlock(blocks.StructBlock):
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "courses/blocks/key_takeaways.html"


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    rich_text = RichTextBlock()
    image = ImageBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    reflection_prompt = ReflectionPromptBlock()
    practice_task = PracticeTaskBlock()
    resource = ResourceBlock()
    key_takeaways = KeyTakeawaysBlock()

    def get_form_state(self, value):
        """The editor's state of a whole lesson body, its links looked up in one go (see
        courses/rich_text.py): without this, each page link costs three queries."""
        if not value:
            return super().get_form_state(value)
        with link_targets_prefetched(list(value.raw_data)):
            return super().get_form_state(value)
