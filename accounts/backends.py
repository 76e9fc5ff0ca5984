"""How people sign in (by email or username), and whose permissions are remembered."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from core import generations

from .selectors import user_by_login

PERMISSIONS_GENERATION_KEY = "accounts:permissions-generation"
#: Entries are keyed on the generation, so a change shows at once; this bounds how long an
#: old generation's entries stay in memory.
PERMISSIONS_TIMEOUT = 60 * 60


def permissions_generation() -> str:
    return generations.current(PERMISSIONS_GENERATION_KEY)


def permissions_changed(**_kwargs) -> None:
    """Any group, permission or membership changed: every cached permission set is old."""
    generations.renew(PERMISSIONS_GENERATION_KEY)


def connect() -> None:
    User = get_user_model()
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(
            permissions_changed, sender=through, dispatch_uid=f"accounts.perms.{through.__name__}"
        )
    for model in (Group, Permission):
        for signal, name in ((post_save, "save"), (post_delete, "delete")):
            signal.connect(
                permissions_changed, sender=model, dispatch_uid=f"accounts.perms.{name}.{model}"
            )


class EmailOrUsernameBackend(ModelBackend):
    """Lets people sign in with their email address or their username."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        User = get_user_model()
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if not username or password is None:
            return None
        user = user_by_login(login=username)
        if user is None:
            # Spend the same time as a real check so existence is not revealed by timing.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def _get_permissions(self, user_obj, obj, from_name):
        """A person's own and group permissions, from the cache under the permissions
        generation: every page asks (the Wagtail user bar's "may they use the admin?"), and
        they change only when an administrator changes a group or a person's groups.
        ``is_active`` is read from the row each time (ModelBackend), and ``is_superuser`` is
        part of the key."""
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        perm_cache_name = f"_{from_name}_perm_cache"
        if not hasattr(user_obj, perm_cache_name):
            key = ":".join(
                (
                    "perms",
                    permissions_generation(),
                    from_name,
                    str(user_obj.pk),
                    "super" if user_obj.is_superuser else "",
                )
            )
            perms = cache.get(key)
            if perms is None:
                perms = super()._get_permissions(user_obj, obj, from_name)
                cache.set(key, perms, PERMISSIONS_TIMEOUT)
            setattr(user_obj, perm_cache_name, perms)
        return getattr(user_obj, perm_cache_name)
