"""StreamField blocks an editor composes lessons from.

Each block renders through its own template under ``courses/blocks/`` so the editor's
preview and the public page look the same.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

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


_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


class VideoBlock(blocks.StructBlock):
    """A video by URL. Embeds are built locally (no oEmbed call), and the transcript
    is always shown, so the lesson still works on a closed network."""

    url = blocks.URLBlock(help_text="A YouTube or Vimeo address, or a direct link to a video file.")
    title = blocks.CharBlock(max_length=200)
    transcript = blocks.TextBlock(required=False, help_text="A transcript or summary.")

    class Meta:
        icon = "media"
        template = "courses/blocks/video.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed_url"] = video_embed_url(value["url"])
        return context


def video_embed_url(url: str) -> str | None:
    """An iframe address for YouTube and Vimeo links, or None for anything else."""
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    video_id = None
    if host == "youtube.com":
        video_id = parse_qs(parsed.query).get("v", [None])[0]
    elif host == "youtu.be":
        video_id = parsed.path.lstrip("/").split("/")[0]
    if video_id and _YOUTUBE_ID.match(video_id):
        return f"https://www.youtube-nocookie.com/embed/{video_id}"
    if host == "vimeo.com":
        vimeo_id = parsed.path.strip("/").split("/")[0]
        if vimeo_id.isdigit():
            return f"https://player.vimeo.com/video/{vimeo_id}"
    return None


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
