"""The "Badges" menu of the Wagtail admin: the issuer profile, badge classes (with their
alignments inline) and a read-only list of awards. Images are checked by content (PNG
signature, or XML with an ``<svg>`` root) by the model field's validator, so a renamed JPEG
or a broken file is a form error, not a bad badge. Awards change only through the services
(the pages and the API), so the admin shows them and never edits them."""

from __future__ import annotations

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import BadgeAward, BadgeClass, Issuer
from .openbadges.keys import issuer_key_ensure

READ_ONLY = {"add", "change", "delete", "lock", "unlock", "publish"}


class IssuerViewSet(SnippetViewSet):
    pk_path_converter = "id"  # bounded (core/converters.py): a huge id is a 404
    model = Issuer
    icon = "site"
    menu_label = "Issuer"
    list_display = ["name", "url", "email"]
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("url"), FieldPanel("email")]),
        FieldPanel("description"),
        FieldPanel("image"),
    ]


class BadgeClassViewSet(SnippetViewSet):
    pk_path_converter = "id"  # bounded (core/converters.py): a huge id is a 404
    model = BadgeClass
    icon = "pick"
    menu_label = "Badge classes"
    list_display = ["name", "issuer", "requires_approval", "is_active"]
    list_filter = ["is_active", "requires_approval"]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False  # slugs and ids are per class
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldPanel("issuer"),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldPanel("criteria_narrative"),
        MultiFieldPanel(
            [
                FieldPanel("course"),
                FieldPanel("min_reflections"),
                FieldRowPanel(
                    [FieldPanel("min_practice_hours"), FieldPanel("practice_window_months")]
                ),
                FieldPanel("requires_approval"),
            ],
            heading="Rules (all must hold)",
        ),
        FieldRowPanel([FieldPanel("expires_after_months"), FieldPanel("is_active")]),
        InlinePanel("alignments", heading="Alignments", label="Alignment"),
    ]

    def get_queryset(self, request):
        return BadgeClass.objects.select_related("issuer")


class ReadOnlyPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action not in READ_ONLY and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return action not in READ_ONLY and super().user_has_permission_for_instance(
            user, action, instance
        )


register_permission_policy(BadgeAward, ReadOnlyPolicy(BadgeAward))


class BadgeAwardViewSet(SnippetViewSet):
    pk_path_converter = "id"  # bounded (core/converters.py): a huge id is a 404
    model = BadgeAward
    icon = "tick-inverse"
    menu_label = "Awards"
    list_display = ["badge_class", "recipient", "issued_on", "status", "method"]
    list_filter = ["badge_class", "method"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "entity_id",
        "badge_class",
        "recipient",
        "issued_on",
        "expires_on",
        "method",
        "awarded_by",
        "evidence_note",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
        "closed_at",
    ]
    copy_view_enabled = False

    def get_queryset(self, request):
        return BadgeAward.objects.select_related("badge_class", "recipient")


class BadgesGroup(SnippetViewSetGroup):
    menu_label = "Badges"
    menu_icon = "pick"
    menu_order = 260
    items = (IssuerViewSet, BadgeClassViewSet, BadgeAwardViewSet)


register_snippet(BadgesGroup)


@hooks.register("after_create_snippet")
def issuer_key_on_create(request, instance) -> None:
    """An issuer made in the admin gets its signing key at once (its DID document must have
    the key before the first credential is asked for)."""
    if isinstance(instance, Issuer):
        issuer_key_ensure(issuer=instance)
