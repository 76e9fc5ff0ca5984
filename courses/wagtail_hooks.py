"""The lesson editor's rich text: page and document links answered from one lookup
(``courses/rich_text.py``). Runs after Wagtail's own feature hooks (``order``) and replaces
only the handlers that turn a stored page or document link into the editor's state; the
handlers live here because Wagtail's converters load models when imported."""

from __future__ import annotations

from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import PageLinkElementHandler
from wagtail.documents.rich_text.contentstate import DocumentLinkElementHandler

from .rich_text import contentstate_rule_with, link_target


class PrefetchedPageLinkHandler(PageLinkElementHandler):
    def get_attribute_data(self, attrs):
        return link_target("page", attrs) or super().get_attribute_data(attrs)


class PrefetchedDocumentLinkHandler(DocumentLinkElementHandler):
    def get_attribute_data(self, attrs):
        return link_target("document", attrs) or super().get_attribute_data(attrs)


LINK_HANDLERS = {
    "link": ('a[linktype="page"]', PrefetchedPageLinkHandler("LINK")),
    "document-link": ('a[linktype="document"]', PrefetchedDocumentLinkHandler("DOCUMENT")),
}


@hooks.register("register_rich_text_features", order=100)
def link_lookups_prefetched(features) -> None:
    # The registry is being filled (this hook is part of its scan), so its rules are read
    # directly: get_converter_rule would start the scan again.
    rules = features.converter_rules_by_converter["contentstate"]
    for feature, (selector, handler) in LINK_HANDLERS.items():
        rule = contentstate_rule_with(rules[feature], selector, handler)
        features.register_converter_rule("contentstate", feature, rule)
