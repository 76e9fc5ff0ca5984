"""Post bodies: a Markdown subset rendered to HTML, then sanitised with nh3 (an allowlist).

Raw HTML typed into a post is escaped by the sanitiser, links get rel="nofollow noopener",
and only http(s) and mailto links survive. @mentions of space members become spans.
"""

from __future__ import annotations

import re

import markdown
import nh3

MAX_BODY = 5_000
ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "span",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "span": {"class", "data-user"}}
MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9_.-]{2,150})")


def mentioned_usernames(body: str) -> set[str]:
    return {match.lower().rstrip(".") for match in MENTION.findall(body)}


def render(body: str, *, members: dict[str, int] | None = None) -> str:
    """Markdown → safe HTML. ``members`` maps lower-cased usernames to ids for mentions."""
    md = markdown.Markdown(extensions=["fenced_code", "nl2br", "sane_lists"], output_format="html")
    # Raw HTML in a post is shown as text, never interpreted.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    html = md.convert(body)
    safe = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
        strip_comments=True,
    )
    if members:

        def mention(match: re.Match) -> str:
            name = match.group(1).rstrip(".")
            user_id = members.get(name.lower())
            if user_id is None:
                return match.group(0)
            return (
                f'<span class="mention" data-user="{user_id}">@{name}</span>'
                + match.group(1)[len(name) :]
            )

        # Only outside tags and code: split on tags, skip code/pre content.
        parts = re.split(r"(<[^>]+>)", safe)
        in_code = 0
        for index, part in enumerate(parts):
            if part.startswith("<"):
                tag = part.strip("</>").split()[0].lower() if part.strip("</>") else ""
                if tag in ("code", "pre", "a"):
                    in_code += -1 if part.startswith("</") else 1
                continue
            if in_code <= 0:
                parts[index] = MENTION.sub(mention, part)
        safe = "".join(parts)
    return safe
